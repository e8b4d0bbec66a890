import Foundation
import InjurySimCore
import Testing

@testable import InjurySimScenario

/// Every kind of scenario error names its field path, the value found and what is allowed,
/// and all problems are reported at once.
@Suite struct ScenarioValidationTests {
    static let minimal = """
        {
          "name": "t", "startMonth": "2024-01", "months": 12,
          "sectors": {"food": {"ordersPerHour": 4, "shiftHours": 8, "fullTimeDaysPerWeek": 6, "occasionalShare": 0.5,
                               "claimsPerMillionOrders": 2, "severity": {"medicalOnly": 0.9, "grade10": 0.09, "death": 0.01},
                               "medicalCostMeanYuan": {"medicalOnly": 2500, "grade7to10": 15000, "grade5to6": 80000,
                                                       "grade1to4": 250000, "death": 30000}}},
          "platforms": {"p": {"sector": "food", "ratePerOrderYuan": 0.07}},
          "provinces": {"x": {"averageMonthlyWageYuan": 9000, "workers": {"food": 100}}}
        }
        """

    static func issues(_ text: String) -> [ScenarioIssue] {
        do {
            _ = try ScenarioLoader.decode(bytes: Array(text.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    /// Replaces the first occurrence of `old` in the minimal scenario.
    static func variant(_ old: String, _ new: String) -> String {
        precondition(minimal.contains(old), old)
        return minimal.replacingOccurrences(of: old, with: new)
    }

    @Test func minimalScenarioDecodesWithDefaults() throws {
        let scenario = try ScenarioLoader.decode(bytes: Array(Self.minimal.utf8))
        #expect(scenario.replications == 100)
        #expect(scenario.sampleFraction == 1)
        #expect(scenario.platforms[0].shareOfSector == 1)
        #expect(scenario.rollout.count == 1)
        #expect(scenario.fund.shortfall == .borrow)
        #expect(scenario.fund.chargeAdminCost == false, "administration is budget-funded unless the scenario charges the fund")
        #expect(scenario.rateFloat.basis == .paid && scenario.rateFloat.windowMonths == 12)
        #expect(scenario.sectors[0].severity[Severity.death.rawValue].central == 0.01)
    }

    struct Case: Sendable, CustomStringConvertible {
        var old: String
        var new: String
        var path: String
        var message: String
        var description: String { path }
    }

    @Test(arguments: [
        Case(old: "\"months\": 12", new: "\"monhts\": 12", path: "monhts", message: "unknown key"),
        Case(old: "\"months\": 12", new: "\"months\": 0", path: "months", message: "whole number from 1 to 1200"),
        Case(old: "\"months\": 12", new: "\"months\": \"12\"", path: "months", message: "whole number"),
        Case(old: "\"startMonth\": \"2024-01\"", new: "\"startMonth\": \"2024-1\"", path: "startMonth", message: "YYYY-MM"),
        Case(old: "\"ordersPerHour\": 4", new: "\"ordersPerHour\": -4", path: "sectors.food.ordersPerHour", message: "out of range"),
        Case(old: "\"occasionalShare\": 0.5", new: "\"occasionalShare\": 1.5", path: "sectors.food.occasionalShare", message: "from 0 to 1"),
        Case(
            old: "\"claimsPerMillionOrders\": 2", new: "\"claimsPerMillionOrders\": {\"uniform\": [3, 1]}",
            path: "sectors.food.claimsPerMillionOrders.uniform", message: "low must not exceed high"),
        Case(
            old: "\"claimsPerMillionOrders\": 2", new: "\"claimsPerMillionOrders\": {\"gamma\": [3, 1]}",
            path: "sectors.food.claimsPerMillionOrders.gamma", message: "unknown distribution"),
        Case(old: "\"death\": 0.01", new: "\"death\": 0.2", path: "sectors.food.severity", message: "must sum to 1"),
        Case(old: "\"grade10\": 0.09", new: "\"grade11\": 0.09", path: "sectors.food.severity.grade11", message: "unknown key"),
        Case(old: "\"sector\": \"food\"", new: "\"sector\": \"fod\"", path: "platforms.p.sector", message: "no sector named \"fod\""),
        Case(
            old: "\"workers\": {\"food\": 100}", new: "\"workers\": {\"foods\": 100}", path: "provinces.x.workers.foods", message: "no sector named"),
        Case(
            old: "\"ratePerOrderYuan\": 0.07", new: "\"ratePerOrderYuan\": true", path: "platforms.p.ratePerOrderYuan", message: "expected a number"),
        Case(old: "\"name\": \"t\"", new: "\"name\": \"a/b\"", path: "name", message: "letters, digits"),
        Case(old: "\"name\": \"t\"", new: "\"name\": \"..\"", path: "name", message: "not starting with '.'"),
        Case(old: "\"name\": \"t\"", new: "\"name\": \".\"", path: "name", message: "not starting with '.'"),
        Case(old: "\"name\": \"t\"", new: "\"name\": \"\"", path: "name", message: "1 to 100"),
        Case(old: "\"name\": \"t\"", new: "\"name\": \"a\\u0007b\"", path: "name", message: "letters, digits"),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"rollout\": [{\"startMonth\": \"2024-01\", \"provinces\": [\"y\"]}]",
            path: "rollout[0].provinces[0]", message: "no province named \"y\""),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"shocks\": [{\"name\": \"s\", \"months\": 2}]",
            path: "shocks[0]", message: "exactly one of startMonth"),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"fund\": {\"shortfall\": \"panic\"}", path: "fund.shortfall",
            message: "\"borrow\", \"defer\""),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"rateFloat\": {\"basis\": \"incurred\"}", path: "rateFloat.basis",
            message: "\"paid\", \"paidPlusReserves\", \"foresight\""),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"rateFloat\": {\"windowMonths\": 61}", path: "rateFloat.windowMonths",
            message: "whole number from 1 to 60"),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"rateFloat\": {\"windowMonths\": 0}", path: "rateFloat.windowMonths",
            message: "whole number from 1 to 60"),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"fund\": {\"chargeAdminCost\": \"yes\"}", path: "fund.chargeAdminCost",
            message: "expected true or false"),
        Case(
            old: "\"months\": 12", new: "\"months\": 12, \"benefits\": {\"platformPays\": [\"lunch\"]}",
            path: "benefits.platformPays[0]", message: "no benefit item named \"lunch\""),
        Case(old: "\"months\": 12,", new: "", path: "months", message: "required but missing")
    ])
    func eachErrorNamesPathValueAndRule(c: Case) {
        let found = Self.issues(Self.variant(c.old, c.new))
        #expect(found.contains { $0.path == c.path && $0.message.contains(c.message) }, "\(found)")
    }

    @Test func allProblemsAreReportedAtOnce() {
        let text = Self.variant("\"months\": 12", "\"months\": -1, \"replicatons\": 3")
            .replacingOccurrences(of: "\"ordersPerHour\": 4", with: "\"ordersPerHour\": \"four\"")
        let found = Self.issues(text)
        #expect(found.count >= 3)
        #expect(Set(found.map(\.path)).isSuperset(of: ["months", "replicatons", "sectors.food.ordersPerHour"]))
        let months = found.first { $0.path == "months" }
        #expect(months?.value == "-1")
        #expect(months?.line == 2)
    }

    @Test func syntaxErrorsBecomeScenarioErrorsWithLocation() {
        let found = Self.issues("{\n  \"name\": \"t\",\n  \"months\": 1e999\n}")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("out of range") == true)
    }

    @Test func shippedScenariosValidate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.contains("smoke.json"))
        #expect(files.contains("pilot-2022.json"))
        for file in files {
            #expect(throws: Never.self) { _ = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path) }
        }
    }
}
