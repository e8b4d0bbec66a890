import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimIO

/// `injurysim compare … --shard K/N`: one task's share of every scenario's replications, written
/// as a part (each replication's figures for every scenario) for `merge`.
extension Program {
    static func compareShard(_ text: String, _ loaded: [(Scenario, String)], overrides: [ScenarioOverride], _ options: CommandOptions,
                             console: Console) async throws(CommandError) {
        let shard: ShardSelection
        do throws(ShardSelection.Problem) {
            shard = try ShardSelection(parsing: text, environment: ProcessInfo.processInfo.environment)
        } catch { throw .usage(error.message) }
        let first = loaded[0].0
        // The documents as compare ran them: overrides applied, --no-uncertainty written into each.
        let extra = options.uncertainty == false ? [try parseOverrides(["uncertainty=false"])[0]] : []
        let scenarioText: String
        let scenarios: [Scenario]
        do throws(ScenarioError) {
            var documents: [String] = []
            for file in options.files { documents.append(try ScenarioLoader.resolvedText(path: file, overrides: overrides + extra)) }
            scenarioText = PartFiles.variantsText(documents)
            scenarios = try PartFiles.variantScenarios(text: Array(scenarioText.utf8), file: options.files[0], seed: first.seed,
                                                       replications: first.replications, sampleFraction: first.sampleFraction)
        } catch { throw .scenario(error) }
        let held = shard.replications(of: first.replications)
        let names = scenarios.map(\.name)
        let outDirectory = options.out ?? "Results/compare-" + names.joined(separator: "-vs-") + "-parts/shard-\(shard.index)-of-\(shard.count)"
        let claimed = try claim(outDirectory, options, hashes: loaded.map(\.1), console: console)
        defer { claimed.release() }
        let progress = progressHandler(options, console: console, total: held.count * scenarios.count)
        let counter = ProgressCounter()
        var metrics: [[ReplicationMetrics]] = []
        for scenario in scenarios {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let coordinator = ReplicationCoordinator(scenario: scenario)
            let results = await claimed.simulate {
                await MonteCarloRunner.run(jobs: held.map { (coordinator, $0) }, threads: options.threads, progress: onProgress)
            }
            metrics.append(results.map { ReplicationMetrics($0) })
        }
        progress?.finish()
        let study = PartFiles.Study(scenarioFile: options.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ","),
                                    contentHash: loaded.map(\.1).joined(separator: " "), sets: options.sets, scenarioText: scenarioText)
        let part = PartFiles(command: "compare", scenarios: scenarios, hashes: loaded.map(\.1), study: study, shard: shard, metrics: metrics)
        do throws(OutputError) { try claimed.folder.commit(bytes: part.files) } catch { throw .output(error) }
        claimed.checkpoint.remove()
        if !options.quiet {
            console.out("Compare shard \(shard) of \(names.joined(separator: ", ")): \(held.count) of \(first.replications) replications "
                        + "(r mod \(shard.count) = \(shard.index - 1)) of each scenario, written to \(outDirectory)/\n"
                        + "When all \(shard.count) shards are done: injurysim merge PART… --out DIR\n")
        }
    }
}
