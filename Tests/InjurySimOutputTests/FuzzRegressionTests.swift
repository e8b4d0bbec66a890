import Foundation
import InjurySimCore
import InjurySimEngine
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// Every input the fuzzer (Fuzz/) found to crash the process, replayed: it must now be refused
/// with a scenario error or run through planning and replication inputs with finite values.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes-found")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theCrashFolderHoldsTheKnownReproducers() {
        #expect(Self.cases.count >= 3)
    }

    /// The harness's input format: scenario bytes, then optional lines `//SET PATH=VALUE`.
    static func split(_ text: String) -> (scenario: String, overrides: [String]) {
        let parts = text.components(separatedBy: "\n//SET ")
        return (parts[0], parts.dropFirst().map { $0.trimmingCharacters(in: .newlines) })
    }

    @Test(arguments: cases) func aCrashFoundByTheFuzzerNoLongerCrashes(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let (body, sets) = Self.split(text)
        let scenario: Scenario
        do throws(ScenarioError) {
            let overrides = try sets.map { line throws(ScenarioError) in try ScenarioOverride(parsing: line) }
            scenario = try ScenarioLoader.decode(bytes: Array(body.utf8), overrides: overrides)
        } catch {
            #expect(!error.issues.isEmpty)
            return
        }
        _ = PopulationPlan.shards(scenario)
        for replication in 0..<2 {
            let inputs = ReplicationInputs(scenario: scenario, replication: replication)
            #expect(inputs.provinceWageYuan.allSatisfy { $0.isFinite })
            #expect(inputs.sectors.allSatisfy { $0.claimsPerOrder.isFinite && $0.severity.allSatisfy { $0.isFinite } })
            #expect(inputs.claimRules.lifetime.pensionYuanPerMonth.isFinite && inputs.claimRules.lifetime.lifeTable.loading >= 0)
        }
    }

    /// The checkpoint fuzzer's findings (`*.isck`, its input framing: Fuzz/README.md), replayed
    /// through the same --resume path: refused or summarised, never a trap.
    static var checkpointCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".isck") }.sorted()
    }

    @Test func theCheckpointFindingsAreThere() { #expect(!Self.checkpointCases.isEmpty) }

    @Test(arguments: checkpointCases) func aCheckpointFoundByTheFuzzerNoLongerCrashes(_ name: String) throws {
        let input = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let mark = Array("\n--ISCK-ENTRY--\n".utf8)
        var pieces: [[UInt8]] = [[]]
        var index = 1
        while index < input.count {
            if index + mark.count <= input.count && Array(input[index..<(index + mark.count)]) == mark {
                pieces.append([])
                index += mark.count
            } else {
                pieces[pieces.count - 1].append(input[index])
                index += 1
            }
        }
        let flags = input[0]
        let entries = pieces.dropFirst().prefix(8).map { flags & 1 != 0 ? CheckpointProbe.sealed($0) : $0 }
        let smoke = Self.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/smoke.json")
        let scenario = try ScenarioLoader.decode(
            bytes: [UInt8](try Data(contentsOf: smoke)), overrides: [try ScenarioOverride(parsing: "months=3")])
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let used = CheckpointProbe.resume(header: flags & 2 != 0 ? nil : pieces[0], entries: Array(entries), scenario: scenario, base: base.path)
        #expect(used <= entries.count)
    }
}
