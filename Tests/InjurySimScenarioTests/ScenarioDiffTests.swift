import Testing

@testable import InjurySimScenario

/// ``ScenarioDiff``: the fields that differ between two documents, case by case.
@Suite struct ScenarioDiffTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var first: String
        var second: String
        var expected: [String]
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        Case(why: "the same document", first: #"{"a": 1, "b": {"c": "x"}}"#, second: #"{"b": {"c": "x"}, "a": 1}"#, expected: []),
        Case(why: "numbers compare by value", first: #"{"a": 0.10}"#, second: #"{"a": 0.1}"#, expected: []),
        Case(why: "a changed number", first: #"{"a": 1}"#, second: #"{"a": 2}"#, expected: ["a: 1 → 2"]),
        Case(why: "a nested change", first: #"{"s": {"f": {"x": 4.0}}}"#, second: #"{"s": {"f": {"x": 4.5}}}"#, expected: ["s.f.x: 4.0 → 4.5"]),
        Case(why: "a key on one side only", first: #"{"a": 1}"#, second: #"{"a": 1, "b": true}"#, expected: ["b: (absent) → true"]),
        Case(why: "a key removed", first: #"{"a": 1, "b": "y"}"#, second: #"{"a": 1}"#, expected: [#"b: "y" → (absent)"#]),
        Case(
            why: "a number became a distribution", first: #"{"r": 0.07}"#, second: #"{"r": {"uniform": [0.05, 0.09]}}"#,
            expected: [#"r: 0.07 → {"uniform": [0.05, 0.09]}"#]),
        Case(
            why: "lists compare entry by entry", first: #"{"l": [{"m": 1}, {"m": 2}]}"#, second: #"{"l": [{"m": 1}, {"m": 3}, {"m": 4}]}"#,
            expected: ["l[1].m: 2 → 3", #"l[2]: (absent) → {"m": 4}"#]),
        Case(why: "a type change", first: #"{"a": "1"}"#, second: #"{"a": 1}"#, expected: [#"a: "1" → 1"#]),
        Case(
            why: "document order, then the second's new keys", first: #"{"z": 1, "a": 1}"#, second: #"{"n": 0, "a": 2, "z": 2}"#,
            expected: ["z: 1 → 2", "a: 1 → 2", "n: (absent) → 0"])
    ]

    @Test(arguments: cases) func listsEachDifferingPathWithBothValues(_ test: Case) throws {
        let first = try JSONCParser.parse(Array(test.first.utf8))
        let second = try JSONCParser.parse(Array(test.second.utf8))
        #expect(ScenarioDiff.differences(first, second).map(\.description) == test.expected)
    }
}
