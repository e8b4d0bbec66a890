import Testing

@testable import InjurySimCore

/// Money that accumulates is checked at run time: a figure beyond half the Int64 range is an
/// error naming it, never a trap, and the books that raised it stop.
@Suite struct CheckedFenTests {
    @Test func sumsAndConversionsBeyondTheLimitThrowInsteadOfTrapping() throws {
        let limit = CheckedFen.limit
        #expect(try CheckedFen.add(limit - 1, 1, "cash") == limit)
        #expect(throws: FenOverflow(figure: "cash")) { try CheckedFen.add(limit, 1, "cash") }
        #expect(throws: FenOverflow(figure: "debt")) { try CheckedFen.add(Fen.max, Fen.max, "debt") }
        #expect(throws: FenOverflow(figure: "net")) { try CheckedFen.subtract(-limit, 1, "net") }
        #expect(throws: FenOverflow(figure: "net")) { try CheckedFen.subtract(Fen.min, 1, "net") }
        #expect(try CheckedFen.fen(1234.5, "x") == Money.fen(1234.5))
        for bad in [Double.nan, .infinity, -.infinity, 1e19, -1e19, Double(limit)] {
            #expect(throws: FenOverflow(figure: "liabilities")) { try CheckedFen.fen(bad, "liabilities") }
        }
    }

    /// A fund whose cash would pass the limit keeps the overflow, names the figure and stops:
    /// later months change nothing (the engine ends the replication on the first).
    @Test func aLedgerThatOverflowsStopsAndNamesTheFigure() {
        var ledger = FundLedger(initialCash: CheckedFen.limit - 100, shortfall: .borrow, liabilityDiscountRatePerYear: 0.03)
        let first = ledger.close(month: 0, contributions: 50, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(ledger.overflow == nil && first.cash == CheckedFen.limit - 50)
        let second = ledger.close(month: 1, contributions: 51, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(ledger.overflow == FenOverflow(figure: "cash"))
        #expect(second == FundMonth())
        _ = ledger.close(month: 2, contributions: 1, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(ledger.overflow == FenOverflow(figure: "cash"))

        var scheduled = FundLedger(initialCash: 0, shortfall: .borrow, liabilityDiscountRatePerYear: 0.03)
        scheduled.schedule([Payment(month: 3, amount: CheckedFen.limit, item: .medical)])
        scheduled.schedule([Payment(month: 3, amount: 1, item: .medical)])
        #expect(scheduled.overflow == FenOverflow(figure: "scheduled benefits"))
    }

    /// Investment income on a huge balance at a high return passes the limit as income, not
    /// as a trap converting a double.
    @Test func investmentIncomeBeyondTheLimitIsAnOverflow() {
        var ledger = FundLedger(initialCash: CheckedFen.limit / 2, shortfall: .borrow, liabilityDiscountRatePerYear: 0.03)
        _ = ledger.close(month: 0, contributions: 0, adminCostShare: 0, investmentReturnPerYear: 1e6)
        #expect(ledger.overflow == FenOverflow(figure: "investment income"))
    }

    /// A platform booking orders at a rate whose contributions pass the limit stops booking.
    @Test func aPlatformsContributionsBeyondTheLimitAreAnOverflow() {
        var ledger = PlatformLedger(benchmarkYuanPerOrder: 1e12, provinces: 1)
        let booked = ledger.book(orders: [Int64(1e8)])
        #expect(booked == [0] && ledger.overflow == FenOverflow(figure: "contributions booked"))
    }
}
