import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// The optional `label` objects: display names per report language for the scenario and each
/// sector, platform and province; checked like other text; shipped for every shipped name.
@Suite struct ScenarioLabelTests {
    static func withLabels(_ text: String) -> String {
        ScenarioValidationTests.minimal
            .replacingOccurrences(of: #""name": "t","#, with: #""name": "t", "label": {"en": "Test", "zh": "测试"},"#)
            .replacingOccurrences(of: #""x": {"averageMonthlyWageYuan""#, with: #""x": {"label": \#(text), "averageMonthlyWageYuan""#)
    }

    @Test func labelsAreReadForTheScenarioAndItsNames() throws {
        let scenario = try ScenarioChecksTests.decode(Self.withLabels(#"{"en": "Guangdong", "zh": "广东"}"#)).get()
        #expect(scenario.labels.scenario == Scenario.Label(en: "Test", zh: "测试"))
        #expect(scenario.labels.names["provinces"]?["x"] == Scenario.Label(en: "Guangdong", zh: "广东"))
        #expect(scenario.labels.names["sectors"] == nil, "no label, no entry")
    }

    @Test(arguments: [
        (#"{"fr": "Canton"}"#, #"provinces.x.label.fr: unknown key "fr"; allowed keys here: en, zh"#),
        (#"{"zh": ""}"#, "provinces.x.label.zh: must be 1 to 100 characters"),
        (#"{"en": 3}"#, "provinces.x.label.en: expected"),
        (#""广东""#, "provinces.x.label: expected an object"),
        (#"{"en": "a\u202Eb"}"#, "provinces.x.label.en: character 2 is U+202E")
    ])
    func aBadLabelIsAnErrorNamingItsField(_ label: String, _ message: String) {
        let messages = ScenarioChecksTests.messages(Self.withLabels(label))
        #expect(messages.contains { $0.contains(message) }, "\(messages)")
    }

    static let shipped: [String] = {
        let folder = TestScenarios.root.appendingPathComponent("Scenarios")
        return ["", "policy", "stress"].flatMap { sub in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { sub.isEmpty ? $0 : sub + "/" + $0 }
        }
    }()

    @Test(arguments: shipped)
    func everyShippedNameHasALabelInBothLanguages(_ file: String) throws {
        let scenario = try TestScenarios.load(file)
        let label = try #require(scenario.labels.scenario, "\(file) labels itself")
        #expect(label.en != nil && label.zh != nil)
        let names: [(String, [String])] = [
            ("sectors", scenario.sectors.map(\.name)), ("platforms", scenario.platforms.map(\.name)), ("provinces", scenario.provinces.map(\.name))
        ]
        for (kind, list) in names {
            for name in list {
                let label = scenario.labels.names[kind]?[name]
                #expect(label?.en != nil && label?.zh != nil, "\(file): \(kind).\(name) has en and zh labels")
                // A Chinese label is written in Chinese.
                #expect(label?.zh?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true, "\(file): \(kind).\(name)")
            }
        }
        #expect(Set(ScenarioLabelTests.shipped).count >= 19)
    }
}
