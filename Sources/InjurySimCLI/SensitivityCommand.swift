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
        try Program.checkResources([scenario], options, console: console)
        if let shard = options.shard { return try await Program.sensitivityShard(shard, (scenario, hash), options, console: console) }
        let outDirectory = options.out ?? "Results/" + scenario.name + "-sensitivity"
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        var onProgress: (@Sendable (String) -> Void)?
        let total = 1 + 2 * PolicyCommands.sensitivityInputs.count
        let counter = ProgressCounter()
        if !options.quiet && console.errIsTerminal {
            onProgress = { step in console.err("\r\u{1B}[2Ksensitivity: run \(counter.increment())/\(total) (\(step))…") }
        }
        let outcome = try await folder.simulate { await PolicyCommands.sensitivity(scenario, threads: options.threads, progress: onProgress) }
        if onProgress != nil { console.err("\r\u{1B}[2K") }
        let report = SensitivityReport(
            scenario: scenario, baselineRuin: outcome.baselineRuin,
            baselineBreakEven: outcome.baselineBreakEven, rows: outcome.rows)
        try Program.publish(
            .sensitivity, [("sensitivity.csv", report.renderCSV()), ("sensitivity.json", report.renderJSON().rendered())],
            scenarios: [(scenario, hash)], to: folder, options: options, console: console, header: nil,
            body: report.renderTable())
    }
}
