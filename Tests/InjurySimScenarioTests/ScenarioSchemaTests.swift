import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// The declarations behind `injurysim schema` and the unknown-key check: the shipped schema is
/// current, and every declared key is one the decoder reads and checks.
@Suite struct ScenarioSchemaTests {
    static let smokePath = TestScenarios.root.appendingPathComponent("Scenarios/smoke.json").path

    /// docs/scenario.schema.json is what `injurysim schema` prints; regenerate it with
    /// `swift run injurysim schema > docs/scenario.schema.json` (scripts/check-scenario-schema
    /// then checks it against every shipped scenario).
    @Test func theShippedSchemaIsCurrent() throws {
        let shipped = try String(contentsOf: TestScenarios.root.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)
        #expect(shipped == ScenarioSchema.text, "docs/scenario.schema.json is stale: swift run injurysim schema > docs/scenario.schema.json")
    }

    /// Where an object of each kind is in smoke.json (with the lists it lacks given first).
    static let places: [ScenarioObject: (path: String, setUp: [String])] = [
        .scenario: ("", []), .sector: ("sectors.food-delivery", []), .platform: ("platforms.meituan", []),
        .province: ("provinces.north", []), .risk: ("risk", []), .benefits: ("benefits", []),
        .mortality: (
            "benefits.mortality",
            [#"benefits.mortality={"male": {"a": 0.0005, "b": 0.00003, "c": 1.1}, "female": {"a": 0.0005, "b": 0.00002, "c": 1.1}}"#]
        ),
        .mortalityLaw: (
            "benefits.mortality.male",
            [#"benefits.mortality={"male": {"a": 0.0005, "b": 0.00003, "c": 1.1}, "female": {"a": 0.0005, "b": 0.00002, "c": 1.1}}"#]
        ),
        .fund: ("fund", []), .basis: ("basis", []), .financing: ("financing", []), .rateFloat: ("rateFloat", []),
        .rateTiers: ("rateTiers", []), .phase: ("rollout[0]", [#"rollout=[{"startMonth": "2024-01"}]"#]),
        .shock: ("shocks[0]", []), .published: ("published[0]", [#"published=[{"month": "2024-01"}]"#]),
        .observation: ("published[0].observation", [#"published=[{"month": "2024-01", "observation": {}}]"#]),
        .observationModel: (
            "published[0].observation.recognisedInjuries",
            [#"published=[{"month": "2024-01", "recognisedInjuries": 5, "observation": {"recognisedInjuries": {}}}]"#]
        ),
        .allowanceYears: ("benefits.grade1to4Allowance", [#"benefits.grade1to4Allowance={"years": 5}"#])
    ]

    /// Keys the decoder does not read as values: `extends` and `continues` are resolved before it,
    /// `$schema` is for editors and `label` is the report's.
    static let notDecoded: Set<String> = ["extends", "continues", "$schema", "label"]

    struct KeyCase: Sendable, CustomTestStringConvertible {
        var object: ScenarioObject
        var key: String
        var testDescription: String { object.rawValue + "." + key }
    }

    static let keyCases: [KeyCase] = ScenarioObject.allCases.flatMap { object in
        object.keys.filter { !notDecoded.contains($0.name) }.map { KeyCase(object: object, key: $0.name) }
    }

    /// Every declared key set to `null` (no key accepts it) is refused at its own path, not as an
    /// unknown key: the decoder reads each key the schema lists and checks its value.
    @Test(arguments: keyCases) func everyDeclaredKeyIsReadAndChecked(_ test: KeyCase) throws {
        #expect(Self.places.count == ScenarioObject.allCases.count)
        let place = try #require(Self.places[test.object])
        let path = place.path.isEmpty ? test.key : place.path + "." + test.key
        let overrides = try (place.setUp + [path + "=null"]).map { try ScenarioOverride(parsing: $0) }
        do {
            _ = try ScenarioLoader.load(path: Self.smokePath, overrides: overrides)
            Issue.record("\(path)=null was accepted")
        } catch {
            let own = error.issues.filter { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
            #expect(!own.isEmpty, "\(error)")
            #expect(!error.description.contains("unknown key"), "\(error)")
        }
    }

    /// The declarations name each object's keys once, and `--set` reaches each kind of object.
    @Test func eachObjectDeclaresItsKeysOnce() {
        for object in ScenarioObject.allCases {
            #expect(Set(object.keyNames).count == object.keyNames.count, "\(object)")
        }
    }
}
