import Foundation
import InjurySimCore
import InjurySimOutput
import InjurySimScenario

@testable import InjurySimEngine

/// Shipped scenarios, loaded from the package's Scenarios folder.
enum TestScenarios {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios").appendingPathComponent(name).path).scenario
    }
}

extension ReplicationCoordinator {
    /// The claim builder of one replication, as the month loop makes it.
    func claims(_ inputs: ReplicationInputs) -> ClaimBuilder {
        ClaimBuilder(scenario: scenario, inputs: inputs, clock: ChainClock(start: scenario.startMonth, months: scenario.months))
    }
}
