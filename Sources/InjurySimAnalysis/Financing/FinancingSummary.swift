import InjurySimCore
import InjurySimEngine

/// The general average premium, summarized income rate and actuarial balance (yuan per order)
/// of one pool (or the total) over all replications, for each period of full calendar years
/// the horizon covers (`summary.json`'s `financing.byPeriod`). The verdict's counts are
/// ``FinancingOutcome``'s and the yearly figures `yearly.csv`'s; spreads as ``PoolSummary``'s
/// (nearest-rank percentiles and the mean over replications), built from the replications in
/// the order given, so the figures do not depend on threads.
package struct FinancingSummary: Sendable {
    /// The replications summarised.
    package var replications: Int
    /// The closing reserve of the general average premium, in years of the last year's spending.
    package var closingReserveYears: Double
    /// Per period of full years the horizon covers (of those asked for, in that order): the
    /// general average premium, yuan per order.
    package var gap: [(years: Int, premium: Spread)]
    /// Per period: the summarized income rate − the general average premium, yuan per order.
    package var actuarialBalance: [(years: Int, balance: Spread)]
    /// Per period: the present value of contributions ÷ that of orders, yuan per order.
    package var summarizedIncomeRate: [(years: Int, rate: Spread)]

    /// The figures of `pool` (`poolCount`: the total) of `results`, whose horizon starts in
    /// `start`, for the periods (in full years) of `gapYears` the horizon covers; the premium's
    /// closing reserve in years of spending.
    package init(results: [ReplicationResult], pool: Int, start: YearMonth, gapYears: [Int], closingReserveYears: Double) {
        let paths = results.map { FinancingPath($0, pool: pool, start: start) }
        replications = paths.count
        self.closingReserveYears = closingReserveYears
        let calendar = FinancingPath.calendarYears(start: start, months: results.first?.months ?? 0)
        let fullYears = calendar.filter { $0.months == 12 }.count
        let periods = gapYears.filter { $0 >= 1 && $0 <= fullYears }
        gap = periods.map { T in (T, Spread(paths.compactMap { $0.generalAveragePremium(years: T, closingReserveYears: closingReserveYears) })) }
        actuarialBalance = periods.map { T in
            (T, Spread(paths.compactMap { $0.actuarialBalance(years: T, closingReserveYears: closingReserveYears) }))
        }
        summarizedIncomeRate = periods.map { T in (T, Spread(paths.compactMap { $0.summarizedIncomeRate(years: T) })) }
    }
}
