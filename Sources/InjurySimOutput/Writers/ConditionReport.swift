import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The files and console paragraph of `condition`: each round's effective sample size and
/// weighted verdict, the prior (round 0's worlds) beside the posterior (the weighted worlds of the
/// round with the largest effective sample size), and that round's worlds with their weights and
/// draws.
package struct ConditionReport: Sendable {
    package var scenario: Scenario
    package var rounds: [EvidenceRounds.Round]
    /// The most rounds after round 0 the command allowed, and the effective sample size it stops at.
    package var maximumRounds: Int
    package var target: Double

    package init(scenario: Scenario, rounds: [EvidenceRounds.Round], maximumRounds: Int, target: Double) {
        self.scenario = scenario
        self.rounds = rounds
        self.maximumRounds = maximumRounds
        self.target = target
    }

    package var evidence: Evidence { EvidenceRounds.combined(rounds) }

    private static func fixed(_ value: Double, _ decimals: Int) -> String { value.isNaN ? "" : Format.fixed(value, decimals) ?? "" }

    /// One line per round: its worlds' effective sample size and weighted figures.
    package func renderRoundsCSV() -> String {
        var lines = ["round,replications,effective_sample_size,short,insolvent,reserve_target_missed,capital_short,break_even_rate_p50"]
        for round in rounds {
            let f = Evidence.Figures(round.evidence.worlds, round.evidence.weights)
            lines.append(
                CSV.row(
                    [String(round.round), String(round.evidence.replications), Self.fixed(round.effectiveSampleSize, 2)]
                        + [f.short, f.insolvent, f.reserveTargetMissed, f.capitalShort].map { Self.fixed($0.share, 6) }
                        + [Self.fixed(f.breakEvenRate.p50, 6)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The posterior round's worlds: weight, counterparts and draws (17 significant digits).
    package func renderWorldsCSV() -> String {
        guard !rounds.isEmpty else { return "" }
        let last = EvidenceRounds.best(rounds)
        let counterparts = last.evidence.observed.map(\.counterpart.column)
        let paths = scenario.uncertainInputs.map(\.path)
        var lines = [CSV.row(["world", "weight", "ruined", "insolvent", "break_even_rate"] + counterparts + paths.map { "input:" + $0 })]
        for (index, world) in last.evidence.worlds.enumerated() {
            let digits = { (x: Double) in x.isNaN ? "" : Format.significant(x, 17) }
            lines.append(
                CSV.row(
                    [
                        String(index), digits(last.evidence.weights.weights[index]), String(world.ruined), String(world.insolvent),
                        digits(world.breakEvenRate)
                    ] + world.counterparts.map(digits) + world.draws.map(digits)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        .object([
            "scenario": .string(scenario.name),
            "replicationsPerRound": .number(String(scenario.replications)),
            "maximumRounds": .number(String(maximumRounds)),
            "targetEffectiveSampleSize": JSONOut.fixed(target, 1),
            "rounds": .array(
                rounds.map { round in
                    .object(["round": .number(String(round.round)), "effectiveSampleSize": JSONOut.fixed(round.effectiveSampleSize, 2)])
                }),
            "posteriorRound": .number(String(rounds.isEmpty ? 0 : EvidenceRounds.best(rounds).round)),
            "evidence": ResultFiles.evidenceJSON(evidence)
        ])
    }

    package func renderTable() -> String {
        var lines = [
            "InjurySim condition — \(scenario.name), \(scenario.replications) worlds a round, seed \(scenario.seed)",
            "Rounds (effective sample size of each round's weighted worlds; further rounds until it reaches "
                + (Format.fixed(target, 0) ?? "") + " or \(maximumRounds) rounds):"
        ]
        for round in rounds {
            lines.append("  round \(round.round): effective sample size " + (Format.fixed(round.effectiveSampleSize, 1) ?? ""))
        }
        let last = rounds.isEmpty ? 0 : EvidenceRounds.best(rounds).round
        lines.append("")
        lines += EvidenceTable.lines(
            evidence, weightedTitle: last == 0 ? "agreeing with the evidence" : "agreeing with the evidence (round \(last))",
            lead: "Conditioned on " + (EvidenceTable.observedPhrase(evidence) ?? "the published figures"))
        return lines.joined(separator: "\n") + "\n"
    }
}
