import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// Shocks: a fixed shock is active in exactly its `months` months from its start (clipped to the
/// horizon); it applies where its region / sector / platform lists match; several active shocks
/// multiply. The investment-return multiplier applies per pool: a shock without a region list
/// touches every pool, one with a list touches the provincial pools of those regions and, under
/// national pooling, no pool.
@Suite struct ShockScopeTests {
    @Test(arguments: [(0, 3, [0, 1, 2]), (10, 5, [10, 11]), (-2, 4, [0, 1]), (12, 2, [Int]()), (4, 1, [4])])
    func aFixedShockIsActiveForItsMonthsFromItsStart(startIndex: Int, months: Int, active: [Int]) {
        var s = TinyScenario.make(months: 12)
        s.shocks = [TinyScenario.shock("s", start: TinyScenario.start.adding(months: startIndex), months: months)]
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        #expect(inputs.shocks[0].active.count == 12)
        #expect(inputs.shocks[0].active.indices.filter { inputs.shocks[0].active[$0] } == active)
    }

    @Test func activeShocksMultiplyWhereTheyMatch() {
        var s = TinyScenario.twoRegions()
        var a = TinyScenario.shock("a", start: TinyScenario.start, months: 12)
        a.claimFrequency = .fixed(2)
        a.orders = .fixed(0.5)
        var b = TinyScenario.shock("b", start: TinyScenario.start, months: 12, provinces: [1])
        b.claimFrequency = .fixed(1.5)
        b.orders = .fixed(3)
        s.shocks = [a, b]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        #expect(ShockMultipliers(scenario: s, inputs: inputs).product(month: 0, province: 0, platform: 0, \.claimFrequency) == 2)
        #expect(ShockMultipliers(scenario: s, inputs: inputs).product(month: 0, province: 1, platform: 0, \.claimFrequency) == 3)
        #expect(ShockMultipliers(scenario: s, inputs: inputs).product(month: 0, province: 1, platform: 0, \.orders) == 1.5)
        let contexts = coordinator.monthContexts(inputs: inputs, month: 0)
        #expect(abs(contexts[1][0].hazardPerOrder / contexts[0][0].hazardPerOrder - 1.5) < 1e-12)
        #expect(abs(contexts[1][0].ordersPerHour / contexts[0][0].ordersPerHour - 3) < 1e-12)
    }

    @Test(arguments: [
        (Scenario.Pooling.province, [Int]?.none, [2.0, 2.0]), (.province, [1], [1.0, 2.0]),
        (.national, nil, [2.0]), (.national, [1], [1.0])
    ])
    func investmentShocksReachThePoolsOfTheirRegions(pooling: Scenario.Pooling, provinces: [Int]?, multipliers: [Double]) {
        var s = TinyScenario.twoRegions()
        s.pooling = pooling
        var shock = TinyScenario.shock("markets", start: TinyScenario.start, months: 12, provinces: provinces)
        shock.investmentReturn = .fixed(2)
        s.shocks = [shock]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let got = (0..<s.poolCount).map { ShockMultipliers(scenario: s, inputs: inputs).investment(month: 0, pool: $0) }
        #expect(got == multipliers)
    }
}
