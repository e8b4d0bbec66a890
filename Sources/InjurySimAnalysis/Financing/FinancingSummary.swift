import InjurySimCore
import InjurySimEngine

/// The financing methods' figures for one pool (or the total) over all replications: per
/// calendar year the spread of the pay-as-you-go cost rate, the rate received and the
/// terminal-funding rate (yuan per order), of the reserve in months of spending, and of the
/// reserve and the constituent-capital reserve (yuan); how many replications exhausted the
/// reserve and by when, met the reserve target, or end short of the terminal-funding reserve;
/// and the general average premium, summarized income rate and actuarial balance (yuan per
/// order) for each period of full years the horizon covers. Spreads as ``PoolSummary``'s
/// (nearest-rank percentiles and the mean over replications); built from the replications in
/// the order given, so the figures do not depend on threads.
package struct FinancingSummary: Sendable {
    /// The replications summarised.
    package var replications: Int
    /// The horizon's calendar years, in order (the first and last may be partial).
    package var years: [Int]
    /// Per year: spending ÷ orders (yuan per order), over replications with orders that year.
    package var costRate: [Spread]
    /// Per year: contributions received ÷ orders (yuan per order), likewise.
    package var rateCharged: [Spread]
    /// Per year: (short-term benefits + administration + awards' capital value) ÷ orders
    /// (yuan per order), likewise.
    package var terminalRate: [Spread]
    /// Per year: the reserve in months of the year's spending, over replications that spent.
    package var reserveMonths: [Spread]
    /// Per year: the reserve (net position) at the year's end, yuan.
    package var reserve: [Spread]
    /// Per year: the constituent-capital (terminal-funding) reserve at the year's end, yuan.
    package var constituentCapital: [Spread]
    /// Per year: the share of replications whose reserve ran short by the year's end.
    package var exhaustedBy: [Double]
    /// Per year: the 95% Wilson interval of ``exhaustedBy``.
    package var exhaustedByInterval: [(low: Double, high: Double)]
    /// Replications whose reserve ran short within the horizon.
    package var exhausted: Int
    /// The calendar year of exhaustion, over the replications exhausted; nil when none was.
    package var exhaustionYear: Spread?
    /// The reserve target, in months of spending.
    package var reserveTargetMonths: Double
    /// Replications whose reserve held the target at every year end of the horizon.
    package var targetMet: Int
    /// Replications whose constituent-capital reserve exceeds the reserve at the horizon's end.
    package var terminalShortfallReplications: Int
    /// max(0, constituent-capital reserve − reserve) at the horizon's end, yuan, over all
    /// replications (zeros included).
    package var terminalShortfall: Spread
    /// The closing reserve of the general average premium, in years of the last year's spending.
    package var closingReserveYears: Double
    /// Per period of full years the horizon covers (of those asked for, in that order): the
    /// general average premium, yuan per order.
    package var gap: [(years: Int, premium: Spread)]
    /// Per period: the summarized income rate − the general average premium, yuan per order.
    package var actuarialBalance: [(years: Int, balance: Spread)]
    /// Per period: the present value of contributions ÷ that of orders, yuan per order.
    package var summarizedIncomeRate: [(years: Int, rate: Spread)]

    /// The share of replications that met the reserve target every year.
    package var targetMetShare: Double { replications == 0 ? 0 : Double(targetMet) / Double(replications) }
    /// The 95% Wilson interval of ``targetMetShare``.
    package var targetMetInterval: (low: Double, high: Double) { Statistics.wilson(successes: targetMet, trials: replications) }
    /// The share of replications exhausted within the horizon.
    package var exhaustedShare: Double { replications == 0 ? 0 : Double(exhausted) / Double(replications) }

    /// The figures of `pool` (`poolCount`: the total) of `results`, whose horizon starts in
    /// `start`; the reserve target in months of spending; the periods (in full years) of the
    /// general average premium, of which those the horizon covers are kept; its closing reserve
    /// in years of spending.
    package init(
        results: [ReplicationResult], pool: Int, start: YearMonth, reserveTargetMonths: Double, gapYears: [Int], closingReserveYears: Double
    ) {
        let paths = results.map { FinancingPath($0, pool: pool, start: start) }
        replications = paths.count
        self.reserveTargetMonths = reserveTargetMonths
        self.closingReserveYears = closingReserveYears
        let calendar = FinancingPath.calendarYears(start: start, months: results.first?.months ?? 0)
        let years = calendar.map(\.year)
        self.years = years
        func perYear(_ figure: (FinancingYear) -> Double?) -> [Spread] {
            years.indices.map { index in
                Spread(paths.compactMap { path in index < path.years.count ? figure(path.years[index]).flatMap { $0.isFinite ? $0 : nil } : nil })
            }
        }
        costRate = perYear(\.costRate)
        rateCharged = perYear(\.rateCharged)
        terminalRate = perYear(\.terminalRate)
        reserveMonths = perYear(\.reserveMonths)
        reserve = perYear { $0.reserve / 100 }
        constituentCapital = perYear { $0.constituentCapital / 100 }
        let exhaustion = paths.compactMap(\.exhaustionYear)
        exhausted = exhaustion.count
        exhaustionYear = exhaustion.isEmpty ? nil : Spread(exhaustion.map(Double.init))
        var byYear: [Int] = []
        for year in years { byYear.append(exhaustion.filter { $0 <= year }.count) }
        let trials = paths.count
        exhaustedBy = byYear.map { trials == 0 ? 0 : Double($0) / Double(trials) }
        exhaustedByInterval = byYear.map { Statistics.wilson(successes: $0, trials: trials) }
        let lastYear = years.last ?? start.year
        targetMet = paths.filter { $0.reserveTargetMet(months: reserveTargetMonths, through: lastYear) }.count
        terminalShortfallReplications = paths.filter { $0.terminalShortfallAtEnd > 0 }.count
        terminalShortfall = Spread(paths.map { $0.terminalShortfallAtEnd / 100 })
        let fullYears = calendar.filter { $0.months == 12 }.count
        let periods = gapYears.filter { $0 >= 1 && $0 <= fullYears }
        gap = periods.map { T in (T, Spread(paths.compactMap { $0.generalAveragePremium(years: T, closingReserveYears: closingReserveYears) })) }
        actuarialBalance = periods.map { T in
            (T, Spread(paths.compactMap { $0.actuarialBalance(years: T, closingReserveYears: closingReserveYears) }))
        }
        summarizedIncomeRate = periods.map { T in (T, Spread(paths.compactMap { $0.summarizedIncomeRate(years: T) })) }
    }
}
