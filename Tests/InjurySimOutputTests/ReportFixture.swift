import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A real results folder's files, from the smoke scenario with a few replications (a second or
/// two), made once per test process and shared.
actor ReportFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = ReportFixture()

    private var made: Task<(files: [String: String], metrics: [ReplicationMetrics], scenario: Scenario?), Never>?

    /// The files of `run Scenarios/smoke.json --replications 5`, keyed by name.
    static func smoke() async -> [String: String] { await shared.run().files }

    /// The same run's per-replication figures (what the policy commands are made of) and scenario.
    static func smokeMetrics() async -> (metrics: [ReplicationMetrics], scenario: Scenario?) {
        let run = await shared.run()
        return (run.metrics, run.scenario)
    }

    private func run() async -> (files: [String: String], metrics: [ReplicationMetrics], scenario: Scenario?) {
        if let made { return await made.value }
        let task = Task { () -> (files: [String: String], metrics: [ReplicationMetrics], scenario: Scenario?) in
            guard let loaded = try? ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/smoke.json").path) else {
                return ([:], [], nil)
            }
            var scenario = loaded.scenario
            scenario.replications = 5
            let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<5, threads: 2, progress: nil)
            let summary = RunSummary(scenario: scenario, results: results)
            let files = ResultFiles(
                scenario: scenario, scenarioFile: "smoke.json", contentHash: loaded.contentHash, results: results, summary: summary, report: true)
            return (
                Dictionary(uniqueKeysWithValues: files.files.map { ($0.name, $0.text) }), results.map { ReplicationMetrics($0, scenario: scenario) },
                scenario
            )
        }
        made = task
        return await task.value
    }
}
