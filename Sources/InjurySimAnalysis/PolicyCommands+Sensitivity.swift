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

    /// A replication's overall break-even rate (yuan per order, all sectors): the fund's incurred
    /// cost ÷ orders, loaded for admin when the fund is charged for it; NaN without orders.
    package static func breakEven(_ r: ReplicationResult) -> Double {
        let start = r.poolCount * r.sectorCount
        let incurred = r.incurredBySector[start...].reduce(0, +)
        let orders = Double(r.ordersBySector[start...].reduce(0, +))
        return ReplicationMetrics.breakEvenRate(incurredFen: incurred, orders: orders, adminCostShare: r.adminCostShare)
    }

    /// Overall break-even rate: the mean over replications of ``breakEven(_:)``.
    static func overallBreakEven(_ values: [Double]) -> Double {
        Statistics.mean(values.filter(\.isFinite))
    }

    /// Runs the baseline and each input low and high; rows ranked by ruin swing, then break-even swing.
    package static func sensitivity(_ scenario: Scenario, threads: Int, progress: (@Sendable (String) -> Void)? = nil)
        async -> (baselineRuin: Estimate, baselineBreakEven: Double, rows: [SensitivityRow])
    {
        var runs: [(metrics: [ReplicationMetrics], breakEven: [Double])] = []
        for run in sensitivityRuns(scenario) {
            progress?(run.label)
            let results = await MonteCarloRunner.run(scenario: run.scenario, replications: 0..<run.scenario.replications, threads: threads)
            runs.append((results.map { ReplicationMetrics($0) }, results.map(breakEven)))
        }
        return sensitivityOutcome(runs)
    }

    /// The table from each run's per-replication figures and break-even rates, in
    /// ``sensitivityRuns(_:)`` order.
    package static func sensitivityOutcome(_ runs: [(metrics: [ReplicationMetrics], breakEven: [Double])])
        -> (baselineRuin: Estimate, baselineBreakEven: Double, rows: [SensitivityRow])
    {
        let ruin = PolicyFigures.figures[0]
        var rows: [SensitivityRow] = []
        for (index, input) in sensitivityInputs.enumerated() {
            let (low, high) = (runs[1 + 2 * index], runs[2 + 2 * index])
            rows.append(
                SensitivityRow(
                    name: input.name, lowLabel: input.lowLabel, highLabel: input.highLabel,
                    ruinLow: PolicyFigures.estimate(ruin, low.metrics), ruinHigh: PolicyFigures.estimate(ruin, high.metrics),
                    ruinSwing: PolicyFigures.pairedDifference(ruin, low.metrics, high.metrics),
                    breakEvenLow: overallBreakEven(low.breakEven), breakEvenHigh: overallBreakEven(high.breakEven)))
        }
        rows.sort { a, b in
            let sa = abs(a.ruinSwing.mean), sb = abs(b.ruinSwing.mean)
            if sa != sb { return sa > sb }
            return abs(a.breakEvenHigh - a.breakEvenLow) > abs(b.breakEvenHigh - b.breakEvenLow)
        }
        return (PolicyFigures.estimate(ruin, runs[0].metrics), overallBreakEven(runs[0].breakEven), rows)
    }
}
