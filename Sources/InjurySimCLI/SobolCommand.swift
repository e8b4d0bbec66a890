import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput

/// `injurysim sobol`: variance-based indices of the headline figures over the simulator
/// (``GlobalSensitivity``). Writes sobol.csv, sobol.json, manifest.json and report.html.
struct SobolCommand: SimulationCommand {
    static let name = CommandName.sobol
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let (scenario, hash) = try Program.loadInputStudy(options, console: console)
        let groups = GlobalSensitivity.groups(scenario, by: options.grouping)
        let design = GlobalSensitivity.design(scenario, groups: groups, rows: options.rows)
        try Program.checkResources([design], options, console: console)
        let outDirectory = options.out ?? "Results/" + scenario.name + "-sobol"
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        let progress = Program.progressHandler(options, console: console, total: design.replications, label: "sobol replications")
        let counter = ProgressCounter()
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
        let outcome = try await folder.simulate {
            await GlobalSensitivity.run(scenario, by: options.grouping, rows: options.rows, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let table = SobolTable(scenario: scenario, grouping: options.grouping, rows: options.rows, groups: outcome.groups, indices: outcome.rows)
        try Program.publish(
            .sobol, [("sobol.csv", table.renderCSV()), ("sobol.json", table.renderJSON().rendered())], scenarios: [(design, hash)],
            extra: ["grouping": .string(options.grouping.rawValue), "baseRows": .number(String(options.rows))], to: folder, options: options,
            console: console, header: nil, body: table.renderTable())
    }
}
