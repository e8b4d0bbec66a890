import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput

/// `injurysim condition`: the verdict conditioned on the published figures' observation models,
/// with sequential rounds while too few worlds agree (``EvidenceRounds``). Writes rounds.csv,
/// worlds.csv, condition.json and manifest.json; with `--shard K/N --round T` one task's share of
/// round T's worlds as a part (``Program/conditionShard(_:_:_:console:)``), which `merge` of every
/// round's parts turns into the same folder (report.html too: the condition page).
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
        if let shard = options.shard {
            try Program.checkResources([scenario], options, console: console)
            return try await Program.conditionShard(shard, (scenario, hash), options, console: console)
        }
        if options.round != nil || options.after != nil {
            throw .usage("--round and --after name a round of a sharded study: give them with --shard K/N")
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
        let target = PartMerge.conditionTarget(scenario)
        let rounds = try await folder.simulate {
            await EvidenceRounds.run(scenario, rounds: options.rounds, target: target, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let report = ConditionReport(scenario: scenario, rounds: rounds, maximumRounds: options.rounds, target: target)
        try Program.publish(
            .condition, Self.files(report), scenarios: [(scenario, hash)], extra: Self.manifestExtra(report), to: folder, options: options,
            console: console, header: nil, body: report.renderTable())
    }

    /// The files of a study, before its manifest (the command's and a merge's alike).
    static func files(_ report: ConditionReport) -> [(name: String, text: String)] {
        [("rounds.csv", report.renderRoundsCSV()), ("worlds.csv", report.renderWorldsCSV()), ("condition.json", report.renderJSON().rendered())]
    }

    /// What the manifest adds to a policy command's: the rounds run after the first and the
    /// allowance term the verdict rests on (the page names it).
    static func manifestExtra(_ report: ConditionReport) -> [String: JSONOut] {
        ["rounds": .number(String(report.rounds.count - 1)), "grade1to4Allowance": .string(report.scenario.benefits.grade1to4Allowance.notation)]
    }
}
