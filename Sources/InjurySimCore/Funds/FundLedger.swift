import Foundation

/// A fund's books as a state machine: the fund actor holds it and calls ``close(month:contributions:adminCostShare:investmentReturnPerYear:)``
/// once per month. Pure and synchronous, so its rules are tested without actors.
///
/// Its figures accumulate over months and claims, so their arithmetic is checked
/// (``CheckedFen``): the first figure that would leave the exact range is kept in ``overflow``
/// and the books stop there (later calls change nothing and report an empty month); the engine
/// reads it after each month and ends the replication with an error.
package struct FundLedger: Sendable {
    package private(set) var cash: Fen
    package private(set) var debt: Fen = 0
    package private(set) var arrears: Fen = 0
    /// Scheduled payments of reported claims, by month index.
    package private(set) var due: [Fen] = []
    package let shortfall: Scenario.Shortfall
    /// Monthly discount factor for liabilities.
    package let monthlyDiscount: Double
    /// The figure that left the exact range, if any; the books stopped when it did.
    package private(set) var overflow: FenOverflow?

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
        do throws(FenOverflow) {
            for (ledger, rescale) in earlier {
                if let earlierOverflow = ledger.overflow { throw earlierOverflow }
                func scaled(_ x: Fen, _ figure: String) throws(FenOverflow) -> Fen {
                    rescale == 1 ? x : try CheckedFen.fen(Double(x) * rescale, figure)
                }
                cash = try CheckedFen.add(cash, try scaled(ledger.cash, "cash"), "cash")
                debt = try CheckedFen.add(debt, try scaled(ledger.debt, "backstop debt"), "backstop debt")
                arrears = try CheckedFen.add(arrears, try scaled(ledger.arrears, "arrears"), "arrears")
                if ledger.due.count > months {
                    let later = ledger.due[months...]
                    if later.count > due.count { due.append(contentsOf: repeatElement(0, count: later.count - due.count)) }
                    for (t, amount) in later.enumerated() {
                        due[t] = try CheckedFen.add(due[t], try scaled(amount, "scheduled benefits"), "scheduled benefits")
                    }
                }
            }
        } catch { overflow = error }
    }

    /// Books a reported claim's payments (the schedule grown once, to the claim's last month).
    package mutating func schedule(_ payments: [Payment]) {
        guard overflow == nil, let last = payments.lazy.map(\.month).max() else { return }
        if last >= due.count { due.append(contentsOf: repeatElement(0, count: last + 1 - due.count)) }
        do throws(FenOverflow) {
            for payment in payments { due[payment.month] = try CheckedFen.add(due[payment.month], payment.amount, "scheduled benefits") }
        } catch { overflow = error }
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
        guard overflow == nil else { return FundMonth() }
        do throws(FenOverflow) {
            return try checkedClose(
                month: month, contributions: contributions, adminCostShare: adminCostShare, investmentReturnPerYear: investmentReturnPerYear)
        } catch {
            overflow = error
            return FundMonth()
        }
    }

    /// ``close(month:contributions:adminCostShare:investmentReturnPerYear:)`` with every sum
    /// and conversion checked; throws at the first figure out of range.
    private mutating func checkedClose(
        month: Int, contributions: Fen, adminCostShare: Double,
        investmentReturnPerYear: Double
    ) throws(FenOverflow) -> FundMonth {
        var report = FundMonth()
        report.contributions = contributions
        cash = try CheckedFen.add(cash, contributions, "cash")
        report.adminCost = try CheckedFen.fen(Double(contributions) * adminCostShare, "administration cost")
        cash = try CheckedFen.subtract(cash, report.adminCost, "cash")
        if cash > 0 && investmentReturnPerYear != 0 {
            let monthlyRate = PortableMath.pow(1 + investmentReturnPerYear, 1.0 / 12) - 1
            report.investment = try CheckedFen.fen(Double(cash) * monthlyRate, "investment income")
            cash = try CheckedFen.add(cash, report.investment, "cash")
        }
        let newlyDue = month < due.count ? due[month] : 0
        let payable = try CheckedFen.add(arrears, newlyDue, "benefits due")
        report.benefitsDue = payable
        if cash >= payable {
            report.benefitsPaid = payable
            arrears = 0
        } else {
            switch shortfall {
            case .borrow:
                report.borrowed = payable - max(cash, 0)
                debt = try CheckedFen.add(debt, report.borrowed, "backstop debt")
                cash = try CheckedFen.add(cash, report.borrowed, "cash")
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
        let scheduled = try CheckedFen.fen(
            FundLedger.presentValue(of: due, after: month, monthlyDiscount: monthlyDiscount), "outstanding liabilities")
        report.liabilities = try CheckedFen.add(scheduled, arrears, "outstanding liabilities")
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
