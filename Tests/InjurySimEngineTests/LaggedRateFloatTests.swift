import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// The regulator's float reacts to a jump in the claim rate a review later than perfect foresight
/// does: on the paid basis a review sees only the benefits that have fallen due, and here every
/// claim is paid twelve months after its report.
///
/// Claims (medical-only, ¥5,000 each, reported the day they happen) cost half the benchmark
/// contributions in 2024 and, after the claim rate quadruples from January 2025, twice them.
/// Reviews take effect every January; none floats in January 2025 (11 months of contributions,
/// 12 needed). The rate in force in a month is read off the contributions received for its
/// orders the month after.
@Suite struct LaggedRateFloatTests {
    /// Month indices from January 2024: the first months at the rates of the reviews of December
    /// 2024, 2025 and 2026.
    static let reviewMonths = [12, 24, 36]

    static func scenario(_ basis: RateFloatRule.Basis, shortfall: Scenario.Shortfall = .borrow) -> Scenario {
        // 24 orders a worker-day at ¥0.07 = ¥1.68; 7 claims per million orders × ¥5,000 = ¥0.84.
        var s = TinyScenario.make(workers: 2_000, months: 38, claimsPerMillion: 7, ratePerOrderYuan: 0.07)
        s.benefits.medicalLagMonths = 12
        var jump = TinyScenario.shock("claim-rate-jump", start: YearMonth(year: 2025, month: 1), months: 13)
        jump.claimFrequency = .fixed(4)
        s.shocks = [jump]
        s.fund.shortfall = shortfall
        s.rateFloat = RateFloatRule(
            enabled: true, reviewMonth: 1, basis: basis, windowMonths: 12, targetLossRatio: 0.8,
            lossRatioPerStep: 0.1, stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12)
        return s
    }

    /// The multiplier in force in each of `reviewMonths`.
    static func multipliers(_ scenario: Scenario) async -> [Double] {
        let result = await ReplicationCoordinator(scenario: scenario).run(replication: 0)
        let orders = result.series(.orders, pool: 0)
        let contributions = result.series(.contributions, pool: 0)
        return reviewMonths.map { month in
            let multiplier = Double(contributions[month + 1]) / (Double(orders[month]) * 7)
            return (multiplier * 10).rounded() / 10  // contributions are rounded to the fen
        }
    }

    @Test func paidFloatRisesAReviewAfterForesight() async {
        let foresight = await Self.multipliers(Self.scenario(.foresight))
        let paid = await Self.multipliers(Self.scenario(.paid))
        let reported = await Self.multipliers(Self.scenario(.paidPlusReserves))
        #expect(foresight[0] == 1 && paid[0] == 1 && reported[0] == 1, "no float before 12 months of contributions")
        // First review after the jump: foresight sees 2025's ultimate cost (ratio ≈ 2, the cap);
        // the paid ratio sees 2024's cheap claims falling due (≈ 0.5, down).
        #expect(foresight[1] == 1.5, "\(foresight)")
        #expect(paid[1] < 1, "\(paid)")
        // A review later the paid ratio sees 2025's claims and rises to the cap.
        #expect(paid[2] == 1.5, "\(paid)")
        // Case reserves put reported claims' cost in the window of their report, as foresight does.
        #expect(reported[1] == 1.5, "\(reported)")
    }

    /// Under `defer` a pool short of cash pays late, but the float counts a platform's benefits
    /// when they fall due. Here claims cost six times the contributions and are paid in their
    /// report month, so the pool pays out exactly what it receives: counted when paid, the ratio
    /// of December 2025 would be 1.0 (two steps up, 1.2); counted when due it is ≈ 6 (the cap).
    @Test func paymentsCountWhenDueEvenWhenTheFundDefers() async {
        var s = Self.scenario(.paid, shortfall: .defer)
        s.benefits.medicalLagMonths = 0
        s.shocks = []
        s.sectors[0].claimsPerMillionOrders = .fixed(84)
        let result = await ReplicationCoordinator(scenario: s).run(replication: 0)
        #expect(result.series(.arrears, pool: 0)[23] > 0, "the pool defers")
        #expect(await Self.multipliers(s)[1] == 1.5)
    }
}
