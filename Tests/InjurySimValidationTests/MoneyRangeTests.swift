import Foundation
import InjurySimCore
import InjurySimScenario
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimEngine

/// The up-front money bound is an upper bound on what one month of a run moves, and every shipped
/// scenario's months are far inside the exact range (what accumulates is checked as runs go:
/// `MoneyOverflowTests`).
@Suite struct MoneyRangeTests {
    /// Runs with growth, shocks and heavy medical tails stay under the month bound: every month's
    /// contributions (booked and received), administration, benefits the platforms pay, one-off
    /// benefits and the capital value of the month's new awards, summed.
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
        let bound = MoneyRange.monthBoundFen(scenario)
        #expect(bound < MoneyRange.limitFen)
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<3, threads: 2)
        for result in results {
            for month in 0..<result.months {
                let flows = Self.monthFlows.reduce(0.0) { $0 + Double(result.value(month: month, pool: result.poolCount, metric: $1).magnitude) }
                #expect(flows > 0 && flows <= bound, "month \(month): \(flows), bound \(bound)")
            }
        }
    }

    /// What the month bound covers: a month's flows that do not accumulate from earlier months.
    static let monthFlows: [Metric] = [
        .contributions, .contributionsBooked, .adminCost, .platformPaid, .dueMedical, .dueSuspensionWages, .dueDisabilitySubsidy,
        .dueDeathSubsidy, .dueFuneralGrant, .awardsCapitalValue
    ]

    /// A later phase of a chain grows from the chain's start and counts the earlier phases'
    /// months: its month bound covers both.
    @Test func aLaterPhasesBoundCoversTheChain() async throws {
        var earlier = try TestScenarios.load("smoke.json")
        for k in earlier.sectors.indices { earlier.sectors[k].ordersGrowthPerYear = .fixed(3) }
        earlier.months = 12
        var later = earlier
        later.startMonth = earlier.startMonth.adding(months: 12)
        later.months = 6
        later.earlierPhases = [earlier]
        let bound = MoneyRange.monthBoundFen(later)
        let result = await ReplicationCoordinator(scenario: later).run(replication: 0)
        for month in 0..<result.months {
            let flows = Self.monthFlows.reduce(0.0) { $0 + Double(result.value(month: month, pool: result.poolCount, metric: $1).magnitude) }
            #expect(flows <= bound, "month \(month): \(flows), bound \(bound)")
        }
        var alone = later
        alone.earlierPhases = []
        #expect(bound > MoneyRange.monthBoundFen(alone) * 2, "the earlier phase and the growth since the chain's start count")
    }

    @Test func shippedScenariosAreWellInsideTheExactRange() throws {
        let folder = TestScenarios.root.appendingPathComponent("Scenarios")
        for sub in ["", "policy", "stress"] {
            let dir = folder.appendingPathComponent(sub)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".json") {
                let scenario = try ScenarioLoader.load(path: dir.appendingPathComponent(file).path).scenario
                // A month of any shipped file moves less than a fiftieth of the range in the
                // worst world its inputs allow (the 2075 projection about a sixty-sixth, the
                // five-year national files a three-hundredth).
                #expect(MoneyRange.monthBoundFen(scenario) < MoneyRange.limitFen / 50, "\(sub)/\(file)")
            }
        }
    }
}
