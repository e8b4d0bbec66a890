import Foundation

/// What a fund did in one month and where it stands at the month end. All money in fen.
public struct FundMonth: Sendable, Equatable {
    public var contributions: Fen = 0
    public var adminCost: Fen = 0
    public var investment: Fen = 0
    /// Benefits that fell due this month (new dues plus arrears carried in).
    public var benefitsDue: Fen = 0
    public var benefitsPaid: Fen = 0
    /// Drawn from the backstop this month.
    public var borrowed: Fen = 0
    /// Repaid to the backstop this month.
    public var repaid: Fen = 0
    public var cash: Fen = 0
    /// Backstop debt outstanding.
    public var debt: Fen = 0
    /// Benefits due but deferred (unpaid) at the month end.
    public var arrears: Fen = 0
    /// Present value of scheduled payments of reported claims still to come, plus arrears.
    public var liabilities: Fen = 0

    public init() {}

    /// Cash less debt less arrears: negative means the fund could not pay from its own money.
    public var netPosition: Fen { cash - debt - arrears }
}
