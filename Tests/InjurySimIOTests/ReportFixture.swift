import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
@testable import InjurySimIO

/// A real results folder's files, from the smoke scenario with a few replications (a second or
/// two), made once per test process and shared.
actor ReportFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = ReportFixture()

    private var made: Task<[String: String], Never>?

    /// The files of `run Scenarios/smoke.json --replications 5`, keyed by name.
    static func smoke() async -> [String: String] { await shared.files() }

    private func files() async -> [String: String] {
        if let made { return await made.value }
        let task = Task { () -> [String: String] in
            guard let loaded = try? ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/smoke.json").path) else {
                return [:]
            }
            var scenario = loaded.scenario
            scenario.replications = 5
            let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<5, threads: 2, progress: nil)
            let summary = RunSummary(scenario: scenario, results: results)
            let files = ResultFiles(scenario: scenario, scenarioFile: "smoke.json", contentHash: loaded.contentHash, results: results, summary: summary, report: true)
            return Dictionary(uniqueKeysWithValues: files.files.map { ($0.name, $0.text) })
        }
        made = task
        return await task.value
    }
}
