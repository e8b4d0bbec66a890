import Testing

@testable import InjurySimCore

/// The foresight rate float's loss ratio is incurred ÷ contributions of the review year only: each review
/// starts a new year for both, so last year's claims or contributions never count again.
@Suite struct RateReviewYearTests {
    static let rule = RateFloatRule(
        enabled: true, reviewMonth: 1, basis: .foresight, windowMonths: 12, targetLossRatio: 0.8, lossRatioPerStep: 0.1,
        stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12)

    /// Twelve months of 1,000 orders, remitted; returns what was paid.
    static func year(_ ledger: inout PlatformLedger) -> Fen {
        var paid: Fen = 0
        for _ in 0..<12 {
            ledger.book(orders: [1_000])
            paid += ledger.remit(paymentShare: [1])[0]
        }
        return paid
    }

    @Test func lossRatioIsIncurredOverContributions() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        ledger.book(orders: [1_000, 0])
        _ = ledger.remit(paymentShare: [1, 1])
        ledger.recordIncurred(province: 0, presentValue: 3_500)
        ledger.recordIncurred(province: 1, presentValue: 100)
        #expect(ledger.lossRatios(rule: Self.rule)[0] == 0.5)
        #expect(ledger.lossRatios(rule: Self.rule)[1] == .infinity)
    }

    @Test func eachReviewLooksOnlyAtTheYearSinceTheLastOne() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 1)
        let first = Self.year(&ledger)
        ledger.recordIncurred(province: 0, presentValue: 3 * Double(first))  // loss ratio 3 → +50%
        ledger.review(rule: Self.rule)
        #expect(abs(ledger.multiplier[0] - 1.5) < 1e-9)
        #expect(ledger.yearContributions == [0] && ledger.yearIncurred == [0])

        // A year at the target: the rate returns to the benchmark, whatever the year before was.
        let second = Self.year(&ledger)
        ledger.recordIncurred(province: 0, presentValue: 0.8 * Double(second))
        #expect(abs(ledger.lossRatios(rule: Self.rule)[0] - 0.8) < 1e-12)
        ledger.review(rule: Self.rule)
        #expect(abs(ledger.multiplier[0] - 1) < 1e-9)

        // A year without claims: the floor.
        _ = Self.year(&ledger)
        ledger.review(rule: Self.rule)
        #expect(abs(ledger.multiplier[0] - 0.5) < 1e-9)
    }
}
