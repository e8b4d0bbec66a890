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
        try Program.checkResources([scenario], options, console: console)
        let outDirectory = options.out ?? "Results/" + scenario.name
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        let progress = Program.progressHandler(options, console: console, total: scenario.replications)
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { done in progress.update(done: done) } }
        let results = try await folder.simulate {
            await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let summary = RunSummary(scenario: scenario, results: results)
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
}
