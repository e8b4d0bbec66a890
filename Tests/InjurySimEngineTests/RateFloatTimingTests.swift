import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// When the rate float is on, every platform's rates are reviewed at the end of the month before
/// `reviewMonth`, so orders from the review month on are charged at the new rate; contributions
/// for a month's orders are remitted the month after. Horizons never see a review after their
/// last month.
///
/// The scenario has no claims, so the loss ratio is 0 and the review takes the rate to its floor
/// (1 − maxShare = 0.5); contributions of month m are then orders of m − 1 × the benchmark ×
/// the multiplier in force in m − 1, to the fen.
@Suite struct RateFloatTimingTests {
    struct Case: Sendable, CustomStringConvertible {
        var reviewMonth: Int
        var months: Int
        /// Index of the first month whose orders are charged at the new rate, if any.
        var firstMonthAtNewRate: Int?
        var description: String { "review month \(reviewMonth), \(months) months" }
    }

    // The scenario starts in January 2024 (month index 0).
    static let cases = [
        Case(reviewMonth: 7, months: 12, firstMonthAtNewRate: 6),
        Case(reviewMonth: 3, months: 12, firstMonthAtNewRate: 2),
        Case(reviewMonth: 12, months: 13, firstMonthAtNewRate: 11),
        Case(reviewMonth: 1, months: 14, firstMonthAtNewRate: 12),
        Case(reviewMonth: 1, months: 12, firstMonthAtNewRate: nil)
    ]

    @Test(arguments: cases)
    func newRatesApplyToOrdersFromTheReviewMonth(c: Case) async {
        var scenario = TinyScenario.make(workers: 30, months: c.months, claimsPerMillion: 0, ratePerOrderYuan: 0.07)
        scenario.rateFloat = RateFloatRule(
            enabled: true, reviewMonth: c.reviewMonth, basis: .paid, windowMonths: 12, targetLossRatio: 0.8, lossRatioPerStep: 0.1,
            stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 1)
        let result = await ReplicationCoordinator(scenario: scenario).run(replication: 0)
        let orders = result.series(.orders, pool: 0)
        let contributions = result.series(.contributions, pool: 0)
        #expect(contributions[0] == 0, "nothing is remitted in the first month")
        for month in 1..<c.months {
            let multiplier = c.firstMonthAtNewRate.map { month - 1 >= $0 } == true ? 0.5 : 1.0
            let expected = Double(orders[month - 1]) * 7 * multiplier
            #expect(orders[month - 1] > 0)
            #expect(
                abs(Double(contributions[month]) - expected) <= 1,
                "month \(month): contributions \(contributions[month]) for \(orders[month - 1]) orders at × \(multiplier)")
        }
    }
}
