import InjurySimCore
import InjurySimEngine

/// One calendar year of one replication and one pool (or the total), as the financing methods
/// read it: the year's orders and flows summed over its months inside the horizon, and stocks at
/// its last month there. Money in fen (as the replication records it, at full population scale);
/// the rates are yuan per order.
///
/// Spending is what fell due (``Metric/benefitsDue`` + ``Metric/adminCost``), not what cash paid:
/// the cost of the year whether or not the fund could pay it. It splits into short-term benefits
/// (medical care, suspension wages, disability and death lump sums, funeral grant), long-term
/// benefits in payment (disability allowance, care, grade 5–6 allowance, dependants' pensions)
/// and administration.
package struct FinancingYear: Sendable, Equatable {
    /// The calendar year.
    package var year: Int
    /// Its months inside the horizon (below 12 for a year the horizon covers only partly).
    package var months: Int
    /// Orders (the insurable base).
    package var orders: Double
    /// Contributions the fund received (fen, ``Metric/contributions``).
    package var contributions: Double
    /// Benefits that fell due plus administration cost (fen).
    package var spending: Double
    /// Short-term benefits that fell due (fen): medical, suspension wages, disability lump sum,
    /// death lump sum, funeral grant.
    package var shortTerm: Double
    /// Long-term benefits that fell due (fen): disability allowance, care, grade 5–6 allowance,
    /// dependants' pensions.
    package var longTerm: Double
    /// Administration cost (fen, ``Metric/adminCost``); spending − short-term − long-term.
    package var adminCost: Double
    /// Capital value at award of the long-term streams awarded in the year (fen,
    /// ``Metric/awardsCapitalValue``: discounted at the replication's discount rate).
    package var awardsCapitalValue: Double
    /// The fund's net position at the year's last month in the horizon (fen, ``Metric/netPosition``).
    package var reserve: Double
    /// The terminal-funding reserve at the year's end (fen): the constituent capitals of awards
    /// not yet paid out, built by ``FinancingPath``'s recursion.
    package var constituentCapital: Double

    package init(
        year: Int, months: Int, orders: Double, contributions: Double, spending: Double, shortTerm: Double, longTerm: Double,
        adminCost: Double, awardsCapitalValue: Double, reserve: Double, constituentCapital: Double
    ) {
        self.year = year
        self.months = months
        self.orders = orders
        self.contributions = contributions
        self.spending = spending
        self.shortTerm = shortTerm
        self.longTerm = longTerm
        self.adminCost = adminCost
        self.awardsCapitalValue = awardsCapitalValue
        self.reserve = reserve
        self.constituentCapital = constituentCapital
    }

    /// The pay-as-you-go cost rate (yuan per order): spending ÷ orders — the rate that would
    /// have balanced the year. NaN without orders.
    package var costRate: Double { orders > 0 ? spending / 100 / orders : .nan }

    /// The rate the fund received (yuan per order): contributions ÷ orders. NaN without orders.
    /// (Contributions arrive a month after the orders they are charged on, so this is the
    /// cash view of the year, not exactly the rate charged on its orders.)
    package var rateCharged: Double { orders > 0 ? contributions / 100 / orders : .nan }

    /// The terminal-funding rate (assessment of constituent capitals, yuan per order):
    /// (short-term benefits + administration + the capital value of the year's long-term
    /// awards) ÷ orders — financing.md §1.2's (S_t + CV_t)/O_t with administration counted as a
    /// short-term cost, so it is comparable with ``costRate``, which includes it. NaN without orders.
    package var terminalRate: Double { orders > 0 ? (shortTerm + adminCost + awardsCapitalValue) / 100 / orders : .nan }

    /// The reserve in months of the year's spending: 12 × reserve ÷ spending for a full year,
    /// `months` × reserve ÷ spending for a partial one (its spending annualised); nil when
    /// nothing was spent.
    package var reserveMonths: Double? {
        FinancingFormulas.reserveMonths(reserve: reserve, spending: spending, months: Double(months))
    }
}
