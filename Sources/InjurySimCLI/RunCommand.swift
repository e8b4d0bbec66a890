import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim run`.
struct RunCommand: SimulationCommand {
    static let name = CommandName.run
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        if let shard = options.shard {
            // A part keeps every replication's figures, but merge writes a run's standard files only.
            if options.monthlyPaths { throw .usage("--monthly-paths cannot be given with --shard: merge writes a run's standard files only") }
            return try await Program.runShard(shard, options, console: console)
        }
        let (scenario, hash) = try Program.loadSingle(options, console: console)
        try Program.checkResources([scenario], options, console: console, runs: 1 + scenario.choices.count)
        let outDirectory = options.out ?? "Results/" + scenario.name
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        let total = scenario.replications * (1 + scenario.choices.count)
        let progress = Program.progressHandler(options, console: console, total: total)
        let counter = ProgressCounter()
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
        let (results, choices) = try await folder.simulate {
            await Self.runWithChoices(scenario, replications: Array(0..<scenario.replications), threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let summary = RunSummary(scenario: scenario, results: results, choices: choices)
        let files = ResultFiles(
            scenario: scenario, scenarioFile: URL(fileURLWithPath: options.files[0]).lastPathComponent,
            contentHash: hash, results: results, summary: summary, report: !options.noReport, monthlyPaths: options.monthlyPaths)
        let written = try Program.withReport(files.files, options, scenario: scenario)
        try Program.write(written, to: folder)
        if !options.quiet {
            console.out(ConsoleReport.render(scenario: scenario, summary: summary))
            console.out("\nResults written to \(outDirectory)/ (\(written.map(\.name).joined(separator: ", ")))\n")
        }
    }

    /// The replications of `scenario`, then the same replications of each of its choices
    /// (``Scenario/choices``: same seed, so the same worlds and chance) as their figures.
    static func runWithChoices(
        _ scenario: Scenario, replications: [Int], threads: Int, progress: (@Sendable (Int) -> Void)?
    ) async -> (results: [ReplicationResult], choices: [(setting: String, metrics: [ReplicationMetrics])]) {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        let results = await MonteCarloRunner.run(jobs: replications.map { (coordinator, $0) }, threads: threads, progress: progress)
        var choices: [(setting: String, metrics: [ReplicationMetrics])] = []
        for choice in scenario.choices {
            let variant = ReplicationCoordinator(scenario: choice.scenario)
            let runs = await MonteCarloRunner.run(jobs: replications.map { (variant, $0) }, threads: threads, progress: progress)
            choices.append((choice.setting, runs.map { ReplicationMetrics($0, scenario: choice.scenario) }))
        }
        return (results, choices)
    }
}
