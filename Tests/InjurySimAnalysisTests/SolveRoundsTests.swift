import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis

/// `solve`'s rounds are the runner calls its search makes; read off the per-replication rounds
/// (the most any replication took part in), so that shards searched apart give the same count,
/// thresholds and answer as the search over all replications.
@Suite(.serialized) struct SolveRoundsTests {
    /// Counts the runner calls made while it is the current store; stores nothing.
    final class CallCounter: ReplicationStore, @unchecked Sendable {
        // Safe: `calls` is only touched while holding `lock`.
        private let lock = NSLock()
        private var calls = 0
        var count: Int { lock.lock(); defer { lock.unlock() }; return calls }
        func beginCall() -> Int { lock.lock(); defer { lock.unlock() }; calls += 1; return calls - 1 }
        func load(call: Int, job: Int) -> ReplicationResult? { nil }
        func save(call: Int, job: Int, _ result: ReplicationResult) {}
    }

    @Test func roundsAreTheRunnerCallsAndShardsAgree() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.months = 3
        scenario.replications = 5
        let counter = CallCounter()
        let solution = await ReplicationStores.$current.withValue(counter) {
            await PolicyCommands.solve(scenario, target: .poolRuin(0.5), sector: nil, threads: 2)
        }
        #expect(solution.evaluations == counter.count, "rounds reported = runner calls made")
        let all = await PolicyCommands.solveSearch(scenario, target: .poolRuin(0.5), sector: nil, replications: Array(0..<5), threads: 2)
        #expect(Set(all.growthRounds).count > 1 || Set(all.bisectionRounds).count > 1, "replications need different rounds (not vacuous)")
        // Two shards searched apart: the same thresholds, rounds and answer.
        let even = await PolicyCommands.solveSearch(scenario, target: .poolRuin(0.5), sector: nil, replications: [0, 2, 4], threads: 2)
        let odd = await PolicyCommands.solveSearch(scenario, target: .poolRuin(0.5), sector: nil, replications: [1, 3], threads: 2)
        func interleave<T>(_ a: [T], _ b: [T]) -> [T] { (0..<5).map { $0 % 2 == 0 ? a[$0 / 2] : b[$0 / 2] } }
        let merged = PolicyCommands.SolveShare(
            replications: Array(0..<5), thresholds: interleave(even.thresholds, odd.thresholds),
            atBenchmark: interleave(even.atBenchmark, odd.atBenchmark),
            growthRounds: interleave(even.growthRounds, odd.growthRounds),
            bisectionRounds: interleave(even.bisectionRounds, odd.bisectionRounds))
        #expect(merged.thresholds.map { $0.bitPattern } == all.thresholds.map { $0.bitPattern })
        #expect(merged.growthRounds == all.growthRounds && merged.bisectionRounds == all.bisectionRounds)
        let fromShards = PolicyCommands.solution(scenario, target: .poolRuin(0.5), sector: nil, share: merged)
        #expect(fromShards.evaluations == solution.evaluations)
        #expect(fromShards.multiplier == solution.multiplier)
    }
}
