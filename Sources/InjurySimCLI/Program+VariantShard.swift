import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `compare`, `sweep`, `sensitivity` and `sobol` with `--shard K/N`: one task's share of every variant's
/// replications, written as a part (each replication's figures for every run) for `merge`.
extension Program {
    /// A variant as the command loaded it: its file, the overrides that make it, and the loaded
    /// scenario with its content hash.
    struct ShardVariant {
        var file: String
        var overrides: [ScenarioOverride]
        var loaded: (Scenario, String)
    }

    static func compareShard(
        _ text: String, _ loaded: [(Scenario, String)], overrides: [ScenarioOverride], _ options: CommandOptions,
        console: Console
    ) async throws(CommandError) {
        let variants = zip(options.files, loaded).map { ShardVariant(file: $0.0, overrides: overrides, loaded: $0.1) }
        let names = loaded.map(\.0.name).joined(separator: "-vs-")
        try await variantShard(.compare, text, variants, axes: [], defaultOut: "Results/compare-" + names + "-parts", options, console: console)
    }

    static func sweepShard(
        _ text: String, axes: [SweepAxis], fixed: [ScenarioOverride], points: [(settings: [(String, String)], scenario: Scenario, hash: String)],
        _ options: CommandOptions, console: Console
    ) async throws(CommandError) {
        var variants: [ShardVariant] = []
        for point in points {
            var overrides = fixed
            for (path, value) in point.settings {
                do throws(ScenarioError) { overrides.append(try ScenarioOverride(parsing: path + "=" + value)) } catch { throw .scenario(error) }
            }
            variants.append(ShardVariant(file: options.files[0], overrides: overrides, loaded: (point.scenario, point.hash)))
        }
        try await variantShard(
            .sweep, text, variants, axes: axes.map { PartManifest.Axis(path: $0.path, values: $0.values) },
            defaultOut: "Results/" + points[0].scenario.name + "-sweep-parts", options, console: console)
    }

    static func sensitivityShard(_ text: String, _ loaded: (Scenario, String), _ options: CommandOptions, console: Console) async throws(CommandError)
    {
        let variant = ShardVariant(file: options.files[0], overrides: try parseOverrides(options.sets), loaded: loaded)
        try await variantShard(
            .sensitivity, text, [variant], axes: [], defaultOut: "Results/" + loaded.0.name + "-sensitivity-parts",
            options, console: console)
    }

    /// `sobol`: the design's worlds of one scenario, written as a part of `sobol`.
    static func sobolShard(_ text: String, _ loaded: (Scenario, String), _ options: CommandOptions, console: Console) async throws(CommandError) {
        let variant = ShardVariant(file: options.files[0], overrides: try parseOverrides(options.sets), loaded: loaded)
        try await variantShard(
            .sobol, text, [variant], axes: [], defaultOut: "Results/" + loaded.0.name + "-sobol-parts", options, console: console)
    }

    static func variantShard(
        _ command: CommandName, _ text: String, _ variants: [ShardVariant], axes: [PartManifest.Axis], defaultOut: String,
        _ options: CommandOptions, console: Console
    ) async throws(CommandError) {
        let shard = try shardSelection(text)
        let first = variants[0].loaded.0
        // The documents as the command ran them: overrides applied, --no-uncertainty written into each.
        let extra = options.uncertainty == false ? [try parseOverrides(["uncertainty=false"])[0]] : []
        let scenarioText: String
        let scenarios: [Scenario]
        do throws(ScenarioError) {
            var documents: [String] = []
            for variant in variants { documents.append(try ScenarioLoader.resolvedText(path: variant.file, overrides: variant.overrides + extra)) }
            scenarioText = PartFiles.variantsText(documents)
            scenarios = try PartFiles.variantScenarios(
                text: Array(scenarioText.utf8), file: options.files[0], seed: first.seed,
                replications: first.replications, sampleFraction: first.sampleFraction)
        } catch { throw .scenario(error) }
        // Sobol runs its one scenario's design: the part's replications are the design's worlds.
        let design =
            command == .sobol
            ? GlobalSensitivity.design(scenarios[0], groups: GlobalSensitivity.groups(scenarios[0], by: options.grouping), rows: options.rows) : nil
        let held = shard.replications(of: design?.replications ?? first.replications)
        let hashes = variants.map(\.loaded.1)
        let outDirectory = options.out ?? defaultOut + "/shard-\(shard.index)-of-\(shard.count)"
        let claimed = try claim(outDirectory, options, hashes: hashes, console: console)
        defer { claimed.release() }
        // Sensitivity runs its one scenario's low and high variants.
        let runs = command == .sensitivity ? PolicyCommands.sensitivityRuns(scenarios[0]).map(\.scenario) : design.map { [$0] } ?? scenarios
        let progress = progressHandler(options, console: console, total: held.count * runs.count)
        let counter = ProgressCounter()
        var metrics: [[ReplicationMetrics]] = []
        for scenario in runs {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let coordinator = ReplicationCoordinator(scenario: scenario)
            let results = try await claimed.simulate {
                await MonteCarloRunner.run(jobs: held.map { (coordinator, $0) }, threads: options.threads, progress: onProgress)
            }
            metrics.append(results.map { ReplicationMetrics($0, scenario: scenario) })
        }
        progress?.finish()
        let study = PartFiles.Study(
            scenarioFile: options.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ","),
            contentHash: hashes.joined(separator: " "), sets: options.sets, scenarioText: scenarioText)
        let part = PartFiles(
            command: command.rawValue, scenarios: design.map { [$0] } ?? scenarios, hashes: hashes, axes: axes,
            grouping: design == nil ? nil : options.grouping.rawValue, study: study, shard: shard, metrics: metrics)
        do throws(OutputError) { try claimed.folder.commit(bytes: part.files) } catch { throw .output(error) }
        claimed.checkpoint.remove()
        if !options.quiet {
            console.out(
                "\(command.rawValue) shard \(shard): \(held.count) of \(design?.replications ?? first.replications) "
                    + (design == nil ? "replications" : "worlds of the design") + " (r mod \(shard.count) = \(shard.index - 1))"
                    + (design == nil ? " of each of \(runs.count) runs" : "") + ", written to \(outDirectory)/\n"
                    + "When all \(shard.count) shards are done: injurysim merge PART… --out DIR\n")
        }
    }
}
