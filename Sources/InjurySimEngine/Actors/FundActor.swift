import InjurySimCore

/// A fund pool: holds its ledger and closes its books at each month barrier.
public actor FundActor {
    private var ledger: FundLedger

    public init(ledger: FundLedger) { self.ledger = ledger }

    /// Books newly reported claims, then closes the month.
    public func close(month: Int, contributions: Fen, reported: [[Payment]], adminCostShare: Double,
                      investmentReturnPerYear: Double) -> FundMonth {
        for payments in reported { ledger.schedule(payments) }
        return ledger.close(month: month, contributions: contributions, adminCostShare: adminCostShare,
                            investmentReturnPerYear: investmentReturnPerYear)
    }
}
