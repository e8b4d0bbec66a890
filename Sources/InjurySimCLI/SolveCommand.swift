import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim solve`.
struct SolveCommand: SimulationCommand {
    static let name = CommandName.solve
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let (scenario, hash) = try Program.loadSingle(options, console: console)
        guard let targetText = options.target, let target = PolicyCommands.Target(parsing: targetText) else {
            throw .usage(
                "--target must be ruin<=P, poolruin<=P, insolvency<=P, capital<=P (P from 0 to 1, or a percentage), funded>=X or "
                    + "reserve>=MONTHS[@YEAR][:P] (MONTHS from 0 to 240, P above 0, 0.95 when left out); got '\(options.target ?? "")'")
        }
        var sector: Int?
        if let name = options.forSector, name != "all" {
            guard let index = scenario.sectors.firstIndex(where: { $0.name == name }) else {
                throw .usage("--for must be all or a sector of the scenario (\(scenario.sectors.map(\.name).joined(separator: ", "))); got '\(name)'")
            }
            sector = index
        }
        try Program.checkResources([scenario], options, console: console, runs: PolicyCommands.solveMostRounds, atMost: true)
        if let shard = options.shard {
            return try await Program.solveShard(shard, (scenario, hash), target: target, sector: sector, options, console: console)
        }
        let outDirectory = options.out ?? "Results/" + scenario.name + "-solve"
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        // The count of rounds is known only as an upper bound.
        let progress = Program.progressHandler(
            options, console: console, total: PolicyCommands.solveMostRounds, label: "solve rounds done", bounded: true)
        var onProgress: (@Sendable (String) -> Void)?
        let counter = ProgressCounter()
        // A round is reported as it starts, when those before it are done.
        if let progress { onProgress = { step in progress.update(done: counter.increment() - 1, detail: "next: " + step) } }
        let solution = try await folder.simulate {
            await PolicyCommands.solve(scenario, target: target, sector: sector, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let report = SolveReport(solution: solution)
        try Program.publish(
            .solve, [("solve.json", report.renderJSON().rendered())], scenarios: [(scenario, hash)],
            extra: ["target": .string(targetText), "for": .string(options.forSector ?? "all")], to: folder,
            options: options, console: console,
            header: "InjurySim solve — \(scenario.name), \(scenario.replications) replications, seed \(scenario.seed)",
            body: report.renderText())
    }
}
