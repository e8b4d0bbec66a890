import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// What a run writes about the evidence: each published figure's counterpart and each input's
/// draw in `replications.csv` (the draws the engine made), and a what-if read back from those
/// columns agreeing with the run's own figures.
@Suite struct EvidenceOutputTests {
    static func smoke(replications: Int) async throws -> (Scenario, [ReplicationResult]) {
        var scenario = try ScenarioLoader.load(path: ReportFixture.root.appendingPathComponent("Scenarios/smoke.json").path).scenario
        scenario.replications = replications
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<replications, threads: 2, progress: nil)
        return (scenario, results)
    }

    /// The draws a run records are the engine's: for every uncertain input of the pilot (a
    /// sector drawn as another among them), the value ``ReplicationInputs`` reports drawing on
    /// the input's stream.
    @Test func recordedDrawsAreTheEnginesDraws() throws {
        let pilot = try ScenarioLoader.load(path: ReportFixture.root.appendingPathComponent("Scenarios/pilot-2022.json").path).scenario
        let inputs = pilot.uncertainInputs
        #expect(inputs.contains { $0.drawnAs != nil })
        for replication in [0, 1, 17] {
            var drew: [String: [Double]] = [:]
            _ = ReplicationInputs(scenario: pilot, replication: replication, drew: { path, x in drew[path.text, default: []].append(x) })
            let draws = pilot.inputDraws(replication: replication)
            #expect(draws.count == inputs.count)
            for (input, x) in zip(inputs, draws) {
                // The administration share is drawn only when the fund is charged for it.
                if input.path == "fund.adminCostShare" && !pilot.fund.chargeAdminCost { continue }
                #expect(drew[input.drawnAs ?? input.path]?.contains(x) == true, "\(input.path) replication \(replication)")
                #expect(input.param.logDensity(x).map { $0.isFinite } == true, "\(input.path) drew \(x) outside its distribution")
            }
        }
        var fixed = pilot
        fixed.uncertainty = false
        #expect(fixed.inputDraws(replication: 3) == inputs.map(\.param.central))
    }

    @Test func replicationsCSVCarriesCounterpartsAndDraws() async throws {
        var (scenario, results) = try await Self.smoke(replications: 30)
        let month = scenario.startMonth.adding(months: 5)
        var figures = Scenario.PublishedFigures(month: month, insuredPersons: 100, recognisedInjuries: 1, benefitsPaidYuan: nil, source: "test")
        figures.observations = ["recognisedInjuries": .normal(relativeError: 1)]
        scenario.published = [figures]
        let probe = PublishedCounterpart.all(scenario: scenario, results: results)
        // Published at the simulated median, so the worlds around it weigh most.
        scenario.published[0].recognisedInjuries = Spread(probe[1].values).p50
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(scenario: scenario, scenarioFile: "smoke.json", contentHash: "h", results: results, summary: summary)
        let texts = Dictionary(uniqueKeysWithValues: files.files.map { ($0.name, $0.text) })
        let folder = try ResultsFolder(texts: texts)
        let counterparts = PublishedCounterpart.all(scenario: scenario, results: results)
        #expect(counterparts.map(\.column) == ["published:insuredPersons@" + month.description, "published:recognisedInjuries@" + month.description])
        for (index, row) in folder.replications.enumerated() {
            for c in counterparts { #expect(Double(row[c.column] ?? "") == c.values[index]) }
            // The draws read back bit for bit.
            let draws = scenario.inputDraws(replication: index)
            for (input, x) in zip(scenario.uncertainInputs, draws) { #expect(Double(row["input:" + input.path] ?? "") == x) }
            #expect(row["ruined"] == String(summary.evidence.worlds[index].ruined))
        }
        #expect(summary.published.map(\.simulated.p50) == counterparts.map { Spread($0.values).p50 })

        let posterior = try #require(summary.evidence.posterior)
        // The report's evidence section shows the run's figures over all worlds and weighted.
        for language in [ReportLanguage.en, .zh] {
            let page = RunReport(folder: folder, language: language).render()
            let section = try #require(page.range(of: language("What the evidence says", "证据说明了什么")).map { String(page[$0.lowerBound...]) })
            let numbers = ReportNumbers(language)
            #expect(section.contains(numbers.percent(summary.evidence.prior.insolvent.share) + " ("))
            #expect(section.contains(numbers.rate(posterior.breakEvenRate.p50)))
            #expect(section.contains(language("Held out of the weighting", "未参与加权")) && section.contains(language("agreement with", "吻合程度")))
        }

        // A what-if read from the files: no change and no conditioning is the prior exactly;
        // conditioning alone is the run's own posterior.
        let prior = try WhatIfAnswer(prior: scenario, target: scenario, results: folder, condition: false)
        #expect(prior.changed.isEmpty && prior.evidence.posterior == nil)
        #expect(prior.evidence.weights == ImportanceWeights(equal: 30))
        #expect(prior.evidence.prior == summary.evidence.prior)
        let conditioned = try WhatIfAnswer(prior: scenario, target: scenario, results: folder, condition: true)
        #expect(conditioned.evidence.posterior == posterior)
        #expect(summary.evidence.weights.effectiveSampleSize < 30 && summary.evidence.weights.effectiveSampleSize >= 20)

        // A what-if: the wage tilted toward its top; each world weighs q(x) / p(x) of its draw.
        let path = "provinces.south.averageMonthlyWageYuan"
        let tilted = Param(.triangular(low: 8500, mode: 9300, high: 9500))
        let target = scenario.changingInputs(where: { $0.text == path }) { p in Param(tilted.shape, bounds: p.bounds) }
        let whatIf = try WhatIfAnswer(prior: scenario, target: target, results: folder, condition: false)
        let index = try #require(scenario.uncertainInputs.firstIndex { $0.path == path })
        let run = scenario.uncertainInputs[index].param
        #expect(whatIf.changed == [path])
        let ratios = whatIf.evidence.worlds.map { PortableMath.exp(tilted.logDensity($0.draws[index])! - run.logDensity($0.draws[index])!) }
        let total = ratios.reduce(0, +)
        for (weight, ratio) in zip(whatIf.evidence.weights.weights, ratios) { #expect(abs(weight - ratio / total) < 1e-12) }
        // Moving the wage outside what the run drew is refused, naming it.
        let outside = scenario.changingInputs(where: { $0.text == path }) { p in Param(.uniform(low: 9000, high: 9900), bounds: p.bounds) }
        #expect(throws: WhatIfError.outsideSupport(path: path, run: "Tri(8500, 9000, 9500)", whatIf: "U(9000, 9900)")) {
            try WhatIfAnswer(prior: scenario, target: outside, results: folder, condition: false)
        }
    }
}
