import InjurySimCore

/// A fund pool: holds its ledger and closes its books at each month barrier.
package actor FundActor {
    private var ledger: FundLedger

    package init(ledger: FundLedger) { self.ledger = ledger }

    /// Books newly reported claims, then closes the month.
    package func close(
        month: Int, contributions: Fen, reported: [[Payment]], adminCostShare: Double,
        investmentReturnPerYear: Double
    ) -> FundMonth {
        for payments in reported { ledger.schedule(payments) }
        return ledger.close(
            month: month, contributions: contributions, adminCostShare: adminCostShare,
            investmentReturnPerYear: investmentReturnPerYear)
    }

    /// The state at the end of a phase, handed to the next one.
    package func currentLedger() -> FundLedger { ledger }
}
