import Foundation
import InjurySimCore

/// Reads scenario files: bytes → JSON with comments → a validated ``Scenario``.
public enum ScenarioLoader {
    /// Loads and validates a scenario file. Throws ``ScenarioError`` listing every problem.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> (scenario: Scenario, contentHash: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", value: "", message: "the file \(reason)", line: 0, column: 0)])
        }
        let bytes = [UInt8](data)
        var baseBytes: [UInt8] = []
        let scenario = try decode(bytes: bytes, file: path, overrides: overrides, baseBytes: &baseBytes)
        return (scenario, contentHash(bytes + baseBytes))
    }

    /// Parses and validates scenario text.
    public static func decode(bytes: [UInt8], file: String = "<scenario>", overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        var baseBytes: [UInt8] = []
        return try decode(bytes: bytes, file: file, overrides: overrides, baseBytes: &baseBytes)
    }

    static func decode(bytes: [UInt8], file: String, overrides: [ScenarioOverride], baseBytes: inout [UInt8]) throws(ScenarioError) -> Scenario {
        var root: JSONNode
        do {
            root = try JSONCParser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "", value: "", message: "syntax error: " + error.message,
                                                                   line: error.line, column: error.column)])
        }
        root = try ScenarioInheritance.resolve(root, file: file, baseBytes: &baseBytes)
        for override in overrides {
            do throws(ScenarioError) {
                root = try override.apply(to: root)
            } catch {
                throw ScenarioError(file: file, issues: error.issues)
            }
        }
        let log = IssueLog()
        let scenario = ScenarioDecoder.decode(root, log: log)
        guard let scenario, log.issues.isEmpty else {
            throw ScenarioError(file: file, issues: log.issues)
        }
        return scenario
    }

    /// A stable content hash of the scenario bytes and its bases' (FNV-1a 64, hex), recorded in the manifest.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
