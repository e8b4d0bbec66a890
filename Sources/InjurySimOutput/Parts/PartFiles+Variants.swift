import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// Parts of commands that run several scenario variants with common random numbers (`compare`,
/// `sweep`):
/// `scenario.json` is a list of the variants' resolved documents, and each replication's file
/// holds its ``ReplicationMetrics`` for every run in order (``ReplicationMetrics/encodedSize(months:years:)``
/// bytes each, monthly net positions included) — what the command's tables and monthly medians
/// are computed from after the merge.
extension PartFiles {
    /// `metrics[v]` holds run v's figures for the shard's replications, ascending (one run per
    /// scenario for compare and sweep; the ``PolicyCommands/sensitivityRuns(_:)`` of the one
    /// scenario for sensitivity; the design's worlds for sobol, whose one scenario is the design's
    /// (``GlobalSensitivity/design(_:groups:rows:)``), so the part's replications are its worlds).
    package init(
        command: String, scenarios: [Scenario], hashes: [String], axes: [PartManifest.Axis] = [], grouping: String? = nil, study: Study,
        shard: ShardSelection, metrics: [[ReplicationMetrics]]
    ) {
        let first = scenarios[0]
        let held = shard.replications(of: first.replications)
        precondition(metrics.allSatisfy { $0.count == held.count }, "every run holds the shard's replications")
        var files: [(name: String, bytes: [UInt8])] = [(PartManifest.scenarioFileName, Array(study.scenarioText.utf8))]
        for (index, replication) in held.enumerated() {
            let record = metrics.indices.flatMap { run in metrics[run][index].encoded() }
            files.append((PartManifest.dataFileName(replication, command: command), record))
        }
        let entries = files.map { PartManifest.FileEntry(name: $0.name, bytes: $0.bytes.count, checksum: ScenarioLoader.contentHash($0.bytes)) }
        manifest = PartManifest(
            scenarioName: scenarios.map(\.name).joined(separator: ","), scenarioFile: study.scenarioFile,
            scenarioContentHash: study.contentHash, seed: first.seed, replications: first.replications,
            sampleFraction: first.sampleFraction, uncertainty: first.uncertainty, sets: study.sets, shard: shard,
            replicationsHeld: held, files: entries)
        manifest.command = command
        manifest.variantHashes = hashes
        manifest.axes = axes
        manifest.grouping = grouping
        files.append(("manifest.json", Array(manifest.rendered().utf8)))
        self.files = files
    }

    /// A word's 8 bytes, least significant first.
    static func bytes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) } }

    /// The resolved documents of several scenarios as one JSON list (for `scenario.json`).
    package static func variantsText(_ documents: [String]) -> String {
        "[\n" + documents.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: ",\n") + "\n]\n"
    }

    /// The variants a part's replications ran: each document of the list decoded, with the study's
    /// seed, replications and sample fraction (their uncertainty is in the document). The shard
    /// and the merge both build them this way.
    package static func variantScenarios(
        text: [UInt8], file: String, seed: UInt64, replications: Int,
        sampleFraction: Double
    ) throws(ScenarioError) -> [Scenario] {
        let root: JSONNode
        do throws(JSONSyntaxError) { root = try JSONCParser.parse(text) } catch {
            throw ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "", value: "", message: "syntax error: " + error.message,
                        line: error.line, column: error.column)
                ])
        }
        guard case .array(let documents) = root.value, !documents.isEmpty else {
            throw ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "", value: root.excerpt, message: "expected a list of scenarios",
                        line: root.line, column: root.column)
                ])
        }
        var scenarios: [Scenario] = []
        for document in documents {
            var scenario = try ScenarioLoader.decode(bytes: Array(document.renderedPreservingOrder().utf8), file: file)
            scenario.seed = seed
            scenario.replications = replications
            scenario.sampleFraction = sampleFraction
            scenarios.append(scenario)
        }
        return scenarios
    }
}
