import Foundation
import Testing

@testable import InjurySimCore

/// Within `newWorkerDays` of joining, a worker's hazard is multiplied by `newWorkerMultiplier`.
///
/// With no time off (mean recovery 0) and memoryless exposure clocks, each worked day is an
/// independent Bernoulli trial with accident probability 1 − exp(−hazard), so the expected
/// count and its variance are exact sums; the tolerance is 6 standard deviations.
@Suite struct NewWorkerRiskTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var newWorkerDays: Int
        var multiplier: Double
        var description: String { name }
    }

    /// Without churn the initial population joined 3,650 days before the start (the cap on age).
    static let tenureAtStart = 3_650

    static let cases = [
        Case(name: "nobody is new", newWorkerDays: 0, multiplier: 3),
        Case(name: "everybody is new", newWorkerDays: tenureAtStart + 10_000, multiplier: 3),
        Case(name: "new for the first 15 days", newWorkerDays: tenureAtStart + 15, multiplier: 3),
        Case(name: "neutral multiplier", newWorkerDays: tenureAtStart + 10_000, multiplier: 1)
    ]

    @Test(arguments: cases)
    func newWorkersCarryTheMultiplierDuringTheirFirstDays(c: Case) {
        let workers = 400, days = 30, hazard = 0.05
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: workers, seed: 51, hire: hire)
        #expect(shard.workers.allSatisfy { Int($0.hireDay) == -Self.tenureAtStart })
        let context = ShardFixture.month(
            hire: hire, fullTime: 1, dailyHazard: hazard, severity: .medicalOnly, recoveryDays: 0,
            newWorkerDays: c.newWorkerDays, newWorkerMultiplier: c.multiplier)
        let result = shard.step(month: 0, firstDay: 0, dayCount: days, contexts: [context])
        #expect(result.segments[0].workedDays == Int64(workers * days))
        var mean = 0.0, variance = 0.0
        for day in 0..<days {
            let factor = day + Self.tenureAtStart < c.newWorkerDays ? c.multiplier : 1
            let p = 1 - exp(-hazard * factor)
            mean += Double(workers) * p
            variance += Double(workers) * p * (1 - p)
        }
        let count = Double(result.accidents.count)
        #expect(abs(count - mean) <= 6 * variance.squareRoot(), "\(count) accidents, expected \(mean)")
    }
}
