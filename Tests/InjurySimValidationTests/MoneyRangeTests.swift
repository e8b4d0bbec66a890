import Foundation
import InjurySimCore
import InjurySimScenario
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimEngine

/// The up-front money bound is an upper bound on what runs reach, and every shipped scenario is
/// inside the exact range.
@Suite struct MoneyRangeTests {
    /// Runs with growth, shocks and heavy medical tails stay under the bound, figure by figure
    /// and summed over the horizon.
    @Test(arguments: [
        ["months=36"],
        [
            "months=48", "basis.wageGrowthPerYear=0.1", "benefits.mortalityLoading=0", "basis.medicalInflationPerYear=0.5",
            "sectors.food-delivery.ordersGrowthPerYear=1"
        ],
        ["sectors.food-delivery.medicalCostSigma=3", "sectors.food-delivery.claimsPerMillionOrders=2000", "platforms.meituan.ratePerOrderYuan=0"],
        ["basis.investmentReturnPerYear=1", "provinces.north.initialBalanceYuan=1e9"]
    ])
    func simulatedMoneyStaysUnderTheBound(settings: [String]) async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let overrides = try settings.map { text throws(ScenarioError) in try ScenarioOverride(parsing: text) }
        var scenario = try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/smoke.json").path, overrides: overrides).scenario
        scenario.replications = 3
        let bound = MoneyRange.boundFen(scenario)
        #expect(bound < MoneyRange.limitFen)
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<3, threads: 2)
        let money: [Metric] = Metric.allCases.filter(\.isMoney)
        #expect(!money.isEmpty)
        for result in results {
            for metric in money {
                let series = result.series(metric, pool: result.poolCount)
                let largest = series.map { Double($0.magnitude) }.max() ?? 0
                let sum = series.reduce(0.0) { $0 + Double($1.magnitude) }
                #expect(largest <= bound && sum <= bound, "\(metric): largest \(largest), sum \(sum), bound \(bound)")
            }
        }
    }

    /// A later phase of a chain grows from the chain's start and carries the earlier phases'
    /// money: its bound covers both.
    @Test func aLaterPhasesBoundCoversTheChain() async throws {
        var earlier = try TestScenarios.load("smoke.json")
        for k in earlier.sectors.indices { earlier.sectors[k].ordersGrowthPerYear = .fixed(3) }
        earlier.months = 12
        var later = earlier
        later.startMonth = earlier.startMonth.adding(months: 12)
        later.months = 6
        later.earlierPhases = [earlier]
        let bound = MoneyRange.boundFen(later)
        let result = await ReplicationCoordinator(scenario: later).run(replication: 0)
        for metric in Metric.allCases.filter(\.isMoney) {
            let largest = result.series(metric, pool: result.poolCount).map { Double($0.magnitude) }.max() ?? 0
            #expect(largest <= bound, "\(metric): largest \(largest), bound \(bound)")
        }
        var alone = later
        alone.earlierPhases = []
        #expect(bound > MoneyRange.boundFen(alone) * 2, "the earlier phase and the growth since the chain's start count")
    }

    @Test func shippedScenariosAreWellInsideTheExactRange() throws {
        let folder = TestScenarios.root.appendingPathComponent("Scenarios")
        for sub in ["", "policy", "stress"] {
            let dir = folder.appendingPathComponent(sub)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".json") {
                let scenario = try ScenarioLoader.load(path: dir.appendingPathComponent(file).path).scenario
                // Files of a few years keep three quarters of the range spare; the decades-long
                // projection (national-2053.json) passes the check itself, which it was sized to.
                let decades = scenario.monthsIntoChain + scenario.months > 240
                #expect(MoneyRange.boundFen(scenario) < MoneyRange.limitFen / (decades ? 1 : 4), "\(sub)/\(file)")
            }
        }
    }
}
