import InjurySimCore

/// A replication whose money left the range the model counts exactly (±``CheckedFen/limit``
/// fen, about 4.6 × 10¹⁶ yuan, or a series summed over the months beyond
/// ``ReplicationResult/seriesLimit``): which replication, in which calendar month, where (a pool,
/// all pools, or a platform) and which figure. The replication stops there and the run ends with
/// this as its error; the same scenario and seed give the same one on any number of threads
/// (``MonteCarloRunner`` reports the lowest replication that overflows).
package struct MoneyOverflow: Error, Sendable, Equatable, CustomStringConvertible {
    package var replication: Int
    package var month: YearMonth
    /// "pool north", "all pools" or "platform meituan".
    package var place: String
    package var figure: String

    package init(replication: Int, month: YearMonth, place: String, figure: String) {
        self.replication = replication
        self.month = month
        self.place = place
        self.figure = figure
    }

    /// The message: what left the range, where and when, and what to change.
    package var description: String {
        "replication \(replication), \(month), \(place): \(figure) left the range money is counted in exactly "
            + "(4.6 × 10¹⁶ yuan a figure; a series summed over the months 1.2 × 10¹⁶ yuan); "
            + "shorten the horizon (months), or lower the growth rates (orders, wages, medical inflation, "
            + "investment return), the initial balances or the rates per order"
    }
}
