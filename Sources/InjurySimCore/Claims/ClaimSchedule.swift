import Foundation

/// The payment schedule of one claim, split by payer.
public struct ClaimSchedule: Sendable, Equatable {
    /// Payments the fund makes.
    public var fundPayments: [Payment]
    /// Payments the platform makes instead of the fund (items the scenario moves to the platform).
    public var platformPayments: [Payment]

    public init(fundPayments: [Payment], platformPayments: [Payment]) {
        self.fundPayments = fundPayments
        self.platformPayments = platformPayments
    }

    /// Total paid by the fund, undiscounted.
    public var fundTotal: Fen { fundPayments.reduce(0) { $0 + $1.amount } }

    /// Present value of the fund's payments at month `month` with a monthly discount factor.
    public func fundPresentValue(at month: Int, monthlyDiscount: Double) -> Double {
        fundPayments.reduce(0.0) { $0 + Double($1.amount) * PortableMath.pow(monthlyDiscount, Double($1.month - month)) }
    }
}
