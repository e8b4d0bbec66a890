import Testing

@testable import InjurySimCore

/// What the regulator's float reads: over a window of closed months ending with the last one,
/// benefits that fell due on the platform's reported claims ÷ contributions received (the paid
/// ratio, 支缴率), or with the growth of the reported claims' case reserve added (reported
/// incurred). A claim counts from its report; a payment counts in the month it falls due.
@Suite struct PlatformExperienceTests {
    /// Two claims: one reported in month 1 paying 300 in month 2 and 500 in month 14; one
    /// reported in month 13 paying 200 in month 13 and 700 in month 30 (after every window).
    /// 1,000 fen is received every month; months 0…23 are closed. No discounting unless given.
    static func record(reserveDiscount: Double? = 1) -> PlatformExperience {
        var record = PlatformExperience(reserveDiscount: reserveDiscount)
        for month in 0..<24 {
            if month == 1 {
                record.book([Payment(month: 2, amount: 300, item: .medical), Payment(month: 14, amount: 500, item: .disabilitySubsidy)])
            }
            if month == 13 {
                record.book([Payment(month: 13, amount: 200, item: .medical), Payment(month: 30, amount: 700, item: .dependantsPension)])
            }
            record.close(received: 1_000)
        }
        return record
    }

    struct Case: Sendable, CustomStringConvertible {
        var basis: RateFloatRule.Basis
        var windowMonths: Int
        var expected: Double
        var why: String
        var description: String { "\(basis), \(windowMonths) months: \(why)" }
    }

    static let cases = [
        Case(basis: .paid, windowMonths: 12, expected: 700.0 / 12_000, why: "months 12–23 paid 200 (month 13) + 500 (month 14)"),
        Case(basis: .paid, windowMonths: 24, expected: 1_000.0 / 24_000, why: "every payment that has fallen due"),
        Case(basis: .paid, windowMonths: 60, expected: 1_000.0 / 24_000, why: "a window longer than the run reads the whole run"),
        Case(basis: .paid, windowMonths: 11, expected: 700.0 / 11_000, why: "months 13–23: the same payments, fewer contributions"),
        Case(basis: .paid, windowMonths: 10, expected: 500.0 / 10_000, why: "months 14–23: month 13's 200 is outside"),
        // Reserve at the end of month 11: 500 (month 14). At the end of month 23: 700 (month 30).
        Case(
            basis: .paidPlusReserves, windowMonths: 12, expected: (700.0 + 700 - 500) / 12_000,
            why: "paid 700 + reserve growth 500 → 700"),
        Case(
            basis: .paidPlusReserves, windowMonths: 24, expected: (1_000.0 + 700) / 24_000,
            why: "from the start: every reported payment, the unpaid 700 included")
    ]

    @Test(arguments: cases)
    func lossRatioOverTheWindow(c: Case) {
        let ratio = Self.record().lossRatio(basis: c.basis, windowMonths: c.windowMonths)
        #expect(abs(ratio - c.expected) < 1e-12, "\(ratio)")
    }

    /// Successive windows on the reported-incurred basis add up to every payment of the claims
    /// reported in them, undiscounted: each claim is counted once, at its report.
    @Test func reportedIncurredCountsEachClaimOnce() {
        var record = PlatformExperience(reserveDiscount: 1)
        var numerators = 0.0
        for month in 0..<36 {
            record.book([Payment(month: month + 3, amount: 1_000, item: .medical), Payment(month: month + 40, amount: 50, item: .disabilityAllowance)]
            )
            record.close(received: 10_000)
            if month % 12 == 11 { numerators += record.lossRatio(basis: .paidPlusReserves, windowMonths: 12) * 120_000 }
        }
        #expect(abs(numerators - 36 * 1_050) < 1e-6)
    }

    /// The reserve is the present value at the month end of the payments still to come.
    @Test func reserveIsDiscountedAtTheMonthEnd() {
        var record = PlatformExperience(reserveDiscount: 0.5)
        record.book([
            Payment(month: 0, amount: 100, item: .medical), Payment(month: 1, amount: 800, item: .medical),
            Payment(month: 3, amount: 1_600, item: .medical)
        ])
        record.close(received: 1)
        record.close(received: 1)
        #expect(record.reserve == [800 * 0.5 + 1_600 * 0.125, 1_600 * 0.25])
        #expect(record.paid == [100, 800])
    }

    @Test func nothingReceivedIsAnInfiniteRatio() {
        var record = PlatformExperience(reserveDiscount: nil)
        record.book([Payment(month: 0, amount: 100, item: .medical)])
        record.close(received: 0)
        #expect(record.lossRatio(basis: .paid, windowMonths: 12) == .infinity)
        #expect(record.contributions(overLast: 12) == 0)
    }
}
