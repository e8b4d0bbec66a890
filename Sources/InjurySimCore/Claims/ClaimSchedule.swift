import Foundation

/// The payment schedule of one claim, split by payer.
package struct ClaimSchedule: Sendable, Equatable {
    /// Payments the fund makes.
    package var fundPayments: [Payment]
    /// Payments the platform makes instead of the fund (items the scenario moves to the platform).
    package var platformPayments: [Payment]

    package init(fundPayments: [Payment], platformPayments: [Payment]) {
        self.fundPayments = fundPayments
        self.platformPayments = platformPayments
    }

    /// Total paid by the fund, undiscounted.
    package var fundTotal: Fen { fundPayments.reduce(0) { $0 + $1.amount } }

    /// Present value of the fund's payments at month `month` with a monthly discount factor.
    package func fundPresentValue(at month: Int, monthlyDiscount: Double) -> Double {
        fundPayments.reduce(0.0) { $0 + Double($1.amount) * PortableMath.pow(monthlyDiscount, Double($1.month - month)) }
    }
}
