import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// A scenario whose months each pass the up-front bound but whose money accumulates beyond the
/// exact range ends with an error naming the replication, month, place and figure — never a
/// trap — and the same error on any number of threads.
@Suite struct MoneyOverflowTests {
    /// A tiny world with the largest balance validation allows (10¹³ yuan) earning 100% a year:
    /// its cash passes half the Int64 range of fen after about 12 years.
    static func compounding(months: Int) -> Scenario {
        var s = TinyScenario.make(workers: 20, months: months, claimsPerMillion: 100)
        s.provinces[0].initialBalanceYuan = 1e13
        s.basis.investmentReturnPerYear = .fixed(1)
        s.replications = 3
        return s
    }

    static func error(_ scenario: Scenario, threads: Int) async -> EngineError? {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        switch await MonteCarloRunner.checkedRun(jobs: (0..<scenario.replications).map { (coordinator, $0) }, threads: threads) {
        case .success: return nil
        case .failure(let error): return error
        }
    }

    @Test func cumulativeMoneyBeyondTheRangeIsAnErrorNamingWhereAndWhat() async throws {
        let s = Self.compounding(months: 180)
        // Validation's rule passes it: one month's money is far inside the range.
        #expect(MoneyRange.monthBoundFen(s) < MoneyRange.limitFen / 1e3)
        let one = try #require(await Self.error(s, threads: 1))
        let two = await Self.error(s, threads: 2)
        #expect(one == two, "the same error on 1 and 2 threads")
        guard case .moneyOverflow(let overflow) = one else { return }
        #expect(overflow.replication == 0, "the lowest replication that overflows")
        #expect(overflow.place == "pool region" && overflow.figure == "cash")
        // 10¹⁵ fen doubling yearly passes 4.6 × 10¹⁸ in its thirteenth year.
        #expect(overflow.month > s.startMonth.adding(months: 144) && overflow.month < s.startMonth.adding(months: 160), "\(overflow.month)")
        let message = one.description
        #expect(message.contains("replication 0, \(overflow.month), pool region: cash"))
        #expect(message.contains("shorten the horizon") && message.contains("lower the growth rates"))
    }

    /// Cash that stays inside the range but whose monthly values summed over the horizon pass
    /// what the summaries add in Int64 (``ReplicationResult/seriesLimit``) is caught when the
    /// replication ends, at the month the sum passes it.
    @Test func aSeriesSummedBeyondTheLimitIsAnError() async throws {
        let s = Self.compounding(months: 100)
        let error = try #require(await Self.error(s, threads: 2))
        guard case .moneyOverflow(let overflow) = error else { return }
        // The net position (cash here, with no debt or arrears) is the first column that passes it.
        #expect(overflow.figure == "net_position summed over the months" && overflow.place == "pool region", "\(overflow)")
        #expect(overflow.month < s.startMonth.adding(months: 100))
        #expect(await Self.error(s, threads: 1) == error)
    }

    /// Under a command's ``RunStop`` the runner records the error and returns empty results of
    /// the right shape; later runs of the command return at once.
    @Test func aRunStopKeepsTheErrorAndStopsLaterRuns() async {
        let s = Self.compounding(months: 180)
        let stop = RunStop()
        let results = await RunStop.$current.withValue(stop) {
            await MonteCarloRunner.run(scenario: s, replications: 0..<2, threads: 2)
        }
        #expect(results.count == 2 && results.allSatisfy { $0.months == 180 && $0.monthly.allSatisfy { $0 == 0 } })
        guard case .moneyOverflow(let overflow)? = stop.error else {
            Issue.record("no error recorded")
            return
        }
        #expect(overflow.figure == "cash")
        var fine = TinyScenario.make()
        fine.replications = 1
        let later = await RunStop.$current.withValue(stop) { await MonteCarloRunner.run(scenario: fine, replications: 0..<1, threads: 1) }
        #expect(later[0].total(.orders, pool: later[0].poolCount) == 0, "nothing runs once the command stopped")
    }

    /// The same scenario a decade shorter runs to its end: the check stops only what overflows.
    @Test func theSameWorldInsideTheRangeRuns() async {
        #expect(await Self.error(Self.compounding(months: 60), threads: 2) == nil)
    }

    /// The recorder's running totals are checked too: benefits paid so far that would pass the
    /// limit, a solvency position out of range, or an amount carried into the next phase at a
    /// larger sample scale are overflows naming the figure, the calendar month and the pool.
    @Test func theRecordersTotalsAndWhatIsCarriedAreChecked() throws {
        var s = TinyScenario.twoRegions()
        s.months = 3
        var r = MonthRecorder(scenario: s, replication: 7, adminCostShare: 0)
        var books = FundMonth()
        books.benefitsPaid = CheckedFen.limit / 2 + 1
        books.cash = 1
        r.recordFund(books, ibnr: 0, month: 0, pool: 1)
        #expect(r.overflow == nil)
        // Handed to a next phase sampled at ten times the fraction, the sum is out of range.
        let carried = r.carried(pools: 1, poolOf: [0, 0], rescale: [1, 10], platforms: 1, platformOf: [0])
        #expect(carried.overflow == FenOverflow(figure: "benefits carried into the next phase") && carried.overflowPool == 0)
        let next = MonthRecorder(scenario: TinyScenario.make(), replication: 7, adminCostShare: 0, carried: carried)
        #expect(next.overflow?.place == "pool region" && next.overflow?.month == TinyScenario.start)
        r.recordFund(books, ibnr: 0, month: 1, pool: 1)
        let overflow = try #require(r.overflow)
        #expect(overflow == MoneyOverflow(replication: 7, month: s.startMonth.adding(months: 1), place: "pool other", figure: "benefits paid so far"))
        #expect(throws: overflow) { try r.checkedFinished(sampleFractions: [1, 1]) }

        var solvency = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        var deep = FundMonth()
        deep.debt = CheckedFen.limit
        deep.liabilities = CheckedFen.limit
        solvency.recordFund(deep, ibnr: 0, month: 2, pool: 0)
        #expect(solvency.overflow?.figure == "solvency position" && solvency.overflow?.place == "pool region")
    }
}
