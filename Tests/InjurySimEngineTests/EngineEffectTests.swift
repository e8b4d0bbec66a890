import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// What a shock and a coverage ramp do when the whole engine runs, not only in the month's
/// context: the shock multiplies accidents in its months and leaves the months before it
/// untouched (common random numbers), and a ramp covers its share of the population each month.
/// (The float's effect inside the engine is `RateFloatTimingTests` and `LaggedRateFloatTests`.)
@Suite struct EngineEffectTests {
    static func accidents(_ r: ReplicationResult, _ months: Range<Int>) -> Double {
        Double(months.reduce(Int64(0)) { $0 + r.value(month: $1, pool: 0, metric: .accidents) })
    }

    @Test func aClaimShockMultipliesAccidentsInItsMonthsOnly() async {
        var base = TinyScenario.make(workers: 3_000, months: 8, claimsPerMillion: 400)
        base.replications = 2
        var shocked = base
        var storm = TinyScenario.shock("storm", start: TinyScenario.start.adding(months: 3), months: 2)
        storm.claimFrequency = .fixed(3)
        shocked.shocks = [storm]
        let a = await MonteCarloRunner.run(scenario: base, replications: 0..<2, threads: 2)
        let b = await MonteCarloRunner.run(scenario: shocked, replications: 0..<2, threads: 2)
        for (plain, storm) in zip(a, b) {
            // Before the shock the two runs are the same bits; orders never change.
            for month in 0..<3 {
                for metric in Metric.allCases {
                    #expect(plain.value(month: month, pool: 0, metric: metric) == storm.value(month: month, pool: 0, metric: metric))
                }
            }
            for month in 0..<8 {
                #expect(plain.value(month: month, pool: 0, metric: .orders) == storm.value(month: month, pool: 0, metric: .orders))
            }
            // In the shock's months accidents triple: about 1,750 expected without it, so the
            // ratio's standard error is about 0.08 and 2.6–3.4 is 5 of them (0.03 and 0.15 after).
            let ratio = Self.accidents(storm, 3..<5) / Self.accidents(plain, 3..<5)
            #expect(ratio > 2.6 && ratio < 3.4, "ratio \(ratio)")
            // After it, the rate is back to the base level.
            let after = Self.accidents(storm, 5..<8) / Self.accidents(plain, 5..<8)
            #expect(after > 0.85 && after < 1.15, "after \(after)")
        }
    }

    @Test func aRampCoversItsShareOfThePopulationEachMonth() async {
        var full = TinyScenario.make(workers: 4_000, months: 6)
        full.replications = 1
        var ramped = full
        ramped.rollout[0].rampMonths = 4
        ramped.rollout[0].takeUp = 0.8
        let a = await MonteCarloRunner.run(scenario: full, replications: 0..<1, threads: 2)[0]
        let b = await MonteCarloRunner.run(scenario: ramped, replications: 0..<1, threads: 2)[0]
        for month in 0..<6 {
            let share = ramped.rollout[0].share(at: TinyScenario.start.adding(months: month))
            let covered = Double(b.value(month: month, pool: 0, metric: .workedDays)) / Double(a.value(month: month, pool: 0, metric: .workedDays))
            // 0.2, 0.4, 0.6, 0.8, 0.8, 0.8 of 4,000 slots, each chosen independently: SE below 0.01.
            #expect(abs(covered - share) < 0.04, "month \(month): covered \(covered), share \(share)")
        }
    }
}
