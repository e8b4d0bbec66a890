import Testing

@testable import InjurySimCore

/// Under the borrow policy a fund short of cash borrows exactly the gap between what is due and
/// its cash, and any cash left at a month end repays the backstop at once, as far as it goes.
/// The flows themselves (borrowed, repaid) are reported, so they must be right, not only the
/// balances they leave.
@Suite struct BackstopRuleTests {
    struct Month: Sendable {
        var contributions: Fen
        var due: Fen
        var borrowed: Fen
        var repaid: Fen
        var cash: Fen
        var debt: Fen
    }

    // Starting with 30 in cash; no administration, no investment.
    static let months = [
        Month(contributions: 0, due: 100, borrowed: 70, repaid: 0, cash: 0, debt: 70),  // the gap, 100 − 30
        Month(contributions: 50, due: 0, borrowed: 0, repaid: 50, cash: 0, debt: 20),  // all surplus repays
        Month(contributions: 30, due: 0, borrowed: 0, repaid: 20, cash: 10, debt: 0),  // repaid in full, rest kept
        Month(contributions: 0, due: 40, borrowed: 30, repaid: 0, cash: 0, debt: 30),  // cash first, then borrow
        Month(contributions: 100, due: 0, borrowed: 0, repaid: 30, cash: 70, debt: 0),
        Month(contributions: 0, due: 70, borrowed: 0, repaid: 0, cash: 0, debt: 0)  // exactly enough: no loan
    ]

    @Test func borrowTheGapAndRepayFromAnySurplus() {
        var ledger = FundLedger(initialCash: 30, shortfall: .borrow, liabilityDiscountRatePerYear: 0)
        ledger.schedule(Self.months.enumerated().map { Payment(month: $0.offset, amount: $0.element.due, item: .medical) })
        for (index, expected) in Self.months.enumerated() {
            let books = ledger.close(month: index, contributions: expected.contributions, adminCostShare: 0, investmentReturnPerYear: 0)
            #expect(books.benefitsPaid == expected.due, "month \(index)")
            #expect(books.borrowed == expected.borrowed, "month \(index)")
            #expect(books.repaid == expected.repaid, "month \(index)")
            #expect(books.cash == expected.cash, "month \(index)")
            #expect(books.debt == expected.debt, "month \(index)")
            #expect(books.arrears == 0)
        }
    }
}
