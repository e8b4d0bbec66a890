import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

/// `--set` against the declarations: a misspelt key or name is refused with the nearest one, and
/// does not make a new, incomplete sector; what the declarations allow may be added.
@Suite struct OverrideSuggestionTests {
    static let smokePath = TestScenarios.root.appendingPathComponent("Scenarios/smoke.json").path

    struct Refused: Sendable, CustomTestStringConvertible {
        var argument: String
        /// Phrases the one problem must hold.
        var phrases: [String]
        var testDescription: String { argument }
    }

    static let refused: [Refused] = [
        Refused(
            argument: "sectors.food-delivry.claimsPerMillionOrders=3",
            phrases: ["no sector named \"food-delivry\"", "did you mean \"food-delivery\"?", "defined: food-delivery, ride-hailing"]),
        Refused(argument: "platforms.meitaun.ratePerOrderYuan=0.09", phrases: ["no platform named \"meitaun\"", "did you mean \"meituan\"?"]),
        Refused(argument: "provinces.nroth.riskMultiplier=2", phrases: ["no province named \"nroth\"", "did you mean \"north\"?"]),
        Refused(argument: "provinces.elsewhere.riskMultiplier=2", phrases: ["no province named \"elsewhere\"; defined: north, south"]),
        Refused(argument: "fund.adminCostShar=0.1", phrases: ["unknown key \"adminCostShar\" in fund", "did you mean \"adminCostShare\"?"]),
        Refused(argument: "replicatons=5", phrases: ["unknown key \"replicatons\" in the scenario", "did you mean \"replications\"?"]),
        Refused(
            argument: "sectors.food-delivery.severity.deaht=0.1",
            phrases: ["unknown key \"deaht\" in sectors.food-delivery.severity", "did you mean \"death\"?"]),
        Refused(argument: "basis.investmentReturnPerYer=0.01", phrases: ["did you mean \"investmentReturnPerYear\"?"]),
        Refused(argument: "shocks[0].month=2", phrases: ["unknown key \"month\" in shocks[0]", "did you mean \"months\"?"]),
        Refused(argument: "rollout[0].rampMonths=2", phrases: ["the scenario has no rollout", "give the whole list: --set 'rollout=[…]'"]),
        Refused(argument: "shocks.summer-storm.orders=2", phrases: ["name an entry by its index", "did you mean \"summer-storms\"?"])
    ]

