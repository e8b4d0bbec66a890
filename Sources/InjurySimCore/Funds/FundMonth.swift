import Foundation

/// What a fund did in one month and where it stands at the month end. All money in fen.
package struct FundMonth: Sendable, Equatable {
    package var contributions: Fen = 0
    package var adminCost: Fen = 0
    package var investment: Fen = 0
    /// Benefits that fell due this month (new dues plus arrears carried in).
    package var benefitsDue: Fen = 0
    package var benefitsPaid: Fen = 0
    /// Drawn from the backstop this month.
    package var borrowed: Fen = 0
    /// Repaid to the backstop this month.
    package var repaid: Fen = 0
    package var cash: Fen = 0
    /// Backstop debt outstanding.
    package var debt: Fen = 0
    /// Benefits due but deferred (unpaid) at the month end.
    package var arrears: Fen = 0
    /// Present value of scheduled payments of reported claims still to come, plus arrears.
    package var liabilities: Fen = 0

    package init() {}

    /// Cash less debt less arrears: negative means the fund could not pay from its own money.
    package var netPosition: Fen { cash - debt - arrears }
}
