import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim solve … --shard K/N`: the search for one task's share of the replications, written
/// as a part (each replication's threshold and benchmark result) for `merge`.
extension Program {
    static func solveShard(
        _ text: String, _ loaded: (Scenario, String), target: PolicyCommands.Target, sector: Int?,
        _ options: CommandOptions, console: Console
    ) async throws(CommandError) {
        let shard = try shardSelection(text)
        let hash = loaded.1
        let (scenario, scenarioText) = try partScenario(loaded.0, options)
        let held = shard.replications(of: scenario.replications)
        let outDirectory = options.out ?? "Results/\(scenario.name)-solve-parts/shard-\(shard.index)-of-\(shard.count)"
        let claimed = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { claimed.release() }
        let progress = progressHandler(
            options, console: console, total: PolicyCommands.solveMostRounds, label: "solve shard \(shard) rounds done", bounded: true)
        var onProgress: (@Sendable (String) -> Void)?
        let counter = ProgressCounter()
        // A round is reported as it starts, when those before it are done.
        if let progress { onProgress = { step in progress.update(done: counter.increment() - 1, detail: "next: " + step) } }
        let share = try await claimed.simulate {
            await PolicyCommands.solveSearch(
                scenario, target: target, sector: sector, replications: held, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let study = PartFiles.Study(
            scenarioFile: URL(fileURLWithPath: options.files[0]).lastPathComponent, contentHash: hash,
            sets: options.sets, scenarioText: scenarioText)
        let part = PartFiles(
            solving: scenario, study: study, shard: shard, target: options.target ?? "", forSector: options.forSector ?? "all",
            share: share)
        do throws(OutputError) { try claimed.folder.commit(bytes: part.files) } catch { throw .output(error) }
        claimed.checkpoint.remove()
        if !options.quiet {
            console.out(
                "solve shard \(shard) of \(scenario.name): thresholds of \(held.count) of \(scenario.replications) replications "
                    + "(r mod \(shard.count) = \(shard.index - 1)), written to \(outDirectory)/\n"
                    + "When all \(shard.count) shards are done: injurysim merge PART… --out DIR\n")
        }
    }

    /// The scenario a part records and its shard runs: the file resolved into one document with
    /// the `--set` overrides, decoded with the options `loaded` was loaded with — exactly as the
    /// merge will decode it.
    static func partScenario(_ loaded: Scenario, _ options: CommandOptions) throws(CommandError) -> (Scenario, String) {
        do throws(ScenarioError) {
            let text = try ScenarioLoader.resolvedText(path: options.files[0], overrides: try parseScenarioOverrides(options.sets))
            let scenario = try PartFiles.scenario(
                text: Array(text.utf8), file: options.files[0], seed: loaded.seed, replications: loaded.replications,
                sampleFraction: loaded.sampleFraction, uncertainty: loaded.uncertainty)
            return (scenario, text)
        } catch { throw .scenario(error) }
    }

    /// `--set` arguments as overrides, with scenario errors as such.
    static func parseScenarioOverrides(_ texts: [String]) throws(ScenarioError) -> [ScenarioOverride] {
        var overrides: [ScenarioOverride] = []
        for text in texts { overrides.append(try ScenarioOverride(parsing: text)) }
        return overrides
    }
}
