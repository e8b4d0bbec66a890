import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine
@testable import InjurySimOutput

/// The smoke scenario with rates near its (inflated) break-even, so policies change outcomes,
/// and flat rates (the float's discrete steps would add noise to close comparisons).
func policyScenario(replications: Int = 24) throws -> Scenario {
    var scenario = try TestScenarios.load("smoke.json")
    scenario.replications = replications
    // A quarter sample keeps the policy tests fast in debug; the rules do not depend on the size.
    scenario.sampleFraction = 0.25
    scenario.minimumSampledWorkersPerPool = 0
    scenario.rateFloat.enabled = false
    scenario = PolicyCommands.scalingRates(scenario, sector: nil, by: 120)
    return scenario
}

@Suite struct CommonRandomNumberTests {
    /// With common random numbers the interval of the paired difference between two close
    /// policies is much narrower than with independent seeds.
    @Test func pairedDifferenceIsNarrowerWithCommonRandomNumbers() async throws {
        let a = try policyScenario()
        let b = PolicyCommands.scalingRates(a, sector: nil, by: 1.05)
        var independent = b
        independent.seed = a.seed + 1_000
        let metricsA = await PolicyCommands.metrics(a, threads: 2, progress: nil)
        let metricsB = await PolicyCommands.metrics(b, threads: 2, progress: nil)
        let metricsI = await PolicyCommands.metrics(independent, threads: 2, progress: nil)
        let figure = try #require(PolicyFigures.figures.first { $0.key == "netPositionAtEndYuan" })
        let common = PolicyFigures.pairedDifference(figure, metricsA, metricsB)
        let separate = PolicyFigures.pairedDifference(figure, metricsA, metricsI)
        #expect(common.width > 0)
        #expect(common.width < 0.1 * separate.width, "CRN width \(common.width) vs independent \(separate.width)")
        // Both intervals cover a positive effect of a 5% higher rate on the CRN side.
        #expect(common.low > 0)
    }

    @Test func comparisonTablesCarryIntervalsForEveryFigure() async throws {
        let a = try policyScenario(replications: 8)
        var b = PolicyCommands.scalingRates(a, sector: nil, by: 1.5)
        b.name = "dearer"
        let entries = [
            Comparison.Entry(name: a.name, startMonth: a.startMonth, metrics: await PolicyCommands.metrics(a, threads: 2, progress: nil)),
            Comparison.Entry(name: b.name, startMonth: b.startMonth, metrics: await PolicyCommands.metrics(b, threads: 2, progress: nil))
        ]
        let comparison = Comparison(entries: entries)
        let csv = comparison.renderCSV().split(separator: "\n")
        #expect(csv.first == "metric,scenario,estimate,low95,high95,difference_vs_first,difference_low95,difference_high95")
        #expect(csv.count == 1 + 2 * (PolicyFigures.figures.count + 3))
        #expect(csv.contains { $0.hasPrefix("contributionsYuan,dearer,") })
        let table = comparison.renderTable()
        #expect(table.contains("worst deficit, VaR 99.5%") && table.contains("first shortfall, median"))
    }
}

@Suite struct SolveTests {
    @Test(arguments: [
        ("ruin<=0.01", PolicyCommands.Target.ruin(0.01)), ("ruin <= 5%", .ruin(0.05)),
        ("poolruin<=0.1", .poolRuin(0.1)), ("funded>=1.2", .funded(1.2)), ("capital<=10%", .capital(0.1)),
        ("reserve>=12", .reserve(months: 12, through: nil, probability: 0.95)),
        ("reserve >= 12 @ 2055 : 0.9", .reserve(months: 12, through: 2055, probability: 0.9)),
        ("reserve>=6:80%", .reserve(months: 6, through: nil, probability: 0.8)),
        ("reserve>=0@2030", .reserve(months: 0, through: 2030, probability: 0.95))
    ])
    func targetsParse(text: String, target: PolicyCommands.Target) {
        #expect(PolicyCommands.Target(parsing: text) == target)
    }

    @Test(arguments: [
        "ruin<0.01", "ruin<=2", "solvent", "funded>=-1", "reserve>=-1", "reserve>=300", "reserve>=12@20x5", "reserve>=12:0",
        "reserve>=12:1.5", "reserve>=", "capital<=2", "reserve>=12@2055@2060"
    ])
    func badTargetsAreRejected(text: String) {
        #expect(PolicyCommands.Target(parsing: text) == nil)
    }

    /// The solved multiplier meets the target and one clearly below it does not.
    @Test func solvedRateMeetsTheTarget() async throws {
        let scenario = try policyScenario(replications: 20)
        let solution = await PolicyCommands.solve(scenario, target: .ruin(0.2), sector: nil, threads: 2)
        let m = solution.multiplier
        #expect(m.mean.isFinite && m.low <= m.mean && m.mean <= m.high)
        let ruin = PolicyFigures.figures[0]
        let at = await PolicyCommands.metrics(PolicyCommands.scalingRates(scenario, sector: nil, by: m.mean), threads: 2, progress: nil)
        #expect(PolicyFigures.estimate(ruin, at).mean <= 0.2)
        let below = await PolicyCommands.metrics(PolicyCommands.scalingRates(scenario, sector: nil, by: m.mean * 0.9), threads: 2, progress: nil)
        #expect(PolicyFigures.estimate(ruin, below).mean > 0.2)
        #expect(solution.breakEven.count == scenario.sectors.count)
    }
}

@Suite struct MatchedPairsTests {
    /// Agresti–Min (2005): adds ½ to each cell; stays within [−1, 1]; never a zero-width interval.
    @Test func intervalsForDifferencesOfProbabilities() {
        let all = PolicyFigures.matchedPairsDifference(up: 40, down: 0, pairs: 40)
        #expect(all.mean == 1)
        #expect(all.high == 1 && all.low > 0.85 && all.low < 0.9)
        let none = PolicyFigures.matchedPairsDifference(up: 0, down: 0, pairs: 100)
        #expect(none.mean == 0 && none.low < 0 && none.high > 0 && none.high < 0.03)
        let mixed = PolicyFigures.matchedPairsDifference(up: 12, down: 4, pairs: 100)
        #expect(abs(mixed.mean - 0.08) < 1e-12)
        #expect(mixed.low > 0 && mixed.high < 0.17)
    }
}
