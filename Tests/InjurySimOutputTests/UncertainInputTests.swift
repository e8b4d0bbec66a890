import Foundation
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// The inputs a scenario gives as distributions are listed, by path, in the order the file gives
/// them (after `extends` and `--set`): the manifest carries them and the report's "What was
/// run" shows each with its distribution. Fixed numbers are not listed.
@Suite struct UncertainInputTests {
    @Test(arguments: [
        (Param(.uniform(low: 0.04, high: 0.08)), "U(0.04, 0.08)"),
        (Param(.triangular(low: 1.2, mode: 2, high: 4)), "Tri(1.2, 2, 4)"),
        (Param(.normal(mean: 1, sd: 0.2)), "N(1, sd 0.2)"),
        (Param(.lognormal(median: 5000, sigma: 0.5)), "LogN(median 5000, σ 0.5)"),
        (Param(.choice(values: [1, 2], weights: [3, 1])), "choice of 1 (75%), 2 (25%)"),
        (Param(.uniform(low: 2.5e-7, high: 1e9)), "U(2.5e-07, 1e+09)")
    ])
    func distributionsAreWrittenInOneNotation(param: Param, text: String) {
        #expect(param.notation == text)
        #expect(!param.isFixed)
    }

    @Test func theSmokeScenarioListsItsDistributionsAndOnlyThose() throws {
        let path = ReportFixture.root.appendingPathComponent("Scenarios/smoke.json").path
        let overrides = [
            try ScenarioOverride(parsing: "fund.adminCostShare={\"uniform\": [0.02, 0.06]}"),
            try ScenarioOverride(parsing: "sectors.food-delivery.claimsPerMillionOrders=180")
        ]
        let scenario = try ScenarioLoader.load(path: path, overrides: overrides).scenario
        let listed = Dictionary(uniqueKeysWithValues: scenario.uncertainInputs.map { ($0.path, $0.param.notation) })
        // The file's triangular wage stays; the --set uniform is added; the --set number replaces a uniform.
        #expect(listed["provinces.south.averageMonthlyWageYuan"] == "Tri(8500, 9000, 9500)")
        #expect(listed["fund.adminCostShare"] == "U(0.02, 0.06)")
        #expect(listed["sectors.food-delivery.claimsPerMillionOrders"] == nil)
        #expect(scenario.uncertainInputs.allSatisfy { !$0.param.isFixed })
    }

    @Test(arguments: ReportLanguage.allCases)
    func theReportShowsEveryUncertainInputOfTheManifest(language: ReportLanguage) async throws {
        let texts = await ReportFixture.smoke()
        let manifestText = try #require(texts["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        let inputs = try #require(manifest["uncertainInputs"] as? [[String: String]])
        #expect(!inputs.isEmpty)
        let page = try ReportRenderer.render(texts: texts, language: language)
        // Each input in the row of the object it belongs to (`sectors.NAME`, `basis`): its field and distribution.
        for input in inputs {
            let parts = (input["path"] ?? "?").split(separator: ".")
            let cut = parts.count > 2 ? 2 : parts.count - 1
            let group = "<tr><td><code>\(parts.prefix(cut).joined(separator: "."))</code></td><td>"
            let item = "<code>\(parts.dropFirst(cut).joined(separator: "."))</code> \(input["distribution"] ?? "?")"
            #expect(page.contains(group) && page.contains(item), "\(group) … \(item)")
        }
    }
}
