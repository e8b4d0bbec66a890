import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// `financing` as the file gives it, the defaults when it is left out, and `--set` reaching it
/// (bad inputs: the `financing-*` cases of the corpus).
@Suite struct FinancingDecodingTests {
    static func text(_ block: String) -> String {
        let minimal = ScenarioValidationTests.minimal.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(minimal.dropLast()) + ", \"financing\": " + block + "}"
    }

    @Test func theBlockDecodes() throws {
        let text = Self.text(#"{"method": "terminalFunding", "reserveTargetMonths": 18, "closingReserveYears": 0.5, "gapYears": [5, 25]}"#)
        let f = try ScenarioLoader.decode(bytes: Array(text.utf8)).financing
        #expect(f == Scenario.Financing(method: .terminalFunding, reserveTargetMonths: 18, closingReserveYears: 0.5, gapYears: [5, 25]))
    }

    @Test func leftOutItIsPayAsYouGoWithAYearsReserve() throws {
        let f = try ScenarioLoader.decode(bytes: Array(ScenarioValidationTests.minimal.utf8)).financing
        #expect(f.method == .payAsYouGo && f.reserveTargetMonths == 12 && f.closingReserveYears == 1 && f.gapYears == [10, 20, 30])
        // A partial block keeps the other defaults.
        let partial = try ScenarioLoader.decode(bytes: Array(Self.text(#"{"method": "fullFunding"}"#).utf8)).financing
        #expect(partial == Scenario.Financing(method: .fullFunding, reserveTargetMonths: 12, closingReserveYears: 1, gapYears: [10, 20, 30]))
    }

    @Test func anOverrideReachesIt() throws {
        let s = try ScenarioLoader.decode(
            bytes: Array(ScenarioValidationTests.minimal.utf8),
            overrides: [
                try ScenarioOverride(parsing: "financing.method=terminalFunding"), try ScenarioOverride(parsing: "financing.reserveTargetMonths=6")
            ])
        #expect(s.financing.method == .terminalFunding && s.financing.reserveTargetMonths == 6)
    }
}
