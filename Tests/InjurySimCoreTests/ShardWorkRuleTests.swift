import Testing

@testable import InjurySimCore

/// A worker-day in the shard: a covered worker works with the daily probability of its kind
/// (full-time or occasional), and only a worked day adds expected orders (orders per hour × shift
/// hours) to the segment's monthly Poisson mean. Days not worked — by choice or while off after
/// an injury — earn nothing.
@Suite struct ShardWorkRuleTests {
    static let days = 30

    /// |orders − μ| within 6 Poisson standard deviations of μ = worked days × orders per worked day.
    static func ordersMatchWorkedDays(_ totals: SegmentTotals) -> Bool {
        let mu = Double(totals.workedDays) * ShardFixture.ordersPerWorkedDay
        if mu == 0 { return totals.orders == 0 }
        return abs(Double(totals.orders) - mu) <= 6 * mu.squareRoot()
    }

    @Test(arguments: [0.0, 0.3, 0.7, 1.0])
    func ordersAccrueOnlyOnWorkedDays(fullTime: Double) {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 400, seed: 31, hire: hire)
        let result = shard.step(month: 0, firstDay: 0, dayCount: Self.days, contexts: [ShardFixture.month(hire: hire, fullTime: fullTime)])
        let totals = result.segments[0]
        #expect(totals.coveredWorkerDays == Int64(400 * Self.days))
        if fullTime == 0 { #expect(totals.workedDays == 0 && totals.orders == 0) }
        #expect(Self.ordersMatchWorkedDays(totals), "orders \(totals.orders) for \(totals.workedDays) worked days")
    }

    /// With heavy turnover a slot has several holders in a month: each one's worked days, and
    /// only those, bring orders.
    @Test func ordersFollowWorkedDaysThroughTurnover() {
        let hire = ShardFixture.hire(churnPerMonth: 0.9)
        var shard = ShardFixture.shard(workers: 400, seed: 37, hire: hire)
        let result = shard.step(month: 0, firstDay: 0, dayCount: Self.days, contexts: [ShardFixture.month(hire: hire, fullTime: 1)])
        let totals = result.segments[0]
        #expect(totals.workedDays == Int64(400 * Self.days), "every day worked by someone")
        #expect(Self.ordersMatchWorkedDays(totals), "orders \(totals.orders) for \(totals.workedDays) worked days")
    }

    /// Days off after an injury are not worked and earn no orders.
    @Test func daysOffAfterInjuryEarnNoOrders() {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 400, seed: 32, hire: hire)
        let context = ShardFixture.month(hire: hire, fullTime: 1, dailyHazard: 0.2, recoveryDays: 5)
        let result = shard.step(month: 0, firstDay: 0, dayCount: Self.days, contexts: [context])
        let totals = result.segments[0]
        // Not vacuous: with everyone working every day, at least a tenth of the days are off.
        #expect(Double(totals.workedDays) < 0.9 * Double(totals.coveredWorkerDays))
        #expect(Self.ordersMatchWorkedDays(totals), "orders \(totals.orders) for \(totals.workedDays) worked days")
    }

    struct WorkCase: Sendable, CustomStringConvertible {
        var occasionalShare: Double
        var fullTime: Double
        var occasional: Double
        var description: String { "occasional share \(occasionalShare), p \(fullTime)/\(occasional)" }
    }

    /// Worked days = Σ over workers of days × the daily probability of the worker's kind, within
    /// 6 binomial standard deviations.
    @Test(arguments: [
        WorkCase(occasionalShare: 0, fullTime: 0.6, occasional: 0.05),
        WorkCase(occasionalShare: 1, fullTime: 0.6, occasional: 0.05),
        WorkCase(occasionalShare: 0.5, fullTime: 6.0 / 7, occasional: 20.0 / 365)
    ])
    func workedDaysFollowTheDailyProbabilityOfTheWorkersKind(c: WorkCase) {
        let hire = ShardFixture.hire(occasionalShare: c.occasionalShare)
        var shard = ShardFixture.shard(workers: 1_000, seed: 33, hire: hire)
        let occasionalWorkers = shard.workers.filter(\.isOccasional).count
        let result = shard.step(
            month: 0, firstDay: 0, dayCount: Self.days,
            contexts: [ShardFixture.month(hire: hire, fullTime: c.fullTime, occasional: c.occasional)])
        let fullTimeWorkers = shard.workers.count - occasionalWorkers
        let mean = Double(Self.days) * (Double(fullTimeWorkers) * c.fullTime + Double(occasionalWorkers) * c.occasional)
        let variance =
            Double(Self.days)
            * (Double(fullTimeWorkers) * c.fullTime * (1 - c.fullTime)
                + Double(occasionalWorkers) * c.occasional * (1 - c.occasional))
        let worked = Double(result.segments[0].workedDays)
        #expect(abs(worked - mean) <= 6 * variance.squareRoot(), "worked \(worked), expected \(mean)")
    }

    /// A slot works only while its take-up position is below the month's coverage share.
    @Test func onlyCoveredSlotsWork() {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 1_000, seed: 34, hire: hire)
        let covered = shard.workers.filter { Double($0.takeUp) < 0.25 * 65536 }.count
        let result = shard.step(
            month: 0, firstDay: 0, dayCount: Self.days,
            contexts: [ShardFixture.month(hire: hire, fullTime: 1, coverage: 0.25)])
        #expect(covered > 150 && covered < 350)
        #expect(result.segments[0].coveredWorkerDays == Int64(covered * Self.days))
        #expect(result.segments[0].workedDays == Int64(covered * Self.days))
    }
}
