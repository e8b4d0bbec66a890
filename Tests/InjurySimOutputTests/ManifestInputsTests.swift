import Foundation
import Testing

@testable import InjurySimCore
@testable import InjurySimOutput
@testable import InjurySimScenario

/// Every choice of a run reaches `manifest.json`: the pooling, the shortfall rule and the rate
/// float as run (basis included), as a `--set` leaves them.
@Suite struct ManifestInputsTests {
    @Test(arguments: [
        (["rateFloat.basis=paidPlusReserves", "pooling=national", "fund.shortfall=defer"], "paidPlusReserves", "national", "defer"),
        (["rateFloat.enabled=false"], "paid", "province", "borrow")
    ])
    func theManifestRecordsTheRunsChoices(sets: [String], basis: String, pooling: String, shortfall: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let overrides = try sets.map { text throws(ScenarioError) in try ScenarioOverride(parsing: text) }
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/smoke.json").path, overrides: overrides).scenario
        let text = ResultFiles.manifestJSON(scenario: scenario, scenarioFile: "smoke.json", contentHash: "0").rendered()
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(manifest["pooling"] as? String == pooling)
        #expect(manifest["shortfall"] as? String == shortfall)
        let float = try #require(manifest["rateFloat"] as? [String: Any])
        #expect(float["basis"] as? String == basis)
        #expect(float["enabled"] as? Bool == !sets.contains("rateFloat.enabled=false"))
        #expect(float["reviewMonth"] as? Int == 7 && float["minMonthsOfContributions"] as? Int == 5)
    }
}
