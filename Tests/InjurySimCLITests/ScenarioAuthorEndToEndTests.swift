import Foundation
import Testing

/// The built binary's commands for scenario authors: `schema`, `show` and `diff`.
@Suite(.serialized) struct ScenarioAuthorEndToEndTests {
    typealias E2E = EndToEndTests

    @Test func schemaPrintsTheShippedSchema() throws {
        let outcome = try E2E.run(["schema"])
        #expect(outcome.code == 0)
        let shipped = try String(contentsOf: E2E.root.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)
        #expect(outcome.stdout == shipped)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    /// `show` resolves `extends` and applies `--set`: its output is a complete scenario that
    /// validates on its own and carries the override.
    @Test func showPrintsTheResolvedScenario() throws {
        let outcome = try E2E.run(["show", "Scenarios/policy/pooling-national.json", "--set", "replications=7"])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["extends"] == nil)
        #expect(object["replications"] as? Int == 7)
        #expect(object["pooling"] as? String == "national")
        #expect((object["provinces"] as? [String: Any])?.isEmpty == false, "the base's provinces are merged in")
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("resolved.json")
        try outcome.stdout.write(to: file, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["validate", file.path]).code == 0)
        // A misspelt --set name: refused with the name meant, exit 64.
        let typo = try E2E.run(["show", "Scenarios/smoke.json", "--set", "sectors.food-delivry.ordersPerHour=3"])
        #expect(typo.code == 64)
        #expect(typo.stderr.contains("did you mean \"food-delivery\"?"), "\(typo.stderr)")
    }

    @Test func diffListsTheDifferingFieldsAndExitsOneWhenThereAreAny() throws {
        let same = try E2E.run(["diff", "Scenarios/smoke.json", "Scenarios/smoke.json"])
        #expect(same.code == 0 && same.stdout.contains("the same scenario"))
        let different = try E2E.run(["diff", "Scenarios/pilot-2022.json", "Scenarios/policy/pooling-national.json"])
        #expect(different.code == 1)
        #expect(different.stdout.contains("pooling: \"province\" → \"national\""), "\(different.stdout)")
        #expect(different.stdout.contains("name: \"pilot-2022\" → \"pooling-national\""))
        let missing = try E2E.run(["diff", "Scenarios/smoke.json", "Scenarios/none.json"])
        #expect(missing.code == 64 && missing.stderr.contains("does not exist"))
        #expect(try E2E.run(["diff", "Scenarios/smoke.json"]).code == 64)
    }
}
