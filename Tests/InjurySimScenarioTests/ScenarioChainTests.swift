import Foundation
import Testing

@testable import InjurySimCore
@testable import InjurySimScenario

/// `continues`: the earlier phase is read relative to the file that names it (also when that
/// file is a base), its bytes count in the content hash, `--set` changes only the later phase,
/// and a part's resolved document carries the earlier phase inline and decodes to the same chain.
@Suite struct ScenarioChainTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folder() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent("phases"), withIntermediateDirectories: true)
        return dir
    }

    static let good = repository.appendingPathComponent("Tests/InjurySimScenarioTests/BadScenarios/bases/good.jsonc")

    static func write(_ text: String, _ url: URL) throws { try text.write(to: url, atomically: true, encoding: .utf8) }

    @Test func theShippedExpansionContinuesThePilot() throws {
        let expansion = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("Scenarios/expansion-2025.json").path).scenario
        #expect(expansion.earlierPhases.map(\.name) == ["pilot-2022"])
        let phases = expansion.phasesToRun
        #expect(phases.map(\.months) == [36] && phases[0].sampleFraction == expansion.sampleFraction)
        let national = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("Scenarios/national-2026-chained.json").path).scenario
        #expect(national.phasesToRun.map(\.name) == ["pilot-2022", "expansion-2025"])
        #expect(national.phasesToRun.map(\.months) == [36, 12])
    }

    /// The money bound is a month's, over the whole chain: the shipped projection to December
    /// 2075 passes it well inside the range (a month at most a fiftieth of it) (what accumulates is checked as it runs); the chain's
    /// bound counts the earlier phases and the growth since the pilot, so it is above the file's
    /// alone; and a chain one of whose months could leave the range is refused on `months`.
    @Test func theChainsMoneyBoundIsAMonthsAndTheHorizonRunsTo2075() throws {
        let shipped = Self.repository.appendingPathComponent("Scenarios/national-2075.json")
        let scenario = try ScenarioLoader.load(path: shipped.path).scenario
        #expect(scenario.months == 594 && scenario.startMonth.adding(months: scenario.months - 1) == YearMonth(year: 2075, month: 12))
        #expect(MoneyRange.monthBoundFen(scenario) < MoneyRange.limitFen / 50)
        var alone = scenario
        alone.earlierPhases = []  // the file read alone: growth from its own start
        #expect(MoneyRange.monthBoundFen(scenario) > MoneyRange.monthBoundFen(alone))
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let longer = dir.appendingPathComponent("longer.json")
        try Self.write("{\"extends\": \"\(shipped.path)\", \"months\": 1200, \"basis\": {\"wageGrowthPerYear\": 0.5}}", longer)
        #expect(throws: ScenarioError.self) { _ = try ScenarioLoader.load(path: longer.path) }
        do {
            _ = try ScenarioLoader.load(path: longer.path)
        } catch {
            #expect(error.issues.map(\.path) == ["months"])
            #expect(error.issues.first?.message.contains("one month") == true, "\(error)")
        }
    }

    @Test func pathsAreRelativeToTheFileThatNamesThemAndTheHashCoversThem() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try String(contentsOf: Self.good, encoding: .utf8)
        try Self.write(base, dir.appendingPathComponent("phases/first.json"))
        // The base of the later file names the earlier phase relative to itself.
        try Self.write(
            "{\"extends\": \"first.json\", \"name\": \"second\", \"startMonth\": \"2024-07\", \"continues\": \"first.json\"}",
            dir.appendingPathComponent("phases/second.json"))
        try Self.write("{\"extends\": \"phases/second.json\", \"seed\": 5}", dir.appendingPathComponent("later.json"))
        let later = dir.appendingPathComponent("later.json").path
        let (scenario, hash) = try ScenarioLoader.load(path: later, overrides: [try ScenarioOverride(parsing: "months=3")])
        #expect(scenario.continues == "bad-case" && scenario.earlierPhases.map(\.months) == [12])
        #expect(scenario.months == 3, "--set changes the later phase only")
        #expect(scenario.phasesToRun.map(\.months) == [6])
        // The earlier phase's bytes are part of the content hash.
        try Self.write(base.replacingOccurrences(of: "\"months\": 12", with: "\"months\": 11"), dir.appendingPathComponent("phases/first.json"))
        #expect(try ScenarioLoader.load(path: later, overrides: [try ScenarioOverride(parsing: "months=3")]).contentHash != hash)
        // A part's resolved document holds the earlier phase inline and needs no files.
        let text = try ScenarioLoader.resolvedText(path: later)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("phases"))
        let decoded = try ScenarioLoader.decode(bytes: Array(text.utf8))
        #expect(decoded.earlierPhases.map(\.months) == [11] && decoded.continues == "bad-case")
    }
}
