import Testing

@testable import InjurySimCore

/// The 2025 two-tier assignment (`rateTiers`): a platform goes on the high rate in a province only
/// when its paid ratio there over the window is strictly above the threshold; without
/// contributions in the window it is new and pays the low rate. Only the window's closed months
/// count, the float then moves from the tier's rate, and the tier carries into a later phase.
@Suite struct RateTierTests {
    static func rule(sectors: [Int] = [0]) -> RateTierRule {
        RateTierRule(
            month: nil, windowFrom: YearMonth(year: 2022, month: 7), windowTo: YearMonth(year: 2024, month: 12), sectors: sectors,
            lowYuanPerOrder: 0.07, highYuanPerOrder: 0.25, paidRatioThreshold: .fixed(0.5))
    }

    struct Case: Sendable, CustomStringConvertible {
        var paidRatio: Double?
        var threshold: Double
        var rate: Double
        var description: String { "ratio \(paidRatio.map { "\($0)" } ?? "none") against \(threshold)" }
    }

    static let cases = [
        Case(paidRatio: 0.5 - 1e-9, threshold: 0.5, rate: 0.07),
        Case(paidRatio: 0.5, threshold: 0.5, rate: 0.07),
        Case(paidRatio: 0.5 + 1e-9, threshold: 0.5, rate: 0.25),
        Case(paidRatio: 3, threshold: 0.5, rate: 0.25),
        Case(paidRatio: 0, threshold: 0, rate: 0.07),
        Case(paidRatio: nil, threshold: 0, rate: 0.07)
    ]

    @Test(arguments: cases)
    func theHighRateOnlyAboveTheThreshold(c: Case) {
        #expect(Self.rule().rateYuan(paidRatio: c.paidRatio, threshold: c.threshold) == c.rate)
    }

    /// Months of the window on a chain's clock: July 2022–December 2024 from a chain that
    /// starts in July 2022 is months 0–29; from a later start the months before it hold nothing.
    @Test func theWindowOnTheChainsClock() {
        let r = Self.rule()
        #expect(r.window(chainStart: YearMonth(year: 2022, month: 7)) == 0..<30)
        #expect(r.window(chainStart: YearMonth(year: 2022, month: 1)) == 6..<36)
        #expect(r.window(chainStart: YearMonth(year: 2024, month: 1)) == 0..<12)
        #expect(r.window(chainStart: YearMonth(year: 2025, month: 7)).isEmpty)
        #expect(r.effectiveMonth(phaseStart: YearMonth(year: 2025, month: 7)) == YearMonth(year: 2025, month: 7))
    }

    /// Tier rates to a millionth of a fen (0.07 × 100 is 7.000000000000001 in binary).
    static func rounded(_ rates: [Double?]) -> [Double?] { rates.map { $0.map { ($0 * 1e6).rounded() / 1e6 } } }

    static func claim(province: Int = 0, _ payments: [(month: Int, fen: Fen)]) -> PlatformLedger.ReportedClaim {
        PlatformLedger.ReportedClaim(province: province, payments: payments.map { Payment(month: $0.month, amount: $0.fen, item: .medical) })
    }

    /// Two provinces; 1,000 orders a month in province 0 (7,000 fen received the month after),
    /// none in province 1; claims reported as given.
    static func ledger(months: Int, reports: [Int: [PlatformLedger.ReportedClaim]]) -> PlatformLedger {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        for month in 0..<months {
            _ = ledger.closeMonth(paymentShare: [1, 1], orders: [1_000, 0], incurred: [0, 0], reported: reports[month] ?? [])
        }
        return ledger
    }

    /// Window months 6–17 received 12 × 7,000 = 84,000 fen. Payments due in months 5 and 18 (just
    /// outside) are large; those due in months 6 and 17 (its edges) count.
    @Test func onlyTheWindowsMonthsCount() {
        let reports = [2: [Self.claim([(5, 1_000_000), (6, 20_000), (17, 22_000), (18, 1_000_000)])]]
        let ledger = Self.ledger(months: 24, reports: reports)
        let ratio = ledger.experience[0].paidRatio(over: 6..<18)
        #expect(ratio == 42_000.0 / 84_000)
        #expect(ledger.experience[1].paidRatio(over: 6..<18) == nil, "no contributions: no ratio")
        // Months not yet closed do not count: month 24 onwards is open.
        #expect(ledger.experience[0].paidRatio(over: 20..<40) == 0)
        #expect(ledger.experience[0].paidRatio(over: 18..<40) == 1_000_000.0 / 42_000)
    }

    struct LedgerCase: Sendable, CustomStringConvertible {
        /// Benefits due in the window (months 6–17, 84,000 fen received).
        var paidInWindow: Fen
        var threshold: Double
        var fenPerOrder: Double
        var description: String { "\(paidInWindow) fen paid against \(threshold)" }
    }

