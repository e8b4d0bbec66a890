import InjurySimCore
import InjurySimEngine

/// One replication's figures under the financing methods, for one pool or the total: what the
/// policy commands compare and `solve` searches over, and what the run summary counts. Built
/// from the replication's ``FinancingPath`` (yearly figures, in calendar years of the horizon).
package struct FinancingFigures: Sendable, Equatable {
    /// The calendar year of the horizon's first month; `reserveMonthsByYear[k]` is year `firstYear + k`.
    package var firstYear: Int
    /// Reserve at each year end in months of that year's spending (NaN: nothing was spent).
    package var reserveMonthsByYear: [Double]
    /// The pay-as-you-go cost rate and the rate charged in the horizon's last year, yuan per order.
    package var costRateLastYear: Double
    package var rateChargedLastYear: Double
    /// The terminal-funding rate in the last year (short-term benefits, administration and the
    /// capital value of the year's long-term awards, per order).
    package var terminalRateLastYear: Double
    /// The capital of the long-term awards in payment that terminal funding would hold at the
    /// horizon, less the reserve held, when positive (yuan; 0 when the reserve covers it).
    package var capitalShortfallAtEnd: Double
    /// The general average premium over the horizon's full calendar years (yuan per order; NaN
    /// without a full year), with the scenario's closing reserve, and the rate charged less it.
    package var generalAveragePremium: Double
    package var actuarialBalance: Double
    /// The scenario's reserve target, months of spending.
    package var reserveTargetMonths: Double

    package init(_ path: FinancingPath, financing: Scenario.Financing) {
        firstYear = path.years.first?.year ?? 0
        reserveMonthsByYear = path.years.map { $0.reserveMonths ?? .nan }
        let last = path.years.last
        costRateLastYear = last?.costRate ?? .nan
        rateChargedLastYear = last?.rateCharged ?? .nan
        terminalRateLastYear = last?.terminalRate ?? .nan
        capitalShortfallAtEnd = path.terminalShortfallAtEnd / 100
        let full = path.years.filter { $0.months == 12 }.count
        generalAveragePremium = full > 0 ? path.generalAveragePremium(years: full, closingReserveYears: financing.closingReserveYears) ?? .nan : .nan
        actuarialBalance = full > 0 ? path.actuarialBalance(years: full, closingReserveYears: financing.closingReserveYears) ?? .nan : .nan
        reserveTargetMonths = financing.reserveTargetMonths
    }

    package init(
        firstYear: Int, reserveMonthsByYear: [Double], costRateLastYear: Double, rateChargedLastYear: Double, terminalRateLastYear: Double,
        capitalShortfallAtEnd: Double, generalAveragePremium: Double, actuarialBalance: Double, reserveTargetMonths: Double
    ) {
        self.firstYear = firstYear
        self.reserveMonthsByYear = reserveMonthsByYear
        self.costRateLastYear = costRateLastYear
        self.rateChargedLastYear = rateChargedLastYear
        self.terminalRateLastYear = terminalRateLastYear
        self.capitalShortfallAtEnd = capitalShortfallAtEnd
        self.generalAveragePremium = generalAveragePremium
        self.actuarialBalance = actuarialBalance
        self.reserveTargetMonths = reserveTargetMonths
    }

    /// Whether the reserve holds at least `months` months of spending at every year end from the
    /// horizon's first year through `year` (nil: through the last); a year without spending
    /// counts as met. A `year` before the horizon asks of no year: met.
    package func reserveHolds(months: Double, through year: Int? = nil) -> Bool {
        Self.holds(reserveMonthsByYear, firstYear: firstYear, months: months, through: year)
    }

    /// The one rule of a reserve target: `reserveMonths[k]` (year `firstYear + k`; NaN: nothing
    /// spent, met) at least `months` at every year end through `year` (nil: all).
    package static func holds(_ reserveMonths: [Double], firstYear: Int, months: Double, through year: Int?) -> Bool {
        let count = year.map { min(reserveMonths.count, max(0, $0 - firstYear + 1)) } ?? reserveMonths.count
        return reserveMonths.prefix(count).allSatisfy { $0.isNaN || $0 >= months }
    }

    /// The scenario's reserve target is missed at some year end.
    package var reserveTargetMissed: Bool { !reserveHolds(months: reserveTargetMonths) }

    /// The reserve at the horizon's last year end, months of spending (NaN: none).
    package var reserveMonthsAtEnd: Double { reserveMonthsByYear.last ?? .nan }

    /// The horizon ends with a reserve below the capital of the awards in payment.
    package var capitalShort: Bool { capitalShortfallAtEnd > 0 }
}
