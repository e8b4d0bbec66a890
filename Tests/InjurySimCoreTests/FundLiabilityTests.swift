import Testing

@testable import InjurySimCore

/// Outstanding liabilities at a month end = present value of every payment due in a later month
/// + arrears (benefits already due but deferred). This month's dues are paid or in arrears, never
/// both, and arrears are owed now, so they are not discounted.
@Suite struct FundLiabilityTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var shortfall: Scenario.Shortfall
        var discountPerYear: Double
        var initial: Fen
        var contributions: Fen
        /// (month, amount) payments booked before month 0 closes.
        var due: [(Int, Fen)]
        var expectedArrears: Fen
        var expectedLiabilities: Fen
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "deferred dues are liabilities", shortfall: .defer, discountPerYear: 0, initial: 0, contributions: 10,
            due: [(0, 50), (2, 30)], expectedArrears: 40, expectedLiabilities: 30 + 40),
        Case(
            name: "arrears only", shortfall: .defer, discountPerYear: 0, initial: 5, contributions: 0,
            due: [(0, 1_000)], expectedArrears: 995, expectedLiabilities: 995),
        Case(
            name: "arrears are not discounted", shortfall: .defer, discountPerYear: 0.12, initial: 0, contributions: 0,
            due: [(0, 7_000), (12, 1_120_000)], expectedArrears: 7_000, expectedLiabilities: 1_000_000 + 7_000),
        Case(
            name: "borrowing leaves no arrears", shortfall: .borrow, discountPerYear: 0.12, initial: 0, contributions: 0,
            due: [(0, 7_000), (12, 1_120_000)], expectedArrears: 0, expectedLiabilities: 1_000_000),
        Case(
            name: "paid dues are not liabilities", shortfall: .defer, discountPerYear: 0, initial: 100, contributions: 0,
            due: [(0, 60), (1, 25)], expectedArrears: 0, expectedLiabilities: 25)
    ]

    @Test(arguments: cases)
    func liabilitiesArePresentValueOfLaterDuesPlusArrears(c: Case) {
        var ledger = FundLedger(initialCash: c.initial, shortfall: c.shortfall, liabilityDiscountRatePerYear: c.discountPerYear)
        ledger.schedule(c.due.map { Payment(month: $0.0, amount: $0.1, item: .medical) })
        let report = ledger.close(month: 0, contributions: c.contributions, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(report.arrears == c.expectedArrears)
        #expect(report.liabilities == c.expectedLiabilities)
    }

    /// Arrears carried into a month are paid before anything else when cash comes in, and leave
    /// the liabilities when paid.
    @Test func arrearsLeaveTheLiabilitiesWhenPaid() {
        var ledger = FundLedger(initialCash: 0, shortfall: .defer, liabilityDiscountRatePerYear: 0)
        ledger.schedule([Payment(month: 0, amount: 500, item: .medical), Payment(month: 3, amount: 200, item: .medical)])
        let first = ledger.close(month: 0, contributions: 100, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(first.arrears == 400 && first.liabilities == 600)
        let second = ledger.close(month: 1, contributions: 150, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(second.benefitsDue == 400 && second.benefitsPaid == 150)
        #expect(second.arrears == 250 && second.liabilities == 450)
        let third = ledger.close(month: 2, contributions: 1_000, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(third.arrears == 0 && third.liabilities == 200)
        #expect(third.netPosition == 750)
    }
}
