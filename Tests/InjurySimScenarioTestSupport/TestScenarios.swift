import Foundation
import InjurySimCore
import InjurySimScenario

/// Shipped scenarios, loaded from the package's Scenarios folder.
package enum TestScenarios {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios").appendingPathComponent(name).path).scenario
    }
}
