import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// Parts of `solve`: `scenario.json` as for `run`, and per replication `replication-NNNNNN.iss1`:
/// three little-endian 64-bit words — the threshold multiplier's bits, the bracket-growing rounds
/// and the bisection rounds it took part in — then its result at the benchmark rates (ISR4).
extension PartFiles {
    package init(
        solving scenario: Scenario, study: Study, shard: ShardSelection, target: String, forSector: String,
        share: PolicyCommands.SolveShare
    ) {
        precondition(share.replications == shard.replications(of: scenario.replications), "a part holds exactly its shard's replications")
        var files: [(name: String, bytes: [UInt8])] = [(PartManifest.scenarioFileName, Array(study.scenarioText.utf8))]
        for (index, replication) in share.replications.enumerated() {
            let words = [share.thresholds[index].bitPattern, UInt64(share.growthRounds[index]), UInt64(share.bisectionRounds[index])]
            files.append((PartManifest.dataFileName(replication, command: "solve"), words.flatMap(Self.bytes) + share.atBenchmark[index].encoded()))
        }
        let entries = files.map { PartManifest.FileEntry(name: $0.name, bytes: $0.bytes.count, checksum: ScenarioLoader.contentHash($0.bytes)) }
        manifest = PartManifest(
            scenarioName: scenario.name, scenarioFile: study.scenarioFile, scenarioContentHash: study.contentHash,
            seed: scenario.seed, replications: scenario.replications, sampleFraction: scenario.sampleFraction,
            uncertainty: scenario.uncertainty, sets: study.sets, shard: shard, replicationsHeld: share.replications, files: entries)
        manifest.command = "solve"
        manifest.target = target
        manifest.forSector = forSector
        files.append(("manifest.json", Array(manifest.rendered().utf8)))
        self.files = files
    }
}