    static let ledgerCases = [
        LedgerCase(paidInWindow: 41_999, threshold: 0.5, fenPerOrder: 7),
        LedgerCase(paidInWindow: 42_000, threshold: 0.5, fenPerOrder: 7),
        LedgerCase(paidInWindow: 42_001, threshold: 0.5, fenPerOrder: 25),
        LedgerCase(paidInWindow: 0, threshold: 0, fenPerOrder: 7)
    ]

    /// The tier's rate per province, from then on: orders are booked at it, the float's
    /// multiplier restarts at 1, and a province without contributions in the window pays the low
    /// rate.
    @Test(arguments: ledgerCases)
    func theLedgerBooksAtTheTiersRate(c: LedgerCase) {
        var ledger = Self.ledger(months: 24, reports: [3: [Self.claim([(10, c.paidInWindow)])]])
        let ratios = ledger.assignTiers(Self.rule(), threshold: c.threshold, window: 6..<18)
        #expect(ratios[0] == Double(c.paidInWindow) / 84_000)
        #expect(ratios[1] == nil)
        #expect(Self.rounded(ledger.tierFenPerOrder) == [c.fenPerOrder, 7])
        #expect(ledger.multiplier == [1, 1])
        let booked = ledger.book(orders: [1_000, 1_000])
        #expect(booked == [Money.fen(1_000 * c.fenPerOrder), 7_000])
    }

    /// The float moves from the tier's rate: a multiplier of 1.2 on ¥0.25 is ¥0.30.
    @Test func theFloatMovesFromTheTiersRate() {
        var ledger = Self.ledger(months: 24, reports: [3: [Self.claim([(10, 84_000)])]])
        ledger.assignTiers(Self.rule(), threshold: 0.5, window: 6..<18)
        // Twelve more months, 282,000 fen received in the float's window (7,000 for the last
        // order month before the tiers, then 25,000 a month) and 300,000 falling due in it: paid
        // ratio 1.06, target 0.8, two whole steps up.
        _ = ledger.closeMonth(paymentShare: [1, 1], orders: [1_000, 0], incurred: [0, 0], reported: [Self.claim([(30, 300_000)])])
        for _ in 25..<36 { _ = ledger.closeMonth(paymentShare: [1, 1], orders: [1_000, 0], incurred: [0, 0], reported: []) }
        let float = PaidRateReviewTests.rule(.paid)
        ledger.review(rule: float)
        #expect(abs(ledger.multiplier[0] - 1.2) < 1e-9)
        #expect(ledger.book(orders: [1_000, 0]) == [30_000, 0])
    }

    /// A later phase's ledger keeps the tier an earlier phase's rule set, though its own
    /// benchmark differs; a province new to the later phase is on the later benchmark.
    @Test func theTierCarriesIntoALaterPhase() {
        var earlier = Self.ledger(months: 24, reports: [3: [Self.claim([(10, 84_000)])]])
        earlier.assignTiers(Self.rule(), threshold: 0.5, window: 6..<18)
        var later = PlatformLedger(benchmarkYuanPerOrder: 0.10, provinces: 3)
        later.carry(from: earlier, months: 24, provinceOf: [2, 0])
        #expect(Self.rounded(later.tierFenPerOrder) == [7, nil, 25])
        #expect(later.book(orders: [1_000, 1_000, 1_000]) == [7_000, 10_000, 25_000])
    }
}

/// Floats start on each province's date (`rateFloat.firstReview`): a review before a province's
/// first review leaves its rates; from it on, the province floats like the others.
@Suite struct FirstReviewTests {
    struct Case: Sendable, CustomStringConvertible {
        var review: YearMonth?
        /// Multipliers after the review: province 0 (first review January 2027), province 1 (none).
        var multipliers: [Double]
        var description: String { review.map { "review \($0)" } ?? "review without a month" }
    }

    static let cases = [
        Case(review: YearMonth(year: 2026, month: 1), multipliers: [1, 0.5]),
        Case(review: YearMonth(year: 2026, month: 12), multipliers: [1, 0.5]),
        Case(review: YearMonth(year: 2027, month: 1), multipliers: [0.5, 0.5]),
        Case(review: YearMonth(year: 2028, month: 1), multipliers: [0.5, 0.5]),
        Case(review: nil, multipliers: [0.5, 0.5])
    ]

    @Test(arguments: cases)
    func aProvinceFloatsFromItsFirstReview(c: Case) {
        var rule = PaidRateReviewTests.rule(.paid)
        rule.firstReview = [0: YearMonth(year: 2027, month: 1)]
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 0.07, provinces: 2)
        // Orders in both provinces, no claims: paid ratio 0, the floor where a review applies.
        for _ in 0..<24 { _ = ledger.closeMonth(paymentShare: [1, 1], orders: [1_000, 1_000], incurred: [0, 0], reported: []) }
        ledger.review(rule: rule, month: c.review)
        #expect(ledger.multiplier == c.multipliers)
        #expect(rule.floats(province: 1, at: YearMonth(year: 2000, month: 1)))
    }
}
