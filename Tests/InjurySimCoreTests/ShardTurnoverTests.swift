import Testing

@testable import InjurySimCore

/// Slots age whether or not they are covered: coverage that starts later meets the same people
/// (same holders, hire and leave days) as coverage from the start, not a population frozen at
/// the start and refilled all at once.
@Suite struct ShardTurnoverTests {
    static let hire = HireProfile(
        occasionalShare: 0.4, shiftHours: 8, shiftHoursSpread: 1.5, longShiftHours: 10,
        extraRiskPerLongHour: 0.1, churnPerMonth: 0.08)

    static func context(coverage: Double) -> SegmentMonth {
        // No accidents (hazard 0): then only turnover changes the population.
        SegmentMonth(
            coverage: coverage, ordersPerHour: 3, hazardPerOrder: 0, fullTimeDailyProbability: 6.0 / 7,
            occasionalDailyProbability: 20.0 / 365, severityCumulative: [1], recoveryDays: [1, 1, 1, 1, 1],
            hire: hire, newWorkerDays: 30, newWorkerMultiplier: 2)
    }

    static func shard() -> ShardState {
        let segment = Segment(platform: 0, sector: 0, range: 0..<600, key: StreamKey(seed: 11).child(named: "slots/x/p"), firstSlot: 0)
        return ShardState(province: 0, key: StreamKey(seed: 11).child(named: "shard/x/0"), segments: [segment], hire: { _ in hire })
    }

    /// (generation, hire day, leave day) of every slot after `months` months of 30 days.
    static func population(coverage: (Int) -> Double, months: Int) -> [[Int64]] {
        var state = shard()
        for month in 0..<months {
            _ = state.step(month: month, firstDay: month * 30, dayCount: 30, contexts: [context(coverage: coverage(month))])
        }
        return state.workers.map { [Int64($0.generation), Int64($0.hireDay), Int64($0.leaveDay)] }
    }

    @Test(arguments: [1, 4, 9])
    func uncoveredSlotsTurnOverAsCoveredOnesDo(coverageStarts: Int) {
        let always = Self.population(coverage: { _ in 1 }, months: coverageStarts + 1)
        let later = Self.population(coverage: { $0 >= coverageStarts ? 1 : 0 }, months: coverageStarts + 1)
        #expect(always == later)
        // Turnover happened (the comparison is not of frozen populations).
        #expect(always.filter { $0[0] > 0 }.count > 30)
    }

    @Test func aPartlyCoveredShardAgesEverySlot() {
        let half = Self.population(coverage: { _ in 0.5 }, months: 6)
        let none = Self.population(coverage: { _ in 0 }, months: 6)
        let full = Self.population(coverage: { _ in 1 }, months: 6)
        #expect(half == full && none == full)
    }
}
