import InjurySimCore

/// A platform: books its orders, remits contributions the month after, and has its rate floated.
package actor PlatformActor {
    private var ledger: PlatformLedger

    package init(ledger: PlatformLedger) { self.ledger = ledger }

    /// One month of the platform (``PlatformLedger/closeMonth(paymentShare:orders:incurred:reported:)``).
    /// Returns what was paid and what was booked (due next month), per province.
    package func closeMonth(
        paymentShare: [Double], orders: [Int64], incurred: [Double],
        reported: [PlatformLedger.ReportedClaim]
    ) -> (paid: [Fen], booked: [Fen]) {
        ledger.closeMonth(paymentShare: paymentShare, orders: orders, incurred: incurred, reported: reported)
    }

    /// Floats next year's rates by the review's loss ratios; returns the new multipliers.
    package func review(rule: RateFloatRule) -> [Double] {
        ledger.review(rule: rule)
        return ledger.multiplier
    }

    /// The state at the end of a phase, handed to the next one.
    package func currentLedger() -> PlatformLedger { ledger }
}
