import InjurySimCore

/// A fund pool: holds its ledger and closes its books at each month barrier.
package actor FundActor {
    private var ledger: FundLedger

    package init(ledger: FundLedger) { self.ledger = ledger }

    /// Books newly reported claims, then closes the month; the figure that left the exact
    /// range instead, once the ledger's money overflows (``FundLedger/overflow``).
    package func close(
        month: Int, contributions: Fen, reported: [[Payment]], adminCostShare: Double,
        investmentReturnPerYear: Double
    ) -> Result<FundMonth, FenOverflow> {
        for payments in reported { ledger.schedule(payments) }
        let books = ledger.close(
            month: month, contributions: contributions, adminCostShare: adminCostShare,
            investmentReturnPerYear: investmentReturnPerYear)
        if let overflow = ledger.overflow { return .failure(overflow) }
        return .success(books)
    }

    /// The state at the end of a phase, handed to the next one.
    package func currentLedger() -> FundLedger { ledger }
}
