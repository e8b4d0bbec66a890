import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// The files of a part — `scenario.json`, one `replication-NNNNNN.isr3` per replication held (the
/// checkpoint's byte format, ``ReplicationResult/encoded()``) and `manifest.json` — built from a
/// shard's results. Pure: the same inputs give the same bytes.
package struct PartFiles: Sendable {
    /// Name and bytes, manifest last (it is written last into the staging folder).
    package var files: [(name: String, bytes: [UInt8])]
    package var manifest: PartManifest

    /// The study's options, as recorded in every part.
    package struct Study: Sendable {
        package var scenarioFile: String
        package var contentHash: String
        package var sets: [String]
        /// The scenario resolved into one document (``ScenarioLoader/resolvedText(path:overrides:)``).
        package var scenarioText: String

        package init(scenarioFile: String, contentHash: String, sets: [String], scenarioText: String) {
            self.scenarioFile = scenarioFile
            self.contentHash = contentHash
            self.sets = sets
            self.scenarioText = scenarioText
        }
    }

    /// `results` must be the shard's replications of `scenario`, in ascending order.
    /// `choices[c]` holds choice c's figures for the same replications (``Scenario/choices``):
    /// each replication's file carries them after its result, in the ISM3 format.
    package init(
        scenario: Scenario, study: Study, shard: ShardSelection, results: [ReplicationResult], choices: [[ReplicationMetrics]] = [],
        command: String = "run"
    ) {
        let held = results.map(\.replication)
        precondition(held == shard.replications(of: scenario.replications), "a part holds exactly its shard's replications")
        precondition(choices.allSatisfy { $0.count == results.count }, "every choice holds the shard's replications")
        var files: [(name: String, bytes: [UInt8])] = [(PartManifest.scenarioFileName, Array(study.scenarioText.utf8))]
        for (index, result) in results.enumerated() {
            files.append(
                (PartManifest.dataFileName(result.replication, command: command), result.encoded() + choices.flatMap { $0[index].encoded() }))
        }
        let entries = files.map { PartManifest.FileEntry(name: $0.name, bytes: $0.bytes.count, checksum: ScenarioLoader.contentHash($0.bytes)) }
        manifest = PartManifest(
            scenarioName: scenario.name, scenarioFile: study.scenarioFile, scenarioContentHash: study.contentHash,
            seed: scenario.seed, replications: scenario.replications, sampleFraction: scenario.sampleFraction,
            uncertainty: scenario.uncertainty, sets: study.sets, shard: shard, replicationsHeld: held, files: entries)
        manifest.command = command
        files.append(("manifest.json", Array(manifest.rendered().utf8)))
        self.files = files
    }

    /// The scenario a part's replications ran: its resolved document with the study's options
    /// applied. Both the shard and the merge build it this way, so they simulate and summarise
    /// the same scenario.
    package static func scenario(
        text: [UInt8], file: String, seed: UInt64, replications: Int, sampleFraction: Double,
        uncertainty: Bool
    ) throws(ScenarioError) -> Scenario {
        var scenario = try ScenarioLoader.decode(bytes: text, file: file)
        scenario.seed = seed
        scenario.replications = replications
        scenario.sampleFraction = sampleFraction
        scenario.uncertainty = uncertainty
        return scenario
    }
}
