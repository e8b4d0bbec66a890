import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim sensitivity`.
struct SensitivityCommand: SimulationCommand {
    static let name = CommandName.sensitivity
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let (scenario, hash) = try Program.loadSingle(options, console: console)
        let runCount = PolicyCommands.sensitivityRuns(scenario).count
        try Program.checkResources([scenario], options, console: console, runs: runCount)
        if let shard = options.shard { return try await Program.sensitivityShard(shard, (scenario, hash), options, console: console) }
        let outDirectory = options.out ?? "Results/" + scenario.name + "-sensitivity"
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        // Every replication of every run counts, so the time left is the whole study's.
        let progress = Program.progressHandler(
            options, console: console, total: runCount * scenario.replications, label: "sensitivity replications")
        var onProgress: (@Sendable (String, Bool) -> Void)?
        let counter = ProgressCounter()
        if let progress {
            onProgress = { run, finished in if finished { progress.update(done: counter.increment(), detail: run) } }
        }
        let outcome = try await folder.simulate { await PolicyCommands.sensitivity(scenario, threads: options.threads, progress: onProgress) }
        progress?.finish()
        let report = SensitivityReport(scenario: scenario, outcome: outcome)
        try Program.publish(
            .sensitivity, [("sensitivity.csv", report.renderCSV()), ("sensitivity.json", report.renderJSON().rendered())],
            scenarios: [(scenario, hash)], to: folder, options: options, console: console, header: nil,
            body: report.renderTable())
    }
}
