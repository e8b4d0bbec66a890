import Testing

@testable import InjurySimCore

/// On the paid bases a review reads what the regulator knows at its month end: benefits that fell
/// due on the platform's reported claims and contributions received over the window, per
/// province. The foresight cost of the accidents plays no part.
@Suite struct PaidRateReviewTests {
    static func rule(_ basis: RateFloatRule.Basis, windowMonths: Int = 12) -> RateFloatRule {
        RateFloatRule(
            enabled: true, reviewMonth: 1, basis: basis, windowMonths: windowMonths, targetLossRatio: 0.8,
            lossRatioPerStep: 0.1, stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12)
    }

    /// Runs months `months` of a two-province ledger: 1,000 orders a month in province 0 only
    /// (7,000 fen received the month after), with the claims reported in each month.
    static func run(
        _ ledger: inout PlatformLedger, months: Range<Int>, reports: [Int: [PlatformLedger.ReportedClaim]] = [:],
        ordersIn province1: Int64 = 0
    ) {
        for month in months {
            _ = ledger.closeMonth(paymentShare: [1, 1], orders: [1_000, province1], incurred: [0, 0], reported: reports[month] ?? [])
        }
    }

    static func claim(province: Int = 0, _ payments: [(month: Int, fen: Fen)]) -> PlatformLedger.ReportedClaim {
        PlatformLedger.ReportedClaim(province: province, payments: payments.map { Payment(month: $0.month, amount: $0.fen, item: .medical) })
    }

    @Test func paidRatioOfTheWindowSetsTheRate() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        // Reported in month 5; 84,000 falls due in month 17, inside the window of months 12–23,
        // which received 12 × 7,000: paid ratio 1.0 → two steps up.
        Self.run(&ledger, months: 0..<24, reports: [5: [Self.claim([(17, 84_000)])]])
        ledger.recordIncurred(province: 0, presentValue: 1e9)  // foresight only: ignored here
        #expect(abs(ledger.lossRatios(rule: Self.rule(.paid))[0] - 1.0) < 1e-12)
        ledger.review(rule: Self.rule(.paid))
        #expect(abs(ledger.multiplier[0] - 1.2) < 1e-9)
        #expect(ledger.multiplier[1] == 1, "no contributions in the window: the rate stays")
    }

    @Test func paymentsBeforeTheWindowDoNotCount() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        Self.run(&ledger, months: 0..<24, reports: [5: [Self.claim([(11, 84_000)])]])
        #expect(ledger.lossRatios(rule: Self.rule(.paid))[0] == 0)
        #expect(abs(ledger.lossRatios(rule: Self.rule(.paid, windowMonths: 13))[0] - 84_000.0 / 91_000) < 1e-12)
        ledger.review(rule: Self.rule(.paid))
        #expect(abs(ledger.multiplier[0] - 0.5) < 1e-9, "paid ratio 0 → the floor")
    }

    /// A claim is known from its report: a payment due in the report month counts in that month.
    @Test func aPaymentDueInTheReportMonthCountsInIt() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        Self.run(&ledger, months: 0..<12, reports: [11: [Self.claim([(11, 7_700)])]])
        #expect(ledger.experience[0].paid[11] == 7_700)
        #expect(abs(ledger.lossRatios(rule: Self.rule(.paid))[0] - 7_700.0 / 77_000) < 1e-12)
    }

    /// The reported-incurred basis sees a claim's whole value at its report; the paid basis only
    /// what has fallen due. Claims of another province never count.
    @Test func reservesBringReportedClaimsForward() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2, reserveDiscount: 1)
        let reports = [20: [Self.claim([(21, 8_400), (40, 75_600)]), Self.claim(province: 1, [(22, 1_000_000)])]]
        Self.run(&ledger, months: 0..<24, reports: reports)
        #expect(abs(ledger.lossRatios(rule: Self.rule(.paid))[0] - 0.1) < 1e-12)
        #expect(abs(ledger.lossRatios(rule: Self.rule(.paidPlusReserves))[0] - 1.0) < 1e-12)
        ledger.review(rule: Self.rule(.paidPlusReserves))
        #expect(abs(ledger.multiplier[0] - 1.2) < 1e-9)
    }
}
