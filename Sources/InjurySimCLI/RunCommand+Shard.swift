import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim run --shard K/N`: one task's share of a study, written as a part for `merge`.
extension Program {
    static func runShard(_ text: String, _ options: CommandOptions, console: Console) async throws(CommandError) {
        let shard = try shardSelection(text)
        let overrides = try parseOverrides(options.sets)
        // Loaded as `run` loads it (checks, warnings, options); the part records the resolved
        // document and the shard runs the scenario decoded from it, exactly as the merge will.
        let (loaded, hash) = try loadSingle(options, console: console)
        let scenario: Scenario
        let scenarioText: String
        do throws(ScenarioError) {
            scenarioText = try ScenarioLoader.resolvedText(path: options.files[0], overrides: overrides)
            scenario = try PartFiles.scenario(
                text: Array(scenarioText.utf8), file: options.files[0], seed: loaded.seed,
                replications: loaded.replications, sampleFraction: loaded.sampleFraction,
                uncertainty: loaded.uncertainty)
        } catch { throw .scenario(error) }
        try checkResources([scenario], options, console: console, runs: 1 + scenario.choices.count)
        let held = shard.replications(of: scenario.replications)
        let outDirectory = options.out ?? "Results/\(scenario.name)-parts/shard-\(shard.index)-of-\(shard.count)"
        let claimed = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { claimed.release() }
        let progress = progressHandler(options, console: console, total: held.count * (1 + scenario.choices.count))
        let counter = ProgressCounter()
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
        let (results, choices) = try await claimed.simulate {
            await RunCommand.runWithChoices(scenario, replications: held, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let study = PartFiles.Study(
            scenarioFile: URL(fileURLWithPath: options.files[0]).lastPathComponent, contentHash: hash,
            sets: options.sets, scenarioText: scenarioText)
        let part = PartFiles(scenario: scenario, study: study, shard: shard, results: results, choices: choices.map(\.metrics))
        do throws(OutputError) { try claimed.folder.commit(bytes: part.files) } catch { throw .output(error) }
        claimed.checkpoint.remove()
        if !options.quiet {
            let bytes = part.files.reduce(0) { $0 + $1.bytes.count }
            console.out(
                "Shard \(shard) of \(scenario.name): \(held.count) of \(scenario.replications) replications "
                    + "(r mod \(shard.count) = \(shard.index - 1)), \(bytes) bytes, written to \(outDirectory)/\n"
                    + "When all \(shard.count) shards are done: injurysim merge PART… --out DIR\n")
        }
    }
}
