import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// `published[].observation`: each figure's observation model as the file gives it, and every
/// way to get it wrong named with the figure and what is allowed.
@Suite struct ObservationDecodingTests {
    static func text(_ observation: String) -> String {
        let minimal = ScenarioValidationTests.minimal.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(minimal.dropLast())
            + #", "published": [{"month": "2024-06", "recognisedInjuries": 300, "benefitsPaidYuan": 2000000, "source": "s", "observation": "#
            + observation + "}]}"
    }

    @Test func modelsDecodeByFigure() throws {
        let s = try ScenarioLoader.decode(
            bytes: Array(Self.text(#"{"recognisedInjuries": {"relativeError": 0.1}, "benefitsPaidYuan": {"interval": [1e6, 3e6]}}"#).utf8))
        #expect(
            s.published[0].observations == ["recognisedInjuries": .normal(relativeError: 0.1), "benefitsPaidYuan": .interval(low: 1e6, high: 3e6)])
        let without = try ScenarioLoader.decode(bytes: Array(Self.text("{}").utf8))
        #expect(without.published[0].observations.isEmpty)
    }

    /// (observation block, the issue's path, words the message must hold)
    static let bad: [(String, String, String)] = [
        (#"{"insuredPersons": {"relativeError": 0.1}}"#, "published[0].observation.insuredPersons", "is not given in this entry"),
        (#"{"claims": {"relativeError": 0.1}}"#, "published[0].observation.claims", "names no published figure"),
        (#"{"recognisedInjuries": {}}"#, "published[0].observation.recognisedInjuries", "exactly one of"),
        (#"{"recognisedInjuries": {"relativeError": 0.1, "interval": [1, 2]}}"#, "published[0].observation.recognisedInjuries", "exactly one of"),
        (#"{"recognisedInjuries": {"relativeError": 0}}"#, "published[0].observation.recognisedInjuries.relativeError", "out of range"),
        (#"{"recognisedInjuries": {"relativeError": 11}}"#, "published[0].observation.recognisedInjuries.relativeError", "out of range"),
        (#"{"recognisedInjuries": {"interval": [5, 2]}}"#, "published[0].observation.recognisedInjuries.interval", "0 ≤ low < high"),
        (#"{"recognisedInjuries": {"interval": [5]}}"#, "published[0].observation.recognisedInjuries.interval", "2 numbers"),
        (#"{"recognisedInjuries": {"relativeError": 0.1, "sd": 3}}"#, "published[0].observation.recognisedInjuries.sd", "unknown key"),
        (#""normal""#, "published[0].observation", "expected an object")
    ]

    @Test(arguments: bad) func badModelsAreNamed(block: String, path: String, words: String) {
        let issues = ScenarioValidationTests.issues(Self.text(block))
        #expect(issues.contains { $0.path == path && $0.message.contains(words) }, "\(issues.map { "\($0.path): \($0.message)" })")
    }
}
