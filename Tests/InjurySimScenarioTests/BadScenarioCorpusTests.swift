import Foundation
import Testing

@testable import InjurySimScenario

/// The bad-scenario corpus: every file in `BadScenarios/` must be rejected by
/// ``ScenarioLoader/decode(bytes:file:overrides:)`` with exactly the text in its `.expected`
/// file, so any change to a message (or a case that starts decoding) shows up as a diff.
///
/// Layout (see `BadScenarios/README.md`): `NAME.jsonc` or `NAME.bin` holds the scenario bytes and
/// `NAME.expected` the exact `ScenarioError.description` followed by one newline. Files under
/// `bases/` are only read through `extends`. `crash-*` files are inputs that trap the decoder;
/// they have no expectation and are not run.
///
/// Set `INJURYSIM_REGENERATE_BAD_SCENARIOS=1` to rewrite the `.expected` files from the current
/// decoder; every file that changes is reported as a failure so the run cannot be mistaken for
/// a pass — review the diff, then run again without the variable.
@Suite struct BadScenarioCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadScenarios")
    static let minimumStoredCases = 55
    static let scenarioExtensions: Set<String> = ["jsonc", "bin"]
    static let regenerate = ProcessInfo.processInfo.environment["INJURYSIM_REGENERATE_BAD_SCENARIOS"] == "1"

    /// Cases are decoded as if read from `BadScenarios/<scenario>`, so that `extends` resolves
    /// against the corpus folder; the folder is stripped from the text before comparing, which
    /// leaves `<scenario>` as the file name in every expectation.
    static let scenarioPath = folder.appendingPathComponent("<scenario>").path

    struct Case: Sendable, CustomTestStringConvertible {
        enum Source: Sendable {
            /// A scenario file in the corpus folder, compared with `NAME.expected`.
            case stored(fileName: String)
            /// A scenario built in code (too large or too deep to commit), with its expectation inline.
            case generated(bytes: [UInt8], expected: String)
        }
        var name: String
        var source: Source
        var testDescription: String { name }
    }

    /// File names of the stored cases (not `crash-*`), sorted.
    static func storedCaseFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            scenarioExtensions.contains((name as NSString).pathExtension) && !name.hasPrefix("crash-")
        }.sorted()
    }

    static func caseName(_ fileName: String) -> String { (fileName as NSString).deletingPathExtension }

    static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: folder.path + "/", with: "")
    }

    static var allCases: [Case] {
        storedCaseFiles().map { Case(name: caseName($0), source: .stored(fileName: $0)) } + generatedCases
    }

    // MARK: Cases built in code

    /// The valid minimal scenario of the corpus (`bases/good.jsonc`), on one line.
    static let oneLineScenario =
        #"{"name": "bad-case", "startMonth": "2024-01", "months": 12, "#
        + #""sectors": {"food": {"ordersPerHour": 4, "shiftHours": 8, "fullTimeDaysPerWeek": 6, "occasionalShare": 0.5, "#
        + #""claimsPerMillionOrders": 2, "severity": {"medicalOnly": 0.9, "grade10": 0.09, "death": 0.01}, "#
        + #""medicalCostMeanYuan": {"medicalOnly": 2500, "grade7to10": 15000, "grade5to6": 80000, "grade1to4": 250000, "death": 30000}}}, "#
        + #""platforms": {"p": {"sector": "food", "ratePerOrderYuan": 0.07}}, "#
        + #""provinces": {"x": {"averageMonthlyWageYuan": 9000, "workers": {"food": 100}}}}"#

    static let generatedCases: [Case] = {
        // The parser allows 200 levels of nesting and the root object is level 1, so this
        // description is 64 levels too deep; the 201st opening bracket is at column 216.
        let tooDeep = String(repeating: "[", count: 263) + String(repeating: "]", count: 263)
        // 199 lists inside the root object: exactly at the limit, so the parser accepts it.
        let atLimit = String(repeating: "[", count: 199) + String(repeating: "]", count: 199)
        // About 200 KB on one line: a long description, then months 0 at the very end.
        let padding = String(repeating: "Scenario notes. ", count: 12_500)
        let longLine =
            oneLineScenario.replacingOccurrences(of: #""months": 12, "#, with: "")
            .dropLast() + #", "description": "\#(padding)", "months": 0}"#
        return [
            Case(
                name: "generated-nesting-64-levels-too-deep",
                source: .generated(
                    bytes: Array(#"{"description": \#(tooDeep)}"#.utf8),
                    expected: """
                        <scenario>: 1 problem
                          line 1, column 216: syntax error: nesting deeper than 200 levels
                        """)),
            Case(
                name: "generated-nesting-at-the-limit",
                source: .generated(
                    bytes: Array(#"{"description": \#(atLimit)}"#.utf8),
                    expected: """
                        <scenario>: 7 problems
                          line 1, column 1: name: is required but missing from the object that starts here
                          line 1, column 1: startMonth: is required but missing from the object that starts here
                          line 1, column 1: months: is required but missing from the object that starts here
                          line 1, column 1: sectors: is required but missing from the object that starts here
                          line 1, column 1: platforms: is required but missing from the object that starts here
                          line 1, column 1: provinces: is required but missing from the object that starts here
                          line 1, column 17: description: expected a string in double quotes, found a list (found a list of 1)
                        """)),
            Case(
                name: "generated-long-one-line-file",
                source: .generated(
                    bytes: Array(String(longLine).utf8),
                    expected: """
                        <scenario>: 1 problem
                          line 1, column 200551: months: out of range; allowed: a whole number from 1 to 1200 (found 0)
                        """))
        ]
    }()

    // MARK: Tests

    @Test func corpusHasEnoughCasesAndEveryCaseHasAnExpectation() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let cases = Self.storedCaseFiles()
        #expect(cases.count >= Self.minimumStoredCases, "only \(cases.count) cases in \(Self.folder.path); need \(Self.minimumStoredCases)")
        let caseNames = cases.map(Self.caseName)
        #expect(Set(caseNames).count == caseNames.count, "two case files share a name: \(caseNames)")
        let expectations = Set(names.filter { $0.hasSuffix(".expected") }.map(Self.caseName))
        for name in caseNames where !expectations.contains(name) && !Self.regenerate {
            Issue.record("case \(name) has no \(name).expected")
        }
        for name in expectations.subtracting(caseNames).sorted() {
            Issue.record("\(name).expected has no \(name).jsonc or \(name).bin")
        }
        for name in names.sorted() {
            let known =
                Self.scenarioExtensions.contains((name as NSString).pathExtension) || name.hasSuffix(".expected")
                || ["README.md", ".gitattributes", "bases"].contains(name)
            #expect(known, "unexpected file \(name) in the corpus folder")
        }
    }

    /// The `extends` cases depend on the base they name being valid on its own.
    @Test func goodBaseDecodes() throws {
        let path = Self.folder.appendingPathComponent("bases/good.jsonc").path
        _ = try ScenarioLoader.load(path: path)
    }

    @Test(arguments: allCases)
    func badScenarioIsRejectedWithExactText(_ c: Case) throws {
        let bytes: [UInt8]
        switch c.source {
        case .stored(let fileName):
            bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(fileName)))
        case .generated(let generated, _):
            bytes = generated
        }
        let actual: String
        do {
            _ = try ScenarioLoader.decode(bytes: bytes, file: Self.scenarioPath)
            Issue.record("\(c.name) decoded without error; every case in the corpus must be rejected")
            return
        } catch {
            actual = Self.normalise(error.description)
        }
        switch c.source {
        case .stored:
            let expectedURL = Self.folder.appendingPathComponent(c.name + ".expected")
            let expected = (try? Data(contentsOf: expectedURL)).map { String(decoding: $0, as: UTF8.self) }
            if Self.regenerate {
                if expected != actual + "\n" {
                    try Data((actual + "\n").utf8).write(to: expectedURL)
                    Issue.record("regenerated \(c.name).expected; review the diff and run again without INJURYSIM_REGENERATE_BAD_SCENARIOS")
                }
                return
            }
            guard let expected else {
                Issue.record("\(c.name) has no \(c.name).expected; the decoder says:\n\(actual)")
                return
            }
            #expect(expected == actual + "\n", "\(c.name): rendered error differs from \(c.name).expected")
        case .generated(_, let expected):
            #expect(expected == actual, "\(c.name): rendered error differs from the expectation in BadScenarioCorpusTests")
        }
    }
}
