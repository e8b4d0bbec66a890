import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// Money is conserved through a backstop loan and its repayment, on the full population (to the
/// fen) and on a sample (each figure is scaled and rounded on its own, so to within a few fen):
/// the change in cash each month is contributions − administration + investment − benefits
/// paid + borrowing − repayment, and the debt is what was borrowed less what was repaid.
@Suite struct BackstopConservationTests {
    /// Claims paid in the month they happen, contributions received the month after: the fund
    /// borrows in its first month and in a two-month claims storm, and repays from a rate well
    /// above cost in between and after.
    static func borrowThenRepay(sampleFraction: Double) -> Scenario {
        var s = TinyScenario.make(workers: 2_000, months: 12, claimsPerMillion: 40, ratePerOrderYuan: 0.5)
        s.sampleFraction = sampleFraction
        s.replications = 3
        s.fund.shortfall = .borrow
        s.basis.investmentReturnPerYear = .fixed(0.03)
        var storm = TinyScenario.shock("storm", start: TinyScenario.start.adding(months: 4), months: 1)
        storm.claimFrequency = .fixed(3)
        s.shocks = [storm]
        return s
    }

    @Test(arguments: [(1.0, Int64(0)), (0.5, Int64(4))])
    func cashMovesByTheMonthsFlowsThroughBorrowingAndRepayment(sampleFraction: Double, slackFen: Int64) async {
        let s = Self.borrowThenRepay(sampleFraction: sampleFraction)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: 2)
        for result in results {
            var cash: Int64 = 0
            var debt: Int64 = 0
            var borrowedThenRepaid = (borrowed: false, repaidAfter: false)
            for month in 0..<s.months {
                func v(_ metric: Metric) -> Int64 { result.value(month: month, pool: 0, metric: metric) }
                let flow = v(.contributions) - v(.adminCost) + v(.investment) - v(.benefitsPaid) + v(.borrowed) - v(.repaid)
                #expect(abs(v(.cash) - cash - flow) <= slackFen, "replication \(result.replication) month \(month)")
                #expect(abs(v(.debt) - (debt + v(.borrowed) - v(.repaid))) <= slackFen, "debt, month \(month)")
                #expect(v(.borrowed) == 0 || v(.repaid) == 0, "a month either borrows or repays")
                if v(.borrowed) > 0 { borrowedThenRepaid.borrowed = true }
                if borrowedThenRepaid.borrowed && v(.repaid) > 0 { borrowedThenRepaid.repaidAfter = true }
                cash = v(.cash)
                debt = v(.debt)
            }
            #expect(borrowedThenRepaid.borrowed && borrowedThenRepaid.repaidAfter, "replication \(result.replication) must borrow, then repay")
            // The storm's loan is repaid by the horizon: every loan was paid back out of contributions.
            #expect(result.value(month: s.months - 1, pool: 0, metric: .debt) == 0)
        }
    }
}
