import Testing

@testable import InjurySimCore

/// What a later phase takes over, rule by rule: a fund's books (payments already due are paid,
/// the rest move back by the earlier phase's length; money is rescaled between sample
/// fractions and added up when pools merge), and a worker's days (moved to the later calendar).
@Suite struct PhaseCarryRuleTests {
    static func ledger(cash: Fen, due: [Fen]) -> FundLedger {
        var l = FundLedger(initialCash: cash, shortfall: .borrow, liabilityDiscountRatePerYear: 0)
        l.schedule(due.enumerated().map { Payment(month: $0, amount: $1, item: .medical) })
        return l
    }

    struct FundCase: Sendable, CustomTestStringConvertible {
        var earlier: [(cash: Fen, due: [Fen], rescale: Double)]
        var months: Int
        var initial: Fen
        var cash: Fen
        var due: [Fen]
        var testDescription: String { "\(earlier.count) pool(s), \(months) months" }
    }

    static let fundCases: [FundCase] = [
        // Months 0 and 1 fell in the earlier phase: only months 2 and 3 are still owed.
        FundCase(earlier: [(500, [1, 2, 30, 40], 1)], months: 2, initial: 0, cash: 500, due: [30, 40]),
        // Nothing left after the earlier phase.
        FundCase(earlier: [(500, [1, 2], 1)], months: 2, initial: 7, cash: 507, due: []),
        // Two pools merge; the second was sampled at twice this pool's fraction (amounts halve).
        FundCase(earlier: [(100, [0, 10, 20], 1), (300, [0, 8, 40, 60], 0.5)], months: 1, initial: 0, cash: 250, due: [14, 40, 30])
    ]

    @Test(arguments: fundCases)
    func aFundTakesOverWhatIsStillOwed(_ c: FundCase) {
        let ledger = FundLedger(
            continuing: c.earlier.map { (Self.ledger(cash: $0.cash, due: $0.due), $0.rescale) }, months: c.months, initialCash: c.initial,
            shortfall: .borrow, liabilityDiscountRatePerYear: 0)
        #expect(ledger.cash == c.cash)
        #expect(ledger.due == c.due)
    }

    /// Days run on the chain's clock: a carried worker keeps its days as they are, and a fresh
    /// holder of a later phase's new slot joins with the draws of a day-0 start moved to the
    /// phase's first day.
    @Test(arguments: [(0, 0, 0), (30, 30, 31)] as [(Int32, Int32, Int32)])
    func aCarriedWorkersDaysStayOnTheChainsClock(hire: Int32, leave: Int32, injured: Int32) {
        let hireProfile = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 2, seed: 3, hire: hireProfile)
        var w = shard.workers[0]
        (w.hireDay, w.leaveDay, w.injuredUntil) = (hire - 100, leave + 400, injured + 60)
        var healthy = w
        healthy.injuredUntil = Int32.min
        shard.carryOver([w, healthy], platform: 0)
        #expect(shard.workers[0].hireDay == hire - 100)
        #expect(shard.workers[0].leaveDay == leave + 400)
        #expect(shard.workers[0].injuredUntil == injured + 60)
        #expect(shard.workers[1].injuredUntil == Int32.min, "never injured stays never injured")
        #expect(shard.workers[1].clock == w.clock && shard.workers[1].generation == w.generation)
    }

    @Test(arguments: [0, 181, 1_096])
    func aFreshPopulationOfALaterPhaseJoinsOnItsFirstDay(startDay: Int) {
        let hireProfile = ShardFixture.hire()
        let atZero = ShardFixture.shard(workers: 40, seed: 8, hire: hireProfile)
        let later = ShardState(
            province: atZero.province, key: atZero.key, segments: atZero.segments, startDay: startDay, hire: { _ in hireProfile })
        for (a, b) in zip(atZero.workers, later.workers) {
            #expect(Int(b.hireDay) == Int(a.hireDay) + startDay && Int(b.leaveDay) == Int(a.leaveDay) + startDay)
            #expect(b.clock == a.clock && b.shiftHours == a.shiftHours && b.workKey == a.workKey && b.injuredUntil == a.injuredUntil)
        }
    }

    /// Time off carries across months (and into a later phase): a worker off until day 45 works
    /// only from day 45 on, though every day is a working day.
    @Test func timeOffCarriesIntoTheNextMonths() {
        let hireProfile = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 1, seed: 5, hire: hireProfile)
        var w = shard.workers[0]
        w.injuredUntil = 45
        shard.carryOver([w], platform: 0)
        let month = ShardFixture.month(hire: hireProfile, fullTime: 1)
        let first = shard.step(month: 0, firstDay: 0, dayCount: 30, contexts: [month])
        let second = shard.step(month: 1, firstDay: 30, dayCount: 30, contexts: [month])
        #expect(first.segments[0].workedDays == 0)
        #expect(second.segments[0].workedDays == 15)
    }

    @Test func slotsBeyondTheCarriedOnesKeepTheirFreshHolders() {
        let hireProfile = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 3, seed: 3, hire: hireProfile)
        let fresh = shard.workers[2]
        var carried = shard.workers[0]
        carried.generation = 9
        shard.carryOver([carried, carried], platform: 0)
        #expect(shard.workers.map(\.generation) == [9, 9, fresh.generation])
    }
}
