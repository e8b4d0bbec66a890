import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// `benefits.grade1to4Allowance` as the file and `--set` give it, and what is refused.
@Suite struct AllowanceTermDecodingTests {
    static func text(_ value: String) -> String {
        let minimal = ScenarioValidationTests.minimal.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(minimal.dropLast()) + #", "benefits": {"grade1to4Allowance": "# + value + "}}"
    }

    @Test(arguments: [(#""life""#, AllowanceTerm.life), (#""toRetirement""#, .toRetirement), (#"{"years": 20}"#, .years(20))])
    func termsDecode(value: String, term: AllowanceTerm) throws {
        #expect(try ScenarioLoader.decode(bytes: Array(Self.text(value).utf8)).benefits.grade1to4Allowance == term)
    }

    @Test func leftOutItIsForLifeAndSetReachesIt() throws {
        #expect(try ScenarioLoader.decode(bytes: Array(ScenarioValidationTests.minimal.utf8)).benefits.grade1to4Allowance == .life)
        let set = try ScenarioLoader.decode(
            bytes: Array(ScenarioValidationTests.minimal.utf8), overrides: [try ScenarioOverride(parsing: "benefits.grade1to4Allowance=toRetirement")]
        )
        #expect(set.benefits.grade1to4Allowance == .toRetirement)
    }

    /// (value, path of the issue, words of its message)
    @Test(arguments: [
        (#""forever""#, "benefits.grade1to4Allowance", "\"toRetirement\""),
        ("20", "benefits.grade1to4Allowance", "{\"years\": n}"),
        (#"{"years": 0}"#, "benefits.grade1to4Allowance.years", "out of range"),
        (#"{"years": 20, "from": 1}"#, "benefits.grade1to4Allowance.from", "unknown key")
    ])
    func badTermsAreNamed(value: String, path: String, words: String) {
        let issues = ScenarioValidationTests.issues(Self.text(value))
        #expect(issues.contains { $0.path == path && $0.message.contains(words) }, "\(issues.map { "\($0.path): \($0.message)" })")
    }
}
