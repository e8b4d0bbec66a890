import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput

/// `injurysim sobol`: variance-based indices of the headline figures over the simulator
/// (``GlobalSensitivity``). Writes sobol.csv, sobol.json and manifest.json; with `--shard K/N`
/// one task's share of the design's worlds as a part, which `merge` turns into the same folder
/// (report.html too: the sobol page).
struct SobolCommand: SimulationCommand {
    static let name = CommandName.sobol
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let (scenario, hash) = try Program.loadInputStudy(options, console: console)
        let groups = GlobalSensitivity.groups(scenario, by: options.grouping)
        let design = GlobalSensitivity.design(scenario, groups: groups, rows: options.rows)
        try Program.checkResources([design], options, console: console)
        if let shard = options.shard { return try await Program.sobolShard(shard, (scenario, hash), options, console: console) }
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
            .sobol, Self.files(table), scenarios: [(design, hash)], extra: Self.manifestExtra(table), to: folder, options: options,
            console: console, header: nil, body: table.renderTable())
    }

    /// The files of a study, before its manifest (the command's and a merge's alike).
    static func files(_ table: SobolTable) -> [(name: String, text: String)] {
        [("sobol.csv", table.renderCSV()), ("sobol.json", table.renderJSON().rendered())]
    }

    /// What the manifest adds to a policy command's: the grouping and the base rows.
    static func manifestExtra(_ table: SobolTable) -> [String: JSONOut] {
        ["grouping": .string(table.grouping.rawValue), "baseRows": .number(String(table.rows))]
    }
}
