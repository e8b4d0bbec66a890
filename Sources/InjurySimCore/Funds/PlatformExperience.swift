/// One platform's record in one province as the regulator keeps it, month by month: the
/// contributions received, the benefits that fell due on the platform's reported claims, and the
/// case reserve (the present value of those claims' payments still to come) at each month end.
///
/// The rate float's paid bases read it at a review: only what is known by the review month
/// counts. A claim enters when it is reported, with its fund payments; a payment counts as paid
/// in the month it falls due, even when a pool under `defer` pays it later (arrears are the
/// pool's, not the platform's). Pure; ``PlatformLedger`` keeps one per province.
package struct PlatformExperience: Sendable, Equatable {
    /// Fund payments of the reported claims, by month index due.
    package private(set) var due: [Fen] = []
    /// Contributions received, per closed month (index = month).
    package private(set) var received: [Fen] = []
    /// Benefits that fell due on the reported claims, per closed month.
    package private(set) var paid: [Fen] = []
    /// Case reserve at each closed month end, fen (present value, not rounded); empty when
    /// reserves are not measured.
    package private(set) var reserve: [Double] = []
    /// Monthly discount factor of the case reserve; nil when reserves are not measured.
    package let reserveDiscount: Double?

    /// An empty record; `reserveDiscount` (the monthly discount factor) makes it measure case
    /// reserves, which only the `paidPlusReserves` basis needs.
    package init(reserveDiscount: Double?) {
        self.reserveDiscount = reserveDiscount
    }

    /// A record that starts `closedMonths` months into a chain of phases with nothing in them
    /// (a province new in a later phase), so its month indices are the chain's.
    package init(reserveDiscount: Double?, closedMonths: Int) {
        self.reserveDiscount = reserveDiscount
        received = [Fen](repeating: 0, count: closedMonths)
        paid = [Fen](repeating: 0, count: closedMonths)
        if reserveDiscount != nil { reserve = [Double](repeating: 0, count: closedMonths) }
    }

    /// Months closed so far: the next ``close(received:)`` closes this month index.
    package var monthsClosed: Int { received.count }

    /// Books a newly reported claim's fund payments. Every payment falls in an open month: a
    /// claim is booked in its report month, before that month closes. The record grows once, to
    /// the claim's last month.
    package mutating func book(_ payments: [Payment]) {
        guard let first = payments.lazy.map(\.month).min(), let last = payments.lazy.map(\.month).max() else { return }
        precondition(first >= monthsClosed, "a reported claim's payment falls in a month already closed")
        if last >= due.count { due.append(contentsOf: repeatElement(0, count: last + 1 - due.count)) }
        for payment in payments { due[payment.month] += payment.amount }
    }

    /// Closes the next month: the contributions received in it, the benefits that fell due in it
    /// and, when measured, the case reserve at its end.
    package mutating func close(received amount: Fen) {
        let month = monthsClosed
        received.append(amount)
        paid.append(month < due.count ? due[month] : 0)
        guard let v = reserveDiscount else { return }
        reserve.append(FundLedger.presentValue(of: due, after: month, monthlyDiscount: v))
    }

    /// The closed months of a window of `windowMonths` ending with the last closed month (fewer
    /// at the start of the run).
    package func window(_ windowMonths: Int) -> Range<Int> {
        max(0, monthsClosed - windowMonths)..<monthsClosed
    }

    /// Contributions received over the window (at most `Fen.max`: the sum saturates rather than
    /// overflow; every month's amount is at least zero).
    package func contributions(overLast windowMonths: Int) -> Fen {
        received[window(windowMonths)].reduce(0) {
            let (sum, overflow) = $0.addingReportingOverflow($1)
            return overflow ? Fen.max : sum
        }
    }

    /// `amounts` summed as doubles: the same value as their integer sum while it stays below
    /// 2⁵³ fen (every partial sum is then exact), and no overflow beyond it.
    static func sum(_ amounts: ArraySlice<Fen>) -> Double {
        amounts.reduce(0.0) { $0 + Double($1) }
    }

    /// The paid ratio (支缴率) over the closed months of `months` (chain month indices; months
    /// not yet closed do not count): benefits that fell due ÷ contributions received. Nil when
    /// nothing was received in them (the 2025 tier rule's "new" platform).
    package func paidRatio(over months: Range<Int>) -> Double? {
        let closed = months.clamped(to: 0..<monthsClosed)
        let contributions = Self.sum(received[closed])
        guard contributions > 0 else { return nil }
        return Self.sum(paid[closed]) / contributions
    }

    /// The loss ratio over the last `windowMonths` closed months: benefits paid ÷ contributions
    /// received (`paid`, the 支缴率), or with the growth of the case reserve from the month
    /// before the window to its last month added to the benefits (`paidPlusReserves`: the
    /// window's reported incurred cost, so each claim counts once over successive windows).
    /// Infinity when nothing was received. The `foresight` basis is not kept here.
    package func lossRatio(basis: RateFloatRule.Basis, windowMonths: Int) -> Double {
        precondition(basis != .foresight, "the foresight loss ratio is the ledger's, not the experience's")
        let months = window(windowMonths)
        let contributions = Self.sum(received[months])
        guard contributions > 0 else { return .infinity }
        var cost = Self.sum(paid[months])
        if basis == .paidPlusReserves, let last = months.last {
            precondition(reserveDiscount != nil, "the paidPlusReserves basis needs measured reserves")
            cost += reserve[last] - (months.lowerBound > 0 ? reserve[months.lowerBound - 1] : 0)
        }
        return cost / contributions
    }
}
