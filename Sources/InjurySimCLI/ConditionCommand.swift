import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput

/// `injurysim condition`: the verdict conditioned on the published figures' observation models,
/// with sequential rounds while too few worlds agree (``EvidenceRounds``). Writes rounds.csv,
/// worlds.csv, condition.json, manifest.json and report.html.
struct ConditionCommand: SimulationCommand {
    static let name = CommandName.condition
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        let (scenario, hash) = try Program.loadInputStudy(options, console: console)
        guard scenario.published.contains(where: { !$0.observations.isEmpty }) else {
            throw .usage(
                "condition needs a published figure with an observation model (published[].observation, e.g. {\"recognisedInjuries\": {\"relativeError\": 0.1}}); \(scenario.name) has none"
            )
        }
        try Program.checkResources([scenario], options, console: console, runs: options.rounds + 1, atMost: true)
        let outDirectory = options.out ?? "Results/" + scenario.name + "-conditioned"
        let folder = try Program.claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        // The rounds run until enough worlds agree, so the total is the most they may take.
        let progress = Program.progressHandler(
            options, console: console, total: (options.rounds + 1) * scenario.replications, label: "condition replications", bounded: true)
        let counter = ProgressCounter()
        var onProgress: (@Sendable (Int, Bool) -> Void)?
        if let progress { onProgress = { round, finished in if finished { progress.update(done: counter.increment(), detail: "round \(round)") } } }
        let target = Double(scenario.replications) / 2
        let rounds = try await folder.simulate {
            await EvidenceRounds.run(scenario, rounds: options.rounds, target: target, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let report = ConditionReport(scenario: scenario, rounds: rounds, maximumRounds: options.rounds, target: target)
        try Program.publish(
            .condition,
            [("rounds.csv", report.renderRoundsCSV()), ("worlds.csv", report.renderWorldsCSV()), ("condition.json", report.renderJSON().rendered())],
            scenarios: [(scenario, hash)],
            extra: ["rounds": .number(String(rounds.count - 1)), "grade1to4Allowance": .string(scenario.benefits.grade1to4Allowance.notation)],
            to: folder, options: options, console: console,
            header: nil, body: report.renderTable())
    }
}
