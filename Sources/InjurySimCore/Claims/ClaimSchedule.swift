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

    /// Present value of the fund's payments at month `month` with a monthly discount factor:
    /// Σ amount × PortableMath.pow(discount, payment month − `month`), in payment order, with
    /// the power's log of the discount computed once.
    package func fundPresentValue(at month: Int, monthlyDiscount: Double) -> Double {
        let logDiscount = PortableMath.log(monthlyDiscount)
        var value = 0.0
        for payment in fundPayments {
            let exponent = Double(payment.month - month)
            let factor = exponent == 0 || monthlyDiscount == 1 ? 1 : PortableMath.exp(exponent * logDiscount)
            value += Double(payment.amount) * factor
        }
        return value
    }
}
