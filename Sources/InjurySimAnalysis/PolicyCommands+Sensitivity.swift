import InjurySimCore
import InjurySimEngine

/// `sensitivity`: the baseline and each key input at the low and high end of its range, as runs
/// whose per-replication figures make the tornado table — so that a sharded study's parts, which
/// carry those figures, merge to the same table.
extension PolicyCommands {
    /// The runs of a sensitivity study, in order: the baseline, then each input low and high.
    package static func sensitivityRuns(_ scenario: Scenario) -> [(label: String, scenario: Scenario)] {
        [("baseline", scenario)]
            + sensitivityInputs.flatMap { input in
                [(input.name + " " + input.lowLabel, input.apply(scenario, false)), (input.name + " " + input.highLabel, input.apply(scenario, true))]
            }
    }

    /// Overall break-even rate: the mean over replications of each one's
    /// ``ReplicationMetrics/breakEvenRate`` (all sectors).
    static func overallBreakEven(_ metrics: [ReplicationMetrics]) -> Double {
        Statistics.mean(metrics.map(\.breakEvenRate).filter(\.isFinite))
    }

    /// Runs the baseline and each input low and high; rows ranked by ruin swing, then break-even swing.
    /// `progress` is told each run's label as it starts, and each replication as it finishes.
    package static func sensitivity(
        _ scenario: Scenario, threads: Int, progress: (@Sendable (_ run: String, _ replicationFinished: Bool) -> Void)? = nil
    ) async -> SensitivityOutcome {
        var runs: [[ReplicationMetrics]] = []
        for run in sensitivityRuns(scenario) {
            progress?(run.label, false)
            var finished: (@Sendable (Int) -> Void)?
            if let progress {
                let label = run.label
                finished = { _ in progress(label, true) }
            }
            let results = await MonteCarloRunner.run(
                scenario: run.scenario, replications: 0..<run.scenario.replications, threads: threads, progress: finished)
            runs.append(results.map { ReplicationMetrics($0, scenario: run.scenario) })
        }
        return sensitivityOutcome(runs)
    }

    /// A sensitivity study's table: the baseline's figures and one row per input.
    package struct SensitivityOutcome: Sendable {
        package var baselineRuin: Estimate
        /// P(assets below all liabilities at the horizon) at the baseline.
        package var baselineInsolvency: Estimate
        package var baselineBreakEven: Double
        /// Ranked by the ruin swing, then the break-even swing.
        package var rows: [SensitivityRow]
    }

    /// The table from each run's per-replication figures (break-even rates included), in
    /// ``sensitivityRuns(_:)`` order. Every swing is high − low, paired replication by replication
    /// (common random numbers: replication r is the same world at both ends).
    package static func sensitivityOutcome(_ runs: [[ReplicationMetrics]]) -> SensitivityOutcome {
        let ruin = PolicyFigures.figures[0], insolvency = Figures.named("insolvencyProbability")
        let breakEven = Figures.named("breakEvenRateYuanPerOrder")
        var rows: [SensitivityRow] = []
        for (index, input) in sensitivityInputs.enumerated() {
            let (low, high) = (runs[1 + 2 * index], runs[2 + 2 * index])
            rows.append(
                SensitivityRow(
                    name: input.name, lowLabel: input.lowLabel, highLabel: input.highLabel,
                    ruinLow: PolicyFigures.estimate(ruin, low), ruinHigh: PolicyFigures.estimate(ruin, high),
                    ruinSwing: PolicyFigures.pairedDifference(ruin, low, high),
                    breakEvenLow: overallBreakEven(low), breakEvenHigh: overallBreakEven(high),
                    insolvencyLow: PolicyFigures.estimate(insolvency, low), insolvencyHigh: PolicyFigures.estimate(insolvency, high),
                    insolvencySwing: PolicyFigures.pairedDifference(insolvency, low, high),
                    breakEvenSwing: PolicyFigures.pairedDifference(breakEven, low, high)))
        }
        rows.sort { a, b in
            let sa = abs(a.ruinSwing.mean), sb = abs(b.ruinSwing.mean)
            if sa != sb { return sa > sb }
            return abs(a.breakEvenHigh - a.breakEvenLow) > abs(b.breakEvenHigh - b.breakEvenLow)
        }
        return SensitivityOutcome(
            baselineRuin: PolicyFigures.estimate(ruin, runs[0]), baselineInsolvency: PolicyFigures.estimate(insolvency, runs[0]),
            baselineBreakEven: overallBreakEven(runs[0]), rows: rows)
    }
}
