import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenarioTestSupport

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A study of the smoke scenario run the two ways the CLI runs it — on one machine, and as
/// shards written to in-memory parts — through the same library calls as `run` and
/// `run --shard` (Program.load's options, the resolved document, PartFiles).
struct ShardStudy {
    var seed: UInt64
    var replications: Int
    var sampleFraction: Double = 1
    /// `--set` overrides; `months=4` keeps the smoke scenario fast in a debug build.
    var sets = ["months=4"]

    static let path = TestScenarios.root.appendingPathComponent("Scenarios/smoke.json").path

    var overrides: [ScenarioOverride] { get throws { try sets.map { try ScenarioOverride(parsing: $0) } } }

    /// The scenario, content hash and result files of a single-machine `run`.
    func singleRun() async throws -> [(name: String, text: String)] {
        var (scenario, hash) = try ScenarioLoader.load(path: Self.path, overrides: overrides)
        scenario.seed = seed
        scenario.replications = replications
        scenario.sampleFraction = sampleFraction
        if !sets.isEmpty { hash += "+set:" + sets.joined(separator: ";") }
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<replications, threads: 2)
        return ResultFiles(
            scenario: scenario, scenarioFile: "smoke.json", contentHash: hash, results: results,
            summary: RunSummary(scenario: scenario, results: results)
        ).files
    }

    /// The files of shard `shard` as `run --shard` writes them.
    func part(_ shard: ShardSelection) async throws -> [String: [UInt8]] {
        var hash = try ScenarioLoader.load(path: Self.path, overrides: overrides).contentHash
        if !sets.isEmpty { hash += "+set:" + sets.joined(separator: ";") }
        let text = try ScenarioLoader.resolvedText(path: Self.path, overrides: overrides)
        let scenario = try PartFiles.scenario(
            text: Array(text.utf8), file: Self.path, seed: seed, replications: replications,
            sampleFraction: sampleFraction, uncertainty: true)
        let coordinator = ReplicationCoordinator(scenario: scenario)
        let results = await MonteCarloRunner.run(jobs: shard.replications(of: replications).map { (coordinator, $0) }, threads: 2)
        let files = PartFiles(
            scenario: scenario, study: .init(scenarioFile: "smoke.json", contentHash: hash, sets: sets, scenarioText: text),
            shard: shard, results: results
        ).files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.bytes) })
    }

    /// Every part of an N-way split.
    func parts(count: Int) async throws -> [[String: [UInt8]]] {
        var parts: [[String: [UInt8]]] = []
        for index in 1...count { parts.append(try await part(ShardSelection(index: index, count: count))) }
        return parts
    }

    /// Parts as a merge reads them from disk: the manifest parsed from its bytes, files by name.
    static func merge(_ parts: [[String: [UInt8]]]) throws(PartError) -> PartMerge.Merged {
        var loaded: [PartMerge.Part] = []
        for (index, files) in parts.enumerated() {
            let label = "parts/\(index + 1)"
            let manifest = try PartManifest(parsing: files["manifest.json"] ?? [], part: label)
            loaded.append(PartMerge.Part(label: label, manifest: manifest) { files[$0] })
        }
        return try PartMerge.merge(loaded)
    }

    /// The problems a merge reports, or nil when it succeeds.
    static func refusal(_ parts: [[String: [UInt8]]]) -> PartError? {
        do throws(PartError) {
            _ = try merge(parts)
            return nil
        } catch { return error }
    }
}
