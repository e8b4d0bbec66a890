import Foundation

/// A fund's books as a state machine: the fund actor holds it and calls ``close(month:contributions:adminCostShare:investmentReturnPerYear:)``
/// once per month. Pure and synchronous, so its rules are tested without actors.
package struct FundLedger: Sendable {
    package private(set) var cash: Fen
    package private(set) var debt: Fen = 0
    package private(set) var arrears: Fen = 0
    /// Scheduled payments of reported claims, by month index.
    package private(set) var due: [Fen] = []
    package let shortfall: Scenario.Shortfall
    /// Monthly discount factor for liabilities.
    package let monthlyDiscount: Double

    package init(initialCash: Fen, shortfall: Scenario.Shortfall, liabilityDiscountRatePerYear: Double) {
        precondition(initialCash >= 0, "initial cash must not be negative")
        self.cash = initialCash
        self.shortfall = shortfall
        self.monthlyDiscount = PortableMath.pow(1 + liabilityDiscountRatePerYear, -1.0 / 12)
    }

    /// A ledger that continues earlier phases' ledgers of the pools that make up this one: their
    /// cash, backstop debt, arrears and scheduled payments summed, each earlier ledger's amounts
    /// multiplied by its `rescale` (this pool's sample fraction ÷ its own), the schedules moved
    /// back by `months` (the earlier phase's length), and `initialCash` added.
    package init(
        continuing earlier: [(ledger: FundLedger, rescale: Double)], months: Int, initialCash: Fen, shortfall: Scenario.Shortfall,
        liabilityDiscountRatePerYear: Double
    ) {
        self.init(initialCash: initialCash, shortfall: shortfall, liabilityDiscountRatePerYear: liabilityDiscountRatePerYear)
        for (ledger, rescale) in earlier {
            func scaled(_ x: Fen) -> Fen { rescale == 1 ? x : Money.fen(Double(x) * rescale) }
            cash += scaled(ledger.cash)
            debt += scaled(ledger.debt)
            arrears += scaled(ledger.arrears)
            if ledger.due.count > months {
                let later = ledger.due[months...].map(scaled)
                if later.count > due.count { due.append(contentsOf: repeatElement(0, count: later.count - due.count)) }
                for (t, amount) in later.enumerated() { due[t] += amount }
            }
        }
    }

    /// Books a reported claim's payments (the schedule grown once, to the claim's last month).
    package mutating func schedule(_ payments: [Payment]) {
        guard let last = payments.lazy.map(\.month).max() else { return }
        if last >= due.count { due.append(contentsOf: repeatElement(0, count: last + 1 - due.count)) }
        for payment in payments { due[payment.month] += payment.amount }
    }

    /// Closes month `month`: books contributions, deducts administration, earns the investment
    /// return on positive cash, pays what is due (borrowing or deferring at a shortfall), repays
    /// the backstop from surplus cash, and measures liabilities.
    ///
    /// Money is conserved: cash after − cash before = contributions − admin + investment
    /// − benefitsPaid + borrowed − repaid, to the fen.
    package mutating func close(
        month: Int, contributions: Fen, adminCostShare: Double,
        investmentReturnPerYear: Double
    ) -> FundMonth {
        var report = FundMonth()
        report.contributions = contributions
        cash += contributions
        report.adminCost = Money.fen(Double(contributions) * adminCostShare)
        cash -= report.adminCost
        if cash > 0 && investmentReturnPerYear != 0 {
            let monthlyRate = PortableMath.pow(1 + investmentReturnPerYear, 1.0 / 12) - 1
            report.investment = Money.fen(Double(cash) * monthlyRate)
            cash += report.investment
        }
        let newlyDue = month < due.count ? due[month] : 0
        let payable = arrears + newlyDue
        report.benefitsDue = payable
        if cash >= payable {
            report.benefitsPaid = payable
            arrears = 0
        } else {
            switch shortfall {
            case .borrow:
                report.borrowed = payable - max(cash, 0)
                debt += report.borrowed
                cash += report.borrowed
                report.benefitsPaid = payable
                arrears = 0
            case .defer:
                report.benefitsPaid = max(cash, 0)
                arrears = payable - report.benefitsPaid
            }
        }
        cash -= report.benefitsPaid
        if debt > 0 && cash > 0 {
            report.repaid = min(debt, cash)
            debt -= report.repaid
            cash -= report.repaid
        }
        report.liabilities = Money.fen(FundLedger.presentValue(of: due, after: month, monthlyDiscount: monthlyDiscount)) + arrears
        report.cash = cash
        report.debt = debt
        report.arrears = arrears
        return report
    }

    /// The value at the end of `month` of the amounts due in later months (`due[t]` in month t),
    /// discounted by `monthlyDiscount` a month.
    package static func presentValue(of due: [Fen], after month: Int, monthlyDiscount: Double) -> Double {
        var value = 0.0
        var factor = 1.0
        if month + 1 < due.count {
            for t in (month + 1)..<due.count {
                factor *= monthlyDiscount
                value += Double(due[t]) * factor
            }
        }
        return value
    }
}
