import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// A scenario's `choices`: each setting makes the scenario with that one field changed and
/// nothing else; what a choice may not set, and every malformed choice, is named.
@Suite struct ChoicesDecodingTests {
    static func text(_ choices: String) -> String {
        let minimal = ScenarioValidationTests.minimal.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(minimal.dropLast()) + #", "choices": "# + choices + "}"
    }

    @Test func eachChoiceIsTheScenarioWithItsOneSetting() throws {
        let scenario = try ScenarioLoader.decode(
            bytes: Array(
                Self.text(
                    #"["benefits.grade1to4Allowance=toRetirement", "benefits.grade1to4Allowance={\"years\": 20}", "financing.method=terminalFunding"]"#
                ).utf8))
        #expect(
            scenario.choices.map(\.setting) == [
                "benefits.grade1to4Allowance=toRetirement", #"benefits.grade1to4Allowance={"years": 20}"#, "financing.method=terminalFunding"
            ])
        #expect(scenario.benefits.grade1to4Allowance == .life && scenario.financing.method == .payAsYouGo)
        #expect(scenario.choices.map(\.scenario.benefits.grade1to4Allowance) == [.toRetirement, .years(20), .life])
        #expect(scenario.choices[2].scenario.financing.method == .terminalFunding)
        // Nothing else differs: each choice's scenario is the one `--set` makes, its own choices empty.
        for choice in scenario.choices {
            let set = try ScenarioLoader.decode(
                bytes: Array(ScenarioValidationTests.minimal.utf8), overrides: [try ScenarioOverride(parsing: choice.setting)])
            #expect(choice.scenario.benefits.grade1to4Allowance == set.benefits.grade1to4Allowance)
            #expect(choice.scenario.financing.method == set.financing.method)
            #expect(choice.scenario.seed == scenario.seed && choice.scenario.months == scenario.months && choice.scenario.choices.isEmpty)
        }
        #expect(try ScenarioLoader.decode(bytes: Array(ScenarioValidationTests.minimal.utf8)).choices.isEmpty)
    }

    /// A choice of several settings applies them together, named by them joined with " & ".
    @Test func aListOfSettingsIsOneChoice() throws {
        let scenario = try ScenarioLoader.decode(
            bytes: Array(
                Self.text(#"[["benefits.grade1to4Allowance=toRetirement", "financing.method=terminalFunding"], "financing.method=terminalFunding"]"#)
                    .utf8))
        #expect(
            scenario.choices.map(\.setting) == [
                "benefits.grade1to4Allowance=toRetirement & financing.method=terminalFunding", "financing.method=terminalFunding"
            ])
        #expect(
            scenario.choices[0].scenario.benefits.grade1to4Allowance == .toRetirement
                && scenario.choices[0].scenario.financing.method == .terminalFunding)
        #expect(
            scenario.choices[1].scenario.benefits.grade1to4Allowance == .life && scenario.choices[1].scenario.financing.method == .terminalFunding)
    }

    /// (choices, path of an issue, words of its message)
    @Test(arguments: [
        (#""toRetirement""#, "choices", "expected a list of settings"),
        (#"[3]"#, "choices[0]", "expected a setting in double quotes"),
        (#"[["fund.shortfall=borrow", 3]]"#, "choices[0]", "or a list of such settings"),
        (#"[[]]"#, "choices[0]", "has 0 settings; a choice has 1 to 32"),
        (#"[["fund.shortfall=borrow", "seed=3"]]"#, "choices[0]", "sets seed"),
        (#"["seed=4"]"#, "choices[0]", "sets seed, which makes another study"),
        (#"["months=12"]"#, "choices[0]", "sets months"),
        (#"["nonsense"]"#, "choices[0]", "expected PATH=VALUE"),
        (#"["benefits.grade1to4Allowance=forever"]"#, "benefits.grade1to4Allowance", "in choices[0] (benefits.grade1to4Allowance=forever)"),
        (#"["fund.shortfall=borrow", "fund.shortfall=borrow"]"#, "choices[1]", "repeats an earlier choice"),
        (#"["a=1","b=1","c=1","d=1","e=1","f=1","g=1","h=1","i=1"]"#, "choices", "at most 8")
    ])
    func badChoicesAreNamed(choices: String, path: String, words: String) {
        let issues = ScenarioValidationTests.issues(Self.text(choices))
        #expect(issues.contains { $0.path == path && $0.message.contains(words) }, "\(issues.map { "\($0.path): \($0.message)" })")
    }

    @Test func everyBadChoiceIsReportedAtOnce() {
        let issues = ScenarioValidationTests.issues(Self.text(#"["seed=4", "benefits.grade1to4Allowance=forever", "nonsense"]"#))
        #expect(issues.count == 3, "\(issues.map { "\($0.path): \($0.message)" })")
    }
}
