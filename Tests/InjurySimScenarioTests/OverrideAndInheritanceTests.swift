import Foundation
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario

@Suite struct OverrideAndInheritanceTests {
    static let smokePath = TestScenarios.root.appendingPathComponent("Scenarios/smoke.json").path

    @Test func overridesChangeFieldsAndAreValidatedLikeTheFile() throws {
        let set = try [
            ScenarioOverride(parsing: "fund.shortfall=defer"), ScenarioOverride(parsing: "platforms.meituan.ratePerOrderYuan=0.09"),
            ScenarioOverride(parsing: "rollout=[{\"startMonth\": \"2024-03\", \"rampMonths\": 2}]")
        ]
        let (scenario, hash) = try ScenarioLoader.load(path: Self.smokePath, overrides: set)
        #expect(scenario.fund.shortfall == .defer)
        #expect(scenario.platforms[0].ratePerOrderYuan.central == 0.09)
        #expect(scenario.rollout.first?.rampMonths == 2)
        #expect(!hash.isEmpty)
    }

    @Test(arguments: [
        ("fund.shortfal=defer", "fund.shortfal", "unknown key"),
        ("platforms.meituan.ratePerOrderYuan=-1", "platforms.meituan.ratePerOrderYuan", "out of range"),
        ("months=twelve", "months", "whole number"),
        ("shocks[3].months=2", "shocks[3].months", "has 1 entries"),
        ("months.value=2", "months.value", "not an object"),
        ("nonsense", "nonsense", "PATH=VALUE")
    ])
    func badOverridesNamePathAndValue(argument: String, path: String, message: String) {
        do {
            let override = try ScenarioOverride(parsing: argument)
            _ = try ScenarioLoader.load(path: Self.smokePath, overrides: [override])
            Issue.record("accepted \(argument)")
        } catch {
            #expect(error.issues.contains { $0.path == path && $0.message.contains(message) }, "\(error.issues)")
            #expect(error.description.contains("--set") || error.description.contains("line"))
        }
    }

    @Test func sweepAxesParseListsAndRanges() throws {
        #expect(try SweepAxis(parsing: "a.b=0.03:0.06:0.01").values == ["0.03", "0.04", "0.05", "0.06"])
        #expect(try SweepAxis(parsing: "pooling=province,national").values == ["province", "national"])
        #expect(try SweepAxis(parsing: "x={\"uniform\":[1,2]}").values == ["{\"uniform\":[1,2]}"])
        #expect(throws: ScenarioError.self) { try SweepAxis(parsing: "a=1:0:0.1") }
        #expect(throws: ScenarioError.self) { try SweepAxis(parsing: "a=1,,2") }
    }

    @Test func extendsMergesObjectsAndReplacesLists() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.smokePath, toPath: dir.appendingPathComponent("base.json").path)
        let child = dir.appendingPathComponent("child.json")
        try """
        { "extends": "base.json", "name": "child", "fund": {"shortfall": "defer"},
          "sectors": {"ride-hailing": {"ordersPerHour": 2.5}}, "shocks": [] }
        """.write(to: child, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: child.path).scenario
        #expect(scenario.name == "child")
        #expect(scenario.fund.shortfall == .defer)
        #expect(scenario.sectors[1].ordersPerHour.central == 2.5)
        #expect(scenario.sectors[1].shiftHours.central == 9)  // kept from the base
        #expect(scenario.shocks.isEmpty)  // lists replace
        #expect(scenario.provinces.count == 2)

        let loop = dir.appendingPathComponent("loop.json")
        try "{ \"extends\": \"loop.json\", \"name\": \"x\" }".write(to: loop, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: loop.path) }

        let broken = dir.appendingPathComponent("broken.json")
        try "{ \"extends\": \"base.json\", \"name\": \"b\", \"sectors\": {\"ride-hailing\": {\"ordersPerHour\": -3}} }"
            .write(to: broken, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: broken.path)
            Issue.record("accepted a negative ordersPerHour")
        } catch {
            #expect(error.issues.contains { $0.path == "sectors.ride-hailing.ordersPerHour" && $0.line == 1 && $0.file.isEmpty })
        }
    }
}
