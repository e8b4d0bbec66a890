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

    /// Remits last month's contributions, then books this month's orders and claim costs.
    /// Returns what was paid and what was booked (due next month), per province.
    public func closeMonth(paymentShare: [Double], orders: [Int64], incurred: [Double]) -> (paid: [Fen], booked: [Fen]) {
        let paid = ledger.remit(paymentShare: paymentShare)
        let booked = ledger.book(orders: orders)
        for (province, value) in incurred.enumerated() where value != 0 {
            ledger.recordIncurred(province: province, presentValue: value)
        }
        return (paid, booked)
    }

    /// Floats next year's rates by the past year's loss ratios.
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