    @Test(arguments: refused) func misspeltPathsAreRefusedWithTheNearestName(_ test: Refused) throws {
        let override = try ScenarioOverride(parsing: test.argument)
        do {
            _ = try ScenarioLoader.load(path: Self.smokePath, overrides: [override])
            Issue.record("accepted \(test.argument)")
        } catch {
            #expect(error.issues.count == 1, "\(error)")
            for phrase in test.phrases { #expect(error.description.contains(phrase), "\(error)") }
            #expect(error.description.contains("--set: "), "\(error)")
            #expect(!error.description.contains("line -1"), "\(error)")
        }
    }

    /// A key the declarations allow but the file leaves out, a new key of a free map, and a whole
    /// new entry are added and checked like the file.
    @Test func declaredKeysAndWholeEntriesMayBeAdded() throws {
        let set = try [
            ScenarioOverride(parsing: "basis.discountMarginPerYear=0.01"),
            ScenarioOverride(parsing: "provinces.north.platformShares.meituan=0.6"),
            ScenarioOverride(parsing: "provinces.north.platformShares.eleme=0.4")
        ]
        let scenario = try ScenarioLoader.load(path: Self.smokePath, overrides: set).scenario
        #expect(scenario.basis.discountMarginPerYear == 0.01)
        #expect(scenario.provinces[0].platformShares[0] == 0.6)
        // A new sector given whole reaches the decoder, which names what it lacks.
        let whole = try ScenarioOverride(parsing: #"sectors.courier={"ordersPerHour": 3}"#)
        do {
            _ = try ScenarioLoader.load(path: Self.smokePath, overrides: [whole])
            Issue.record("a sector without its required inputs was accepted")
        } catch {
            #expect(error.issues.contains { $0.path == "sectors.courier.shiftHours" && $0.message.contains("required but missing") }, "\(error)")
        }
    }

    /// A misspelt name where another name is referenced gets the nearest defined one.
    @Test func misspeltReferencesSuggestTheDefinedName() throws {
        let override = try ScenarioOverride(parsing: "platforms.caocao.sector=ride-haling")
        do {
            _ = try ScenarioLoader.load(path: Self.smokePath, overrides: [override])
            Issue.record("accepted")
        } catch {
            #expect(error.issues.count == 1, "\(error)")
            #expect(error.description.contains("no sector named \"ride-haling\"; did you mean \"ride-hailing\"?"), "\(error)")
        }
    }
}

/// One mistake is one problem: a misspelt key inside a sector is not also reported as the
/// required key it misses, nor at every platform and province that names the sector.
@Suite struct NoCascadeTests {
    static func issues(replacing old: String, with new: String) throws -> [ScenarioIssue] {
        let text = try String(contentsOfFile: OverrideSuggestionTests.smokePath, encoding: .utf8)
        let range = try #require(text.range(of: old))
        do {
            _ = try ScenarioLoader.decode(bytes: Array(text.replacingCharacters(in: range, with: new).utf8))
            Issue.record("accepted")
            return []
        } catch { return error.issues }
    }

    @Test func aMisspeltRequiredKeyInASectorIsOneProblem() throws {
        let found = try Self.issues(replacing: "\"claimsPerMillionOrders\"", with: "\"claimsPerMilionOrders\"")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == "sectors.food-delivery.claimsPerMilionOrders")
        #expect(found.first?.message.contains("did you mean \"claimsPerMillionOrders\"?") == true)
    }

    @Test func aWrongValueInASectorIsNotRepeatedAtItsReferences() throws {
        let found = try Self.issues(replacing: "\"ordersPerHour\": 4.0", with: "\"ordersPerHour\": \"four\"")
        #expect(found.map(\.path) == ["sectors.food-delivery.ordersPerHour"], "\(found)")
    }
}

/// ``ScenarioIssue/sortedByPlace(_:)``: the order a reader fixes problems in.
@Suite struct IssueOrderTests {
    static func issue(_ path: String, line: Int, column: Int = 1, file: String = "") -> ScenarioIssue {
        ScenarioIssue(path: path, value: "", message: "m", line: line, column: column, file: file)
    }

    @Test func problemsAreSortedByPlace() {
        let issues = [
            Self.issue("unplaced", line: 0), Self.issue("base", line: 2, file: "base.json"), Self.issue("late", line: 30),
            Self.issue("early-right", line: 4, column: 9), Self.issue("early-left", line: 4, column: 2), Self.issue("set", line: -1),
            Self.issue("early-left-second", line: 4, column: 2)
        ]
        #expect(
            ScenarioIssue.sortedByPlace(issues).map(\.path) == [
                "set", "early-left", "early-left-second", "early-right", "late", "base", "unplaced"
            ])
    }

    /// A file whose mistakes are found out of order (a reference checked before a key's typo)
    /// lists them by line.
    @Test func aDecodedFileListsItsProblemsByLine() throws {
        var text = try String(contentsOfFile: OverrideSuggestionTests.smokePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"seed\"", with: "\"sed\"")
        text = text.replacingOccurrences(
            of: #""caocao":  {"label": {"en": "Caocao", "zh": "曹操出行"}, "sector": "ride-hailing""#,
            with: #""caocao":  {"label": {"en": "Caocao", "zh": "曹操出行"}, "sector": "ride-hailng""#)
        #expect(text.contains("ride-hailng"), "smoke.json's caocao line changed: update this test")
        do {
            _ = try ScenarioLoader.decode(bytes: Array(text.utf8))
            Issue.record("accepted")
        } catch {
            let lines = error.issues.map(\.line)
            #expect(lines == lines.sorted() && lines.count == 2, "\(error)")
            #expect(error.description.contains("did you mean \"seed\"?") && error.description.contains("did you mean \"ride-hailing\"?"))
        }
    }
}
