import InjurySimCore
import InjurySimEngine

/// One replication's fund for one pool (`pool == poolCount`: the total over pools), cut into the
/// calendar years of the horizon, with what the financing methods make of it: the
/// pay-as-you-go cost rate and the terminal-funding rate of each year, the reserve in months of
/// spending, the year the reserve is exhausted, the terminal-funding (constituent-capital)
/// reserve and the general average premium. Money in fen; rates in yuan per order.
///
/// Calendar years are cut as `yearly.csv` cuts them (`YearlyCSV.years`): flows summed over the
/// year's months inside the horizon, stocks at its last month there.
package struct FinancingPath: Sendable {
    /// The horizon's calendar years, in order; the first and last may be partial.
    package var years: [FinancingYear]
    /// The replication's discount rate a year (its economic basis), i.
    package var discountRate: Double
    /// The fund's net position just before the horizon's first month (fen).
    package var openingReserve: Double
    /// The calendar year of the first month whose net position is below zero (the month
    /// ``ReplicationResult/firstShortfall(pool:)`` finds, so this agrees with
    /// ``ReplicationMetrics/firstShortfallMonth``); nil when the reserve never ran short.
    package var exhaustionYear: Int?

    /// The figures of `pool` of `result`, whose horizon starts in `start`.
    ///
    /// The constituent-capital reserve is built year by year: R₀ = 0 at the horizon's start —
    /// for a standalone run there are no awards before it, and for a chain phase that
    /// `continues` the earlier phases' awards are not valued either (the result holds no capital
    /// value of them), so R starts at 0 then too — and R_{t+1} = (R_t + CV_t − L_t)·(1+i)^{m_t/12},
    /// with CV_t the capital value of the year's awards, L_t the long-term benefits that fell
    /// due in it, m_t its months and i the discount rate: awards and payments treated as
    /// start-of-year flows, as in financing.md §1.1. R_{t+1} is the year's ``FinancingYear/constituentCapital``.
    package init(_ result: ReplicationResult, pool: Int, start: YearMonth) {
        discountRate = result.discountRatePerYear
        openingReserve = Double(result.openingReserve[pool])
        exhaustionYear = result.firstShortfall(pool: pool).map { start.adding(months: $0).year }
        let shortItems: [BenefitItem] = [.medical, .suspensionWages, .disabilitySubsidy, .deathSubsidy, .funeralGrant]
        let longItems: [BenefitItem] = [.disabilityAllowance, .careAllowance, .grade5to6Allowance, .dependantsPension]
        var capital = 0.0
        years = []
        for (year, first, count) in Self.calendarYears(start: start, months: result.months) {
            let months = first..<(first + count)
            func sum(_ metric: Metric) -> Int64 { months.reduce(Int64(0)) { $0 + result.value(month: $1, pool: pool, metric: metric) } }
            func sum(_ items: [BenefitItem]) -> Int64 { items.reduce(Int64(0)) { $0 + sum(.due($1)) } }
            let longTerm = Double(sum(longItems))
            let awards = Double(sum(.awardsCapitalValue))
            capital = (capital + awards - longTerm) * PortableMath.pow(1 + discountRate, Double(count) / 12)
            years.append(
                FinancingYear(
                    year: year, months: count, orders: Double(sum(.orders)), contributions: Double(sum(.contributions)),
                    spending: Double(sum(.benefitsDue) + sum(.adminCost)), shortTerm: Double(sum(shortItems)), longTerm: longTerm,
                    adminCost: Double(sum(.adminCost)), awardsCapitalValue: awards,
                    reserve: Double(result.value(month: months.upperBound - 1, pool: pool, metric: .netPosition)),
                    constituentCapital: capital))
        }
    }

    /// The calendar years a horizon of `months` months from `start` touches, in order, as
    /// (year, first month index, months inside the horizon) — the one cut, which `YearlyCSV.years` reads too.
    package static func calendarYears(start: YearMonth, months: Int) -> [(year: Int, first: Int, months: Int)] {
        var out: [(year: Int, first: Int, months: Int)] = []
        for month in 0..<max(0, months) {
            let year = start.adding(months: month).year
            if out.last?.year == year { out[out.count - 1].months += 1 } else { out.append((year, month, 1)) }
        }
        return out
    }

    /// The terminal-funding reserve the awards call for, less the reserve the fund holds, at the
    /// horizon's end, when positive (fen): max(0, R_T − reserve_T); 0 without years.
    package var terminalShortfallAtEnd: Double {
        guard let last = years.last else { return 0 }
        return max(0, last.constituentCapital - last.reserve)
    }

    /// The indices in ``years`` of the horizon's full calendar years (12 months), in order.
    package var fullYearIndices: [Int] { years.indices.filter { years[$0].months == 12 } }

    /// The first `T` full calendar years' indices, or nil when the horizon has fewer (or T < 1).
    func period(_ T: Int) -> [Int]? {
        let full = fullYearIndices
        guard T >= 1, full.count >= T else { return nil }
        return Array(full.prefix(T))
    }

    /// The reserve at the start of the first full year (fen): the opening reserve when the
    /// horizon starts in January, else the previous (partial) year's end reserve.
    func reserveBefore(_ index: Int) -> Double { index == 0 ? openingReserve : years[index - 1].reserve }

    /// The general average premium (yuan per order) over the first `T` full calendar years of
    /// the horizon (financing.md §1.3, start-of-year flows, v = 1/(1+i), i the discount rate):
    /// [Σ_{t<T} B_t vᵗ + F*_T vᵀ − F_0] / Σ_{t<T} O_t vᵗ, with B_t the year's spending,
    /// O_t its orders, F_0 the reserve at the start of the first full year, and the target
    /// closing reserve F*_T = k × the spending of year T − 1, the period's last year (§1.3 uses
    /// B_T, which may lie beyond the horizon; so this is B_T / ((1+c)(1+n)) in §6.3's terms).
    /// nil when the horizon has fewer than `T` full years or the period has no orders.
    package func generalAveragePremium(years T: Int, closingReserveYears k: Double) -> Double? {
        guard let period = period(T) else { return nil }
        let spending = period.map { years[$0].spending }
        return FinancingFormulas.generalAveragePremium(
            spending: spending, base: period.map { years[$0].orders }, discount: discountRate,
            openingReserve: reserveBefore(period[0]), closingReserve: k * spending[spending.count - 1]
        ).map { $0 / 100 }
    }

    /// The summarized income rate (yuan per order) over the first `T` full years: the present
    /// value of the contributions received ÷ that of the orders (§1.4; the opening reserve is on
    /// the premium's side, in ``generalAveragePremium(years:closingReserveYears:)``). nil as there.
    package func summarizedIncomeRate(years T: Int) -> Double? {
        guard let period = period(T) else { return nil }
        let orders = FinancingFormulas.presentValue(period.map { years[$0].orders }, discount: discountRate)
        guard orders > 0 else { return nil }
        return FinancingFormulas.presentValue(period.map { years[$0].contributions }, discount: discountRate) / orders / 100
    }

    /// The actuarial balance (yuan per order): the summarized income rate − the general average
    /// premium over the same years; negative is an actuarial deficit (§1.4).
    package func actuarialBalance(years T: Int, closingReserveYears k: Double) -> Double? {
        guard let income = summarizedIncomeRate(years: T), let premium = generalAveragePremium(years: T, closingReserveYears: k) else {
            return nil
        }
        return income - premium
    }

    /// True when the reserve held at least `k` months of the year's spending (``FinancingYear/reserveMonths``,
    /// a partial year's spending annualised) at the end of every year of the horizon from the
    /// first through `year`, inclusive; a year with no spending counts as met, and so does a
    /// `year` before the horizon.
    package func reserveTargetMet(months k: Double, through year: Int) -> Bool {
        FinancingFigures.holds(years.map { $0.reserveMonths ?? .nan }, firstYear: years.first?.year ?? 0, months: k, through: year)
    }
}
