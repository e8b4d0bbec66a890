import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// Parts of `condition`: one round's share of the worlds. `scenario.json` as for `run`, and per
/// world `replication-NNNNNN.isr3`, its ``ReplicationResult`` under the round's scenario (the plain
/// scenario in round 0, the worlds proposed from the earlier rounds after it). The manifest names
/// the round and the study's most rounds; a merge of every round's parts replays the rounds.
extension PartFiles {
    /// `results` must be the shard's worlds of the round, in ascending order.
    package init(conditioning scenario: Scenario, study: Study, shard: ShardSelection, round: Int, rounds: Int, results: [ReplicationResult]) {
        self.init(scenario: scenario, study: study, shard: shard, results: results, command: "condition")
        manifest.round = round
        manifest.rounds = rounds
        files[files.count - 1] = ("manifest.json", Array(manifest.rendered().utf8))
    }

    /// The study fields a part of this study records (``PartManifest/studyFields``): its manifest
    /// without replications, for checking that earlier rounds' parts are of the same study.
    package static func conditionStudy(_ scenario: Scenario, study: Study, shard: ShardSelection, rounds: Int) -> PartManifest {
        let text = Array(study.scenarioText.utf8)
        var manifest = PartManifest(
            scenarioName: scenario.name, scenarioFile: study.scenarioFile, scenarioContentHash: study.contentHash, seed: scenario.seed,
            replications: scenario.replications, sampleFraction: scenario.sampleFraction, uncertainty: scenario.uncertainty,
            sets: study.sets, shard: shard, replicationsHeld: [],
            files: [PartManifest.FileEntry(name: PartManifest.scenarioFileName, bytes: text.count, checksum: ScenarioLoader.contentHash(text))])
        manifest.command = "condition"
        manifest.rounds = rounds
        return manifest
    }
}
