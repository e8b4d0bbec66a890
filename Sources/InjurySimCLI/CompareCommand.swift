import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim compare`.
struct CompareCommand: SimulationCommand {
    static let name = CommandName.compare
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let overrides = try Program.parseOverrides(options.sets)
        var loaded = try Program.loadAll(options, overrides: overrides, console: console)
        // Common random numbers: every scenario runs the first one's seed, replications and
        // sample fraction (unless given on the command line), so replication r is the same world.
        let first = loaded[0].0
        for index in loaded.indices {
            loaded[index].0.seed = first.seed
            loaded[index].0.replications = first.replications
            loaded[index].0.sampleFraction = first.sampleFraction
        }
        let names = loaded.map(\.0.name)
        if Set(names).count != names.count { throw .usage("the scenarios must have different names; got \(names.joined(separator: ", "))") }
        try Program.checkResources(loaded.map(\.0), options, console: console)
        if let shard = options.shard { return try await Program.compareShard(shard, loaded, overrides: overrides, options, console: console) }
        let outDirectory = options.out ?? "Results/compare-" + names.joined(separator: "-vs-")
        let folder = try Program.claim(outDirectory, options, hashes: loaded.map(\.1), console: console)
        defer { folder.release() }
        let progress = Program.progressHandler(options, console: console, total: first.replications * loaded.count)
        let counter = ProgressCounter()
        var entries: [Comparison.Entry] = []
        for (scenario, _) in loaded {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let metrics = try await folder.simulate { await PolicyCommands.metrics(scenario, threads: options.threads, progress: onProgress) }
            entries.append(Comparison.Entry(name: scenario.name, startMonth: scenario.startMonth, metrics: metrics))
        }
        progress?.finish()
        let comparison = Comparison(entries: entries)
        try Program.publish(
            .compare,
            [
                ("compare.csv", comparison.renderCSV()), ("compare-monthly.csv", comparison.renderMonthlyCSV()),
                ("compare.json", comparison.renderJSON().rendered())
            ],
            scenarios: loaded, to: folder, options: options, console: console,
            header:
                "InjurySim compare — \(first.replications) replications, seed \(first.seed), sample fraction \(Format.fixed(first.sampleFraction, 4) ?? "")",
            body: comparison.renderTable())
    }
}
