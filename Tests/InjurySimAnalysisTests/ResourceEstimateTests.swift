import InjurySimAnalysis
import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// A process is sized for what it holds: a shard for its own replications (memory kept and
/// worker-days), and at most min(threads, replications held) in flight.
@Suite struct ResourceEstimateTests {
    static func study(replications: Int) -> Scenario {
        var scenario = TinyScenario.make(workers: 2000, months: 24)
        scenario.replications = replications
        return scenario
    }

    @Test func aShardIsSizedForTheReplicationsItHolds() throws {
        let scenario = Self.study(replications: 2000)
        let whole = ResourceEstimate(scenario: scenario, shard: nil, threads: 16)
        let shard = ResourceEstimate(scenario: scenario, shard: try ShardSelection(index: 1, count: 1000), threads: 16)
        #expect(whole == ResourceEstimate(scenario: scenario, replications: 2000, threads: 16))
        #expect(shard == ResourceEstimate(scenario: scenario, replications: 2, threads: 16))
        #expect(whole.inFlight == 16 && shard.inFlight == 2)
        #expect(shard.workerDays == whole.workerDays / 1000)
        #expect(shard.bytes < whole.bytes)
        // An uneven share: shard 1 of 3 holds replications 0, 3, 6 and 9 of 10.
        let uneven = ResourceEstimate(scenario: Self.study(replications: 10), shard: try ShardSelection(index: 1, count: 3), threads: 16)
        #expect(uneven == ResourceEstimate(scenario: Self.study(replications: 10), replications: 4, threads: 16))
    }

    @Test func theKeptResultsGrowWithTheReplicationsHeldAndTheSlotsWithThoseInFlight() {
        let scenario = Self.study(replications: 1)
        let one = ResourceEstimate(scenario: scenario, replications: 1, threads: 1)
        let manyKept = ResourceEstimate(scenario: scenario, replications: 101, threads: 1)
        let manyInFlight = ResourceEstimate(scenario: scenario, replications: 101, threads: 8)
        #expect(one.inFlight == 1 && manyKept.inFlight == 1 && manyInFlight.inFlight == 8)
        let perResult = (manyKept.bytes - one.bytes) / 100
        #expect(perResult > 0)
        #expect(manyInFlight.bytes - manyKept.bytes == 7 * Double(one.slots) * ResourceEstimate.bytesPerSlot)
        #expect(ResourceEstimate(scenario: scenario, replications: 3, threads: 16).inFlight == 3)
    }
}
