import Testing

@testable import InjurySimCore

@Suite struct FundLedgerTests {
    /// Every month: Δcash = contributions − admin + investment − paid + borrowed − repaid.
    static func conserves(_ before: Fen, _ m: FundMonth) -> Bool {
        m.cash - before == m.contributions - m.adminCost + m.investment - m.benefitsPaid + m.borrowed - m.repaid
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var shortfall: Scenario.Shortfall
        var initial: Fen
        var contributions: [Fen]
        var due: [Fen]
        var expectedCash: [Fen]
        var expectedDebt: [Fen]
        var expectedArrears: [Fen]
        var description: String { name }
    }

    // No admin, no investment, so the figures can be checked by hand.
    static let cases: [Case] = [
        Case(
            name: "enough cash", shortfall: .borrow, initial: 100, contributions: [50, 50, 50], due: [30, 30, 30],
            expectedCash: [120, 140, 160], expectedDebt: [0, 0, 0], expectedArrears: [0, 0, 0]),
        Case(
            name: "borrow then repay", shortfall: .borrow, initial: 0, contributions: [10, 100, 100], due: [50, 20, 0],
            expectedCash: [0, 40, 140], expectedDebt: [40, 0, 0], expectedArrears: [0, 0, 0]),
        Case(
            name: "defer then catch up", shortfall: .defer, initial: 0, contributions: [10, 20, 100], due: [50, 20, 0],
            expectedCash: [0, 0, 60], expectedDebt: [0, 0, 0], expectedArrears: [40, 40, 0])
    ]

    @Test(arguments: cases)
    func shortfallPolicies(c: Case) {
        var ledger = FundLedger(initialCash: c.initial, shortfall: c.shortfall, liabilityDiscountRatePerYear: 0)
        ledger.schedule(c.due.enumerated().map { Payment(month: $0, amount: $1, item: .medical) })
        var cash = c.initial
        for month in c.contributions.indices {
            let report = ledger.close(month: month, contributions: c.contributions[month], adminCostShare: 0, investmentReturnPerYear: 0)
            #expect(Self.conserves(cash, report))
            #expect(report.cash == c.expectedCash[month], "month \(month)")
            #expect(report.debt == c.expectedDebt[month], "month \(month)")
            #expect(report.arrears == c.expectedArrears[month], "month \(month)")
            #expect(report.netPosition == report.cash - report.debt - report.arrears)
            cash = report.cash
        }
    }

    @Test func adminInvestmentAndLiabilities() {
        var ledger = FundLedger(initialCash: 1_000_000, shortfall: .borrow, liabilityDiscountRatePerYear: 0)
        ledger.schedule([
            Payment(month: 0, amount: 100_000, item: .medical), Payment(month: 2, amount: 30_000, item: .medical),
            Payment(month: 7, amount: 20_000, item: .disabilitySubsidy)
        ])
        let report = ledger.close(month: 0, contributions: 200_000, adminCostShare: 0.05, investmentReturnPerYear: 0.12)
        #expect(report.adminCost == 10_000)
        // Investment on 1,190,000 at (1.12)^(1/12) − 1 per month.
        let rate = 0.009488792934583046
        #expect(report.investment == Fen((1_190_000 * rate).rounded()))
        #expect(report.benefitsPaid == 100_000)
        #expect(report.liabilities == 50_000)
        #expect(Self.conserves(1_000_000, report))
    }

    @Test func liabilitiesAreDiscounted() {
        var ledger = FundLedger(initialCash: 0, shortfall: .borrow, liabilityDiscountRatePerYear: 0.12)
        ledger.schedule([Payment(month: 12, amount: 1_120_000, item: .disabilityAllowance)])
        let report = ledger.close(month: 0, contributions: 0, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(report.liabilities == 1_000_000)
    }
}

@Suite struct RateFloatTests {
    static let rule = RateFloatRule(
        enabled: true, reviewMonth: 1, basis: .foresight, windowMonths: 12, targetLossRatio: 0.8, lossRatioPerStep: 0.1,
        stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12)

    /// The 2025 rule: steps of 10% of the benchmark, capped at ±50%; small deviations do not move it.
    @Test(arguments: [
        (0.80, 1.0), (0.85, 1.0), (0.75, 1.0), (0.90, 1.1), (0.95, 1.1), (1.00, 1.2), (1.25, 1.4),
        (1.30, 1.5), (2.50, 1.5), (9.00, 1.5), (0.69, 0.9), (0.55, 0.8), (0.35, 0.6), (0.30, 0.5), (0.0, 0.5)
    ])
    func multiplierByLossRatio(lossRatio: Double, expected: Double) {
        #expect(abs(Self.rule.multiplier(lossRatio: lossRatio, monthsOfContributions: 12) - expected) < 1e-9)
    }

    /// Reviews fall as the review month opens, once a year, never in the chain's first month or
    /// with the float off.
    @Test(arguments: [
        (2025, 1, 12, true), (2025, 1, 0, false), (2025, 2, 13, false), (2024, 12, 11, false), (2026, 1, 1, true)
    ])
    func reviewsOpenTheReviewMonth(year: Int, month: Int, chainMonth: Int, reviews: Bool) {
        #expect(Self.rule.reviews(at: YearMonth(year: year, month: month), chainMonth: chainMonth) == reviews)
        var off = Self.rule
        off.enabled = false
        #expect(!off.reviews(at: YearMonth(year: year, month: month), chainMonth: chainMonth))
    }

    @Test func shortHistoriesAndDisabledRuleKeepTheBenchmark() {
        #expect(Self.rule.multiplier(lossRatio: 3, monthsOfContributions: 11) == 1)
        var off = Self.rule
        off.enabled = false
        #expect(off.multiplier(lossRatio: 3, monthsOfContributions: 24) == 1)
    }

    @Test func platformLedgerRemitsTheMonthAfterAndFloats() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        #expect(ledger.remit(paymentShare: [1, 1]) == [0, 0])
        ledger.book(orders: [1_000, 2_000])
        #expect(ledger.remit(paymentShare: [1, 0.5]) == [7_000, 7_000])
        #expect(ledger.remit(paymentShare: [1, 1]) == [0, 0])
        for _ in 0..<12 {
            ledger.book(orders: [1_000, 1_000])
            _ = ledger.remit(paymentShare: [1, 1])
        }
        ledger.recordIncurred(province: 0, presentValue: 84_000 * 1.0)  // loss ratio 84000/91000 ≈ 0.92 → +1 step
        ledger.review(rule: Self.rule)
        #expect(abs(ledger.multiplier[0] - 1.1) < 1e-9)
        #expect(abs(ledger.multiplier[1] - 0.5) < 1e-9)  // no claims: loss ratio 0 → floor
        ledger.book(orders: [1_000, 1_000])
        #expect(ledger.remit(paymentShare: [1, 1]) == [7_700, 3_500])
    }
}
