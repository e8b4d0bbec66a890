import InjurySimCore

/// A platform: books its orders, remits contributions the month after, and has its rate floated.
package actor PlatformActor {
    private var ledger: PlatformLedger

    package init(ledger: PlatformLedger) { self.ledger = ledger }

    /// One month of the platform (``PlatformLedger/closeMonth(paymentShare:orders:incurred:reported:)``).
    /// Returns what was paid and what was booked (due next month), per province, or the figure
    /// that left the exact range (``PlatformLedger/overflow``).
    package func closeMonth(
        paymentShare: [Double], orders: [Int64], incurred: [Double],
        reported: [PlatformLedger.ReportedClaim]
    ) -> Result<(paid: [Fen], booked: [Fen]), FenOverflow> {
        let books = ledger.closeMonth(paymentShare: paymentShare, orders: orders, incurred: incurred, reported: reported)
        if let overflow = ledger.overflow { return .failure(overflow) }
        return .success(books)
    }

    /// Floats next year's rates by the review's loss ratios (as `month` opens, each province
    /// from its first review); returns the new multipliers.
    package func review(rule: RateFloatRule, month: YearMonth? = nil) -> [Double] {
        ledger.review(rule: rule, month: month)
        return ledger.multiplier
    }

    /// Puts the platform on its tiers (``PlatformLedger/assignTiers(_:threshold:window:sector:)``);
    /// returns the paid ratios read per province.
    @discardableResult
    package func assignTiers(_ rule: RateTierRule, threshold: Double, window: Range<Int>, sector: Int) -> [Double?] {
        ledger.assignTiers(rule, threshold: threshold, window: window, sector: sector)
    }

    /// The rate the float moves from per province, yuan per order (the tier's or the benchmark).
    package func baseYuanPerOrder() -> [Double] { ledger.baseYuanPerOrder }

    /// The state at the end of a phase, handed to the next one.
    package func currentLedger() -> PlatformLedger { ledger }
}
