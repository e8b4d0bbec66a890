import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim condition --shard K/N --round T`: one task's share of round T's worlds, written as a
/// part for `merge`. Round 0's worlds are the scenario's own; a later round's are proposed from
/// the rounds before it, which the task reads from their parts (`--after DIR`, as DIR/round-R/PART)
/// and replays exactly as `merge` does, so every task of the round proposes the same worlds.
extension Program {
    static func conditionShard(_ text: String, _ loaded: (Scenario, String), _ options: CommandOptions, console: Console) async throws(CommandError) {
        let shard = try shardSelection(text)
        let round = options.round ?? 0
        guard round <= options.rounds else {
            throw .usage("--round \(round) is past the study's last round: --rounds \(options.rounds) allows rounds 0 to \(options.rounds)")
        }
        let hash = loaded.1
        let (scenario, scenarioText) = try partScenario(loaded.0, options)
        let study = PartFiles.Study(
            scenarioFile: URL(fileURLWithPath: options.files[0]).lastPathComponent, contentHash: hash, sets: options.sets,
            scenarioText: scenarioText)
        let root = options.after ?? "Results/\(scenario.name)-condition-parts"
        let roundScenario =
            round == 0 ? scenario : try proposedRound(round, of: scenario, study: study, shard: shard, rounds: options.rounds, root: root)
        let held = shard.replications(of: scenario.replications)
        let outDirectory = options.out ?? "\(root)/round-\(round)/shard-\(shard.index)-of-\(shard.count)"
        let claimed = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { claimed.release() }
        let progress = progressHandler(options, console: console, total: held.count)
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { done in progress.update(done: done) } }
        let coordinator = ReplicationCoordinator(scenario: roundScenario)
        let results = try await claimed.simulate {
            await MonteCarloRunner.run(jobs: held.map { (coordinator, $0) }, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let part = PartFiles(conditioning: scenario, study: study, shard: shard, round: round, rounds: options.rounds, results: results)
        do throws(OutputError) { try claimed.folder.commit(bytes: part.files) } catch { throw .output(error) }
        claimed.checkpoint.remove()
        if !options.quiet {
            console.out(
                "condition round \(round), shard \(shard) of \(scenario.name): \(held.count) of \(scenario.replications) worlds "
                    + "(r mod \(shard.count) = \(shard.index - 1)), written to \(outDirectory)/\n"
                    + "When all \(shard.count) shards of round \(round) are done: injurysim merge \(root)/round-*/* --out DIR\n"
                    + "(it writes the study's folder, or names the next round to run)\n")
        }
    }

    /// Round `round`'s scenario: the worlds proposed from rounds 0 to `round` − 1, replayed from
    /// their parts under `root` (parts of later rounds are left alone). Refused when those parts
    /// are another study's, a round is missing, or the study already ended.
    static func proposedRound(
        _ round: Int, of scenario: Scenario, study: PartFiles.Study, shard: ShardSelection, rounds: Int, root: String
    ) throws(CommandError) -> Scenario {
        let paths = PartFolderReader.partFolders(under: root, depth: 2)
        let parts: [PartMerge.Part]
        do throws(PartError) { parts = try PartFolderReader.open(paths) } catch {
            throw .usage("the earlier rounds' parts under --after \(root) cannot be read:\n" + error.description)
        }
        let earlier = parts.filter { $0.manifest.command == "condition" && ($0.manifest.round ?? 0) < round }
        guard !earlier.isEmpty else {
            throw .usage(
                "round \(round) is proposed from rounds 0 to \(round - 1), but --after \(root) holds no part of them "
                    + "(a part of round R is DIR/round-R/PART, as `condition --shard K/N --round R` writes it)")
        }
        // This task's study, as its part will record it: the earlier rounds must be of the same one.
        let mine = PartFiles.conditionStudy(scenario, study: study, shard: shard, rounds: rounds)
        let reference = mine.studyFields.filter { $0.name != "shardCount" }
        let theirs = earlier[0].manifest.studyFields.filter { $0.name != "shardCount" }
        let differ = zip(reference, theirs).filter { $0.0.value != $0.1.value }
        guard differ.isEmpty else {
            throw .usage(
                "the parts under --after \(root) are another study's: "
                    + differ.map { "\($0.0.name) \($0.1.value) where this task has \($0.0.value)" }.joined(separator: "; ")
                    + " (give every round the same scenario, options and --rounds)")
        }
        let merged: PartMerge.MergedCondition
        do throws(PartError) { merged = try PartMerge.mergeCondition(earlier) } catch {
            throw .usage("the earlier rounds' parts under --after \(root) do not make rounds 0 to \(round - 1):\n" + error.description)
        }
        guard merged.rounds.count == round else {
            throw .usage(
                "round \(round) is proposed from rounds 0 to \(round - 1), but the parts under --after \(root) hold rounds 0 to "
                    + "\(merged.rounds.count - 1): run round \(merged.rounds.count) first")
        }
        guard let next = merged.next else {
            let last = merged.rounds[round - 1]
            throw .usage(
                "the study ended with round \(round - 1) (effective sample size \(Format.fixed(last.effectiveSampleSize, 2) ?? ""), "
                    + "target \(Format.fixed(merged.target, 1) ?? "")): no round \(round) is run; merge the parts: injurysim merge \(root)/round-*/*")
        }
        return next
    }
}
