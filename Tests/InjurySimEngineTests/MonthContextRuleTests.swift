import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// What a month looks like to a region × platform (`monthContexts`): hazard per order = claims per
/// order × region risk × platform risk × claim-frequency shocks; orders per hour grow by
/// (1 + g)^(month/12) and follow order shocks; coverage is the highest share of any matching
/// rollout phase; work probabilities are days per week ÷ 7 and days per year ÷ 365.
@Suite struct MonthContextRuleTests {
    @Test func hazardPerOrderIsTheProductOfRateRisksAndClaimShocks() {
        var s = TinyScenario.make(claimsPerMillion: 200)
        s.provinces[0].riskMultiplier = .fixed(1.5)
        s.platforms[0].riskMultiplier = .fixed(0.8)
        var shock = TinyScenario.shock("storms", start: YearMonth(year: 2024, month: 3), months: 1)
        shock.claimFrequency = .fixed(2)
        s.shocks = [shock]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let quiet = coordinator.monthContexts(inputs: inputs, month: 0)[0][0]
        let stormy = coordinator.monthContexts(inputs: inputs, month: 2)[0][0]
        #expect(abs(quiet.hazardPerOrder / (200e-6 * 1.5 * 0.8) - 1) < 1e-12)
        #expect(abs(stormy.hazardPerOrder / (200e-6 * 1.5 * 0.8 * 2) - 1) < 1e-12)
    }

    @Test(arguments: [(0, 1.0), (6, 1.1.squareRoot()), (12, 1.1), (18, 1.1 * 1.1.squareRoot())])
    func ordersPerHourGrowFromTheStart(month: Int, growth: Double) {
        var s = TinyScenario.make(months: 24)
        s.sectors[0].ordersGrowthPerYear = .fixed(0.1)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let context = coordinator.monthContexts(inputs: inputs, month: month)[0][0]
        #expect(abs(context.ordersPerHour - 3 * growth) < 1e-9)
    }

    /// Phase A covers 30% from the start; phase B ramps to 90% over three months from April; a
    /// phase for another platform does not count.
    @Test(arguments: [(0, 0.3), (3, 0.3), (4, 0.6), (5, 0.9), (11, 0.9)])
    func coverageIsTheHighestShareOfAnyMatchingPhase(month: Int, coverage: Double) {
        var s = TinyScenario.make()
        s.rollout = [
            Scenario.RolloutPhase(start: TinyScenario.start, provinces: nil, sectors: nil, platforms: nil, rampMonths: 0, takeUp: 0.3),
            Scenario.RolloutPhase(
                start: YearMonth(year: 2024, month: 4), provinces: [0], sectors: [0], platforms: [0],
                rampMonths: 3, takeUp: 0.9),
            Scenario.RolloutPhase(start: TinyScenario.start, provinces: nil, sectors: nil, platforms: [1], rampMonths: 0, takeUp: 1)
        ]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        #expect(abs(coordinator.monthContexts(inputs: inputs, month: month)[0][0].coverage - coverage) < 1e-12)
    }

    @Test func workProbabilitiesAndNewWorkerRiskComeFromTheScenario() {
        var s = TinyScenario.make()
        s.sectors[0].fullTimeDaysPerWeek = .fixed(6)
        s.sectors[0].occasionalDaysPerYear = .fixed(73)
        s.risk.newWorkerDays = 45
        s.risk.newWorkerMultiplier = .fixed(1.7)
        let coordinator = ReplicationCoordinator(scenario: s)
        let context = coordinator.monthContexts(inputs: ReplicationInputs(scenario: s, replication: 0), month: 0)[0][0]
        #expect(abs(context.fullTimeDailyProbability - 6.0 / 7) < 1e-15)
        #expect(abs(context.occasionalDailyProbability - 0.2) < 1e-15)
        #expect(context.newWorkerDays == 45 && context.newWorkerMultiplier == 1.7)
    }
}
