import Foundation
import InjurySimAnalysis
import InjurySimCore
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// One path per uncertain input (``InputField``, ``InputPath``): the path a modeler writes after
/// `--set` is the path `manifest.json` lists and the path of the stream the input is drawn on.
/// Each shipped scenario is loaded with every declared input set by `--set` to a distribution
/// about its central value; then every input must be listed by that path, and drawn on the
/// stream that path names (a sector drawn as another: that sector's path).
@Suite struct InputDeclarationTests {
    static let scenarios = ["smoke.json", "pilot-2022.json", "expansion-2025.json", "national-2026.json", "national-2026-chained.json"]

    /// A uniform distribution about `param`'s central value, within the declared range.
    static func spread(_ param: Param) -> (low: Double, high: Double) {
        let c = param.central, d = max(abs(c) * 0.05, 1e-3)
        return (max(param.bounds.lowerBound, c - d), min(param.bounds.upperBound, c + d))
    }

    static func loadWithEveryInputUncertain(_ file: String) throws -> (plain: Scenario, uncertain: Scenario) {
        let path = ReportFixture.root.appendingPathComponent("Scenarios/" + file).path
        let plain = try ScenarioLoader.load(path: path).scenario
        var overrides = [try ScenarioOverride(parsing: "fund.chargeAdminCost=true")]
        for input in plain.inputs {
            let (low, high) = spread(input.param)
            overrides.append(try ScenarioOverride(parsing: "\(input.path.text)={\"uniform\": [\(low), \(high)]}"))
        }
        return (plain, try ScenarioLoader.load(path: path, overrides: overrides).scenario)
    }

    @Test(arguments: scenarios)
    func everyInputIsSettableListedAndDrawnByItsOnePath(file: String) throws {
        let (plain, scenario) = try Self.loadWithEveryInputUncertain(file)
        #expect(!plain.inputs.isEmpty)
        // --set reached every declared input: each is now the uniform it was given.
        let given = Dictionary(plain.inputs.map { ($0.path.text, Self.spread($0.param)) }, uniquingKeysWith: { a, _ in a })
        for input in scenario.inputs {
            let spread = try #require(given[input.path.text])
            #expect(input.param.notation == Param(.uniform(low: spread.low, high: spread.high)).notation, "\(input.path)")
        }
        // The manifest lists each by the same path, with the stream's path where it differs.
        let manifest = ResultFiles.manifestJSON(scenario: scenario, scenarioFile: file, contentHash: "").rendered()
        let listed = try #require(
            (try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])?["uncertainInputs"] as? [[String: String]])
        #expect(listed.map { $0["path"] ?? "" } == scenario.inputs.map(\.path.text))
        for (entry, input) in zip(listed, scenario.inputs) {
            let stream = scenario.streamPath(input.path)
            #expect(entry["drawnAs"] == (stream == input.path ? nil : stream.text), "\(input.path)")
        }
        // The replication draws each on the stream its path names: the same paths, and each value
        // is the input's own distribution drawn on that stream.
        nonisolated(unsafe) var drawn: [(path: InputPath, value: Double)] = []
        _ = ReplicationInputs(scenario: scenario, replication: 3, drew: { drawn.append(($0, $1)) })
        #expect(drawn.map(\.path.text).sorted() == scenario.inputs.map { scenario.streamPath($0.path).text }.sorted())
        let root = StreamKey(seed: scenario.seed).child(3)
        for (path, value) in drawn {
            let owners = scenario.inputs.filter { scenario.streamPath($0.path) == path }
            #expect(owners.contains { $0.param.draw(root.child(named: "input/" + path.text)) == value }, "\(path)")
        }
    }

    @Test func aPathThatNamesNoDeclaredInputIsRefusedByTheLoader() throws {
        let path = ReportFixture.root.appendingPathComponent("Scenarios/smoke.json").path
        let override = try ScenarioOverride(parsing: "sectors.food-delivery.claimsPerBillionOrders={\"uniform\": [1, 2]}")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: [override]) }
        // A shock is named as the manifest names it; a name that is no shock's lists the names.
        let named = try ScenarioOverride(parsing: "shocks.summer-storms.orders=1.5")
        let scenario = try ScenarioLoader.load(path: path, overrides: [named]).scenario
        #expect(scenario.shocks.first { $0.name == "summer-storms" }.map { $0.orders.isFixed && $0.orders.central == 1.5 } == true)
        let wrong = try ScenarioOverride(parsing: "shocks.winter.orders=1.5")
        #expect {
            try ScenarioLoader.load(path: path, overrides: [wrong])
        } throws: { error in
            "\(error)".contains("shocks is a list; name an entry by its index, shocks[0], or by its name (summer-storms")
        }
    }

    /// Each sensitivity row varies the declared inputs its path names, and nothing else.
    @Test(arguments: PolicyCommands.sensitivityInputs.indices)
    func aSensitivityRowChangesExactlyTheInputsItNames(row: Int) throws {
        let (_, scenario) = try Self.loadWithEveryInputUncertain("smoke.json")
        let input = PolicyCommands.sensitivityInputs[row]
        for high in [false, true] {
            let changed = input.apply(scenario, high)
            var touched = 0
            for (before, after) in zip(scenario.inputs, changed.inputs) {
                #expect(before.path == after.path)
                if input.matches(before.path) {
                    touched += 1
                    #expect(before.param != after.param, "\(input.name): \(before.path)")
                } else {
                    #expect(before.param == after.param, "\(input.name): \(before.path)")
                }
            }
            #expect(touched > 0, "\(input.name) names no input (\(input.path))")
        }
        // The path the row shows says which inputs it varies: `*` any sector or platform, `a|b`
        // the members named, none named every member.
        var pattern = "^" + NSRegularExpression.escapedPattern(for: input.path).replacingOccurrences(of: "\\*", with: "[^.]+")
        pattern = pattern.replacingOccurrences(of: "\\|", with: "|")
        if let dot = pattern.range(of: "\\.", options: .backwards), pattern[dot.upperBound...].contains("|") {
            pattern = String(pattern[..<dot.lowerBound]) + "\\.(" + pattern[dot.upperBound...] + ")$"
        } else {
            pattern += "(\\.[^.]+)?$"
        }
        let regex = try NSRegularExpression(pattern: pattern)
        for candidate in scenario.inputs.map(\.path) {
            let text = candidate.text
            let shown = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(input.matches(candidate) == shown, "\(input.name) (\(input.path)): \(text)")
        }
    }
}
