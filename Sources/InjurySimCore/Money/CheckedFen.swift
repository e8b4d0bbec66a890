/// Money arithmetic checked at run time, for the figures that accumulate across months or
/// claims (a fund's cash, backstop debt, arrears and scheduled payments, its liabilities, the
/// running totals): each result must stay within ±``limit``, half the Int64 range, so that any
/// two checked figures can be added or subtracted without overflow. What leaves it throws
/// ``FenOverflow`` naming the figure instead of trapping. These run once per pool, platform or
/// reported claim a month, never per worker-day.
package enum CheckedFen {
    /// The largest magnitude a checked figure may hold: half the Int64 range
    /// (``MoneyRange/limitFen``), about 4.6 × 10¹⁶ yuan.
    package static let limit: Fen = Fen.max / 2

    /// `a + b`, or ``FenOverflow`` naming `figure` when the sum leaves ±``limit``.
    @inlinable
    package static func add(_ a: Fen, _ b: Fen, _ figure: String) throws(FenOverflow) -> Fen {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum.magnitude <= limit.magnitude else { throw FenOverflow(figure: figure) }
        return sum
    }

    /// `a - b`, or ``FenOverflow`` naming `figure` when the difference leaves ±``limit``.
    @inlinable
    package static func subtract(_ a: Fen, _ b: Fen, _ figure: String) throws(FenOverflow) -> Fen {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow, difference.magnitude <= limit.magnitude else { throw FenOverflow(figure: figure) }
        return difference
    }

    /// An amount in fen held as a double, rounded to whole fen (``Money/fen(_:)``), or
    /// ``FenOverflow`` naming `figure` when it is not finite or beyond ±``limit`` (converting
    /// such a double to an integer would trap).
    @inlinable
    package static func fen(_ amount: Double, _ figure: String) throws(FenOverflow) -> Fen {
        guard amount.isFinite, amount.magnitude < Double(limit) else { throw FenOverflow(figure: figure) }
        return Money.fen(amount)
    }
}
