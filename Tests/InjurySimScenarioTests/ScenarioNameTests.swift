import Testing

@testable import InjurySimScenario

/// The decoder applies ``NameRule`` to every name and free-text label of a scenario, in the file
/// and through `--set`: the issue names the field path, the character (U+XXXX, position) and
/// what is allowed.
@Suite struct ScenarioNameTests {
    typealias V = ScenarioValidationTests

    struct Case: Sendable, CustomTestStringConvertible {
        var old: String
        var new: String
        var path: String
        var message: String
        var testDescription: String { NameRule.visible(path) }
    }

    @Test(arguments: [
        Case(
            old: "\"x\": {", new: "\"x,y\": {", path: "provinces.x,y",
            message: "character 2 is U+002C (COMMA), which names may not contain; a name may contain letters and digits"),
        Case(
            old: "\"p\": {", new: "\"p\\u202E\": {", path: "platforms.p\u{202E}",
            message: "character 2 is U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible format character"),
        Case(old: "\"food\": {", new: "\"fo\\nod\": {", path: "sectors.fo\nod", message: "character 3 is U+000A"),
        Case(old: "\"x\": {", new: "\"x\\uFFFE\": {", path: "provinces.x\u{FFFE}", message: "character 2 is U+FFFE, a noncharacter"),
        Case(
            old: "\"months\": 12,", new: "\"months\": 12, \"description\": \"a\\u0000b\",", path: "description",
            message: "character 2 is U+0000"),
        Case(
            old: "\"workers\": {\"food\": 100}", new: "\"workers\": {\"food\": 100}, \"pool\": \"a;b\"", path: "provinces.x.pool",
            message: "character 2 is U+003B (SEMICOLON)"),
        Case(old: "\"x\": {", new: "\"total\": {", path: "provinces.total", message: "\"total\" is reserved"),
        Case(old: "\"p\": {", new: "\"total\": {", path: "platforms.total", message: "\"total\" is reserved"),
        Case(
            old: "\"workers\": {\"food\": 100}", new: "\"workers\": {\"food\": 100}, \"pool\": \"total\"", path: "provinces.x.pool",
            message: "\"total\" is reserved"),
        Case(
            old: "\"months\": 12,",
            new: "\"months\": 12, \"shocks\": [{\"name\": \"storm\\u2028two\", \"startMonth\": \"2024-03\", \"months\": 1}],",
            path: "shocks[0].name", message: "character 6 is U+2028 (LINE SEPARATOR), a line break"),
        Case(
            old: "\"months\": 12,",
            new: "\"months\": 12, \"published\": [{\"month\": \"2024-06\", \"insuredPersons\": 9, \"source\": \"press\\u200Erelease\"}],",
            path: "published[0].source", message: "character 6 is U+200E (LEFT-TO-RIGHT MARK)")
    ])
    func aBadNameIsReportedWithItsPathAndCharacter(_ c: Case) throws {
        let issues = V.issues(V.variant(c.old, c.new))
        let issue = try #require(issues.first { $0.path == c.path }, "\(issues)")
        #expect(issue.message.contains(c.message), "\(issue.message)")
    }

    @Test func chineseNamesAndTextDecode() throws {
        let text = V.minimal.replacingOccurrences(of: "\"food\"", with: "\"外卖\"")
            .replacingOccurrences(of: "\"p\"", with: "\"美团（众包）\"")
            .replacingOccurrences(of: "\"x\"", with: "\"北京\"")
            .replacingOccurrences(of: "\"months\": 12,", with: "\"months\": 12, \"description\": \"第一批试点，7 省 \\\"测试\\\"\",")
        let scenario = try ScenarioLoader.decode(bytes: Array(text.utf8))
        #expect(scenario.sectors.map(\.name) == ["外卖"])
        #expect(scenario.platforms.map(\.name) == ["美团（众包）"])
        #expect(scenario.provinces.map(\.name) == ["北京"])
        #expect(scenario.description == "第一批试点，7 省 \"测试\"")
    }

    /// An override reaches the same rule: a new province key and a new description alike.
    @Test func overridesGoThroughTheSameRule() throws {
        func issues(_ overrides: [String]) throws -> [ScenarioIssue] {
            let parsed = try overrides.map { try ScenarioOverride(parsing: $0) }
            do {
                _ = try ScenarioLoader.decode(bytes: Array(V.minimal.utf8), overrides: parsed)
                return []
            } catch { return error.issues }
        }
        let key = try issues(["provinces.x.pool=a,b"])
        #expect(key.map(\.path) == ["provinces.x.pool"])
        #expect(key.first?.message.contains("U+002C (COMMA)") == true)
        let description = try issues(["description=\"one\\u202Etwo\""])
        #expect(description.map(\.path) == ["description"])
        #expect(try issues(["description=\"一, \\\"二\\\"\""]).isEmpty)
    }

    /// A message shows a refused character as `\u{XXXX}`, so the terminal does not act on it.
    @Test func theIssueTextCarriesNoRawControlOrFormatCharacter() throws {
        let issues = V.issues(V.variant("\"p\": {", "\"p\\u202E\\u0007\": {"))
        let text = issues.map(\.description).joined(separator: "\n")
        #expect(text.contains("platforms.p\\u{202E}\\u{0007}"))
        #expect(!text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{7}" })
    }
}
