import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// `rateTiers` and `rateFloat.firstReview` as the file gives them: names become indices, the
/// threshold is a declared uncertain input (listed, reachable by `--set`), and the shipped chain
/// holds the rules the domain reference gives (bad inputs: the `rate-*` cases of the corpus).
@Suite struct RateRulesDecodingTests {
    static let tiers = """
        , "rateTiers": {"month": "2024-07", "windowFrom": "2023-01", "windowTo": "2024-06", "sectors": ["food"],
                        "lowYuanPerOrder": 0.07, "highYuanPerOrder": 0.25, "paidRatioThreshold": {"uniform": [0.8, 1.6]}},
          "rateFloat": {"enabled": true, "firstReview": {"x": "2027-01"}}
        }
        """

    static var text: String {
        let minimal = ScenarioValidationTests.minimal.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(minimal.dropLast()) + tiers
    }

    @Test func theRulesDecode() throws {
        let s = try ScenarioLoader.decode(bytes: Array(Self.text.utf8))
        let rule = try #require(s.rateTiers)
        #expect(rule.month == YearMonth(year: 2024, month: 7))
        #expect(rule.windowFrom == YearMonth(year: 2023, month: 1) && rule.windowTo == YearMonth(year: 2024, month: 6))
        #expect(rule.sectors == [0] && rule.lowYuanPerOrder == 0.07 && rule.highYuanPerOrder == 0.25)
        #expect(abs(rule.paidRatioThreshold.central - 1.2) < 1e-12)
        #expect(s.rateFloat.firstReview == [0: YearMonth(year: 2027, month: 1)])
        #expect(s.uncertainInputs.map(\.path).contains("rateTiers.paidRatioThreshold"))
        // One stream of its own, drawn per replication within its range.
        let draws = (0..<20).map { ReplicationInputs(scenario: s, replication: $0).paidRatioThreshold! }
        #expect(draws.allSatisfy { (0.8...1.6).contains($0) } && Set(draws).count == 20)
    }

    @Test func withoutTheRulesNothingChanges() throws {
        let s = try ScenarioLoader.decode(bytes: Array(ScenarioValidationTests.minimal.utf8))
        #expect(s.rateTiers == nil && s.rateFloat.firstReview.isEmpty)
        #expect(ReplicationInputs(scenario: s, replication: 0).paidRatioThreshold == nil)
        #expect(!s.inputs.contains { $0.path.text.hasPrefix("rateTiers") })
    }

    @Test func theThresholdIsSetByItsPath() throws {
        let s = try ScenarioLoader.decode(
            bytes: Array(Self.text.utf8), overrides: [try ScenarioOverride(parsing: "rateTiers.paidRatioThreshold=2.5")])
        #expect(s.rateTiers?.paidRatioThreshold.central == 2.5 && s.rateTiers?.paidRatioThreshold.isFixed == true)
    }

    /// The shipped chain: the pilot's rates are uncertain (an assumption), the expansion assigns
    /// instant delivery's tiers on Jul 2022–Dec 2024 (shansong's 0.25 is no longer a value), and
    /// Shandong floats from 2027 where it is modelled.
    @Test func theShippedChainHoldsTheRules() throws {
        let pilot = try TestScenarios.load("pilot-2022.json")
        #expect(pilot.platforms.allSatisfy { !$0.ratePerOrderYuan.isFixed })
        #expect(pilot.rateTiers == nil)
        let expansion = try TestScenarios.load("expansion-2025.json")
        let rule = try #require(expansion.rateTiers)
        #expect(rule.windowFrom == YearMonth(year: 2022, month: 7) && rule.windowTo == YearMonth(year: 2024, month: 12))
        #expect(rule.effectiveMonth(phaseStart: expansion.startMonth) == YearMonth(year: 2025, month: 7))
        #expect(Set(rule.sectors.map { expansion.sectors[$0].name }) == ["instant-delivery", "courier"])
        #expect(!rule.paidRatioThreshold.isFixed)
        for name in ["expansion-2025.json", "national-2026.json"] {
            let s = try TestScenarios.load(name)
            let shandong = try #require(s.provinces.firstIndex { $0.name == "shandong" })
            #expect(s.rateFloat.firstReview == [shandong: YearMonth(year: 2027, month: 1)], "\(name)")
        }
    }
}
