import InjurySimCore

/// Owns the worker agents of one shard; steps them one month per call (one hop per shard per month).
public actor ShardActor {
    private var state: ShardState

    public init(state: ShardState) { self.state = state }

    /// Steps the shard's workers through a month.
    public func step(month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        state.step(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
    }
}

/// A platform: books its orders, remits contributions the month after, and has its rate floated.
public actor PlatformActor {
    private var ledger: PlatformLedger

    public init(ledger: PlatformLedger) { self.ledger = ledger }

    /// One month of the platform (``PlatformLedger/closeMonth(paymentShare:orders:incurred:reported:)``).
    /// Returns what was paid and what was booked (due next month), per province.
    package func closeMonth(paymentShare: [Double], orders: [Int64], incurred: [Double],
                            reported: [PlatformLedger.ReportedClaim]) -> (paid: [Fen], booked: [Fen]) {
        ledger.closeMonth(paymentShare: paymentShare, orders: orders, incurred: incurred, reported: reported)
    }

    /// Floats next year's rates by the review's loss ratios; returns the new multipliers.
    public func review(rule: RateFloatRule) -> [Double] {
        ledger.review(rule: rule)
        return ledger.multiplier
    }
}

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
