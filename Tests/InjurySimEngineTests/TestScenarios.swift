import Foundation
import InjurySimCore
import InjurySimIO

/// Shipped scenarios, loaded from the package's Scenarios folder.
enum TestScenarios {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios").appendingPathComponent(name).path).scenario
    }
}
