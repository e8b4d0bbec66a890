import Foundation
import InjurySimCore

/// Reads scenario files: bytes → JSON with comments → a validated ``Scenario``.
public enum ScenarioLoader {
    /// Loads and validates a scenario file. Throws ``ScenarioError`` listing every problem.
    package static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> (scenario: Scenario, contentHash: String) {
        let bytes: [UInt8]
        switch read(path) {
        case .success(let contents): bytes = contents
        case .failure(let problem):
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", value: "", message: problem.message, line: 0, column: 0)])
        }
        var baseBytes: [UInt8] = []
        let scenario = try decode(bytes: bytes, file: path, overrides: overrides, baseBytes: &baseBytes)
        return (scenario, contentHash(bytes + baseBytes))
    }

    /// The valid range of `sampleFraction`, for the scenario field and `--sample-fraction` alike.
    package static let sampleFractionRange: ClosedRange<Double> = 0.000001...1

    /// The largest scenario file read, in bytes (16 MiB: the national scenario is under 20 KB).
    package static let maximumFileBytes = 16 * 1_048_576

    /// Why a scenario file could not be read.
    package struct ReadProblem: Error, Sendable { package var message: String }

    /// Reads a scenario file of at most ``maximumFileBytes``; refuses folders, devices and pipes
    /// (reading `/dev/zero` would never end).
    package static func read(_ path: String) -> Result<[UInt8], ReadProblem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(
                ReadProblem(message: errno == ENOENT ? "the file does not exist" : "the file cannot be read (\(String(cString: strerror(errno))))"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadProblem(message: "is not a regular file")) }
        guard info.st_size <= maximumFileBytes else {
            return .failure(ReadProblem(message: "the file has \(info.st_size) bytes; scenario files may have at most \(maximumFileBytes) (16 MiB)"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadProblem(message: "the file cannot be read (\(String(cString: strerror(errno))))"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
            guard data.count <= maximumFileBytes else {
                return .failure(ReadProblem(message: "the file has more than \(maximumFileBytes) bytes; scenario files may have at most 16 MiB"))
            }
            return .success([UInt8](data))
        } catch {
            return .failure(ReadProblem(message: "the file cannot be read (\(error.localizedDescription))"))
        }
    }

    /// Parses and validates scenario text.
    public static func decode(bytes: [UInt8], file: String = "<scenario>", overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        guard bytes.count <= maximumFileBytes else {
            throw ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "", value: "", message: "the scenario has \(bytes.count) bytes; at most \(maximumFileBytes) (16 MiB) are allowed",
                        line: 0, column: 0)
                ])
        }
        var baseBytes: [UInt8] = []
        return try decode(bytes: bytes, file: file, overrides: overrides, baseBytes: &baseBytes)
    }

    static func decode(
        bytes: [UInt8], file: String, overrides: [ScenarioOverride], baseBytes: inout [UInt8], chain: [String] = []
    ) throws(ScenarioError) -> Scenario {
        var root: JSONNode
        do {
            root = try JSONCParser.parse(bytes)
        } catch {
            throw ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "", value: "", message: "syntax error: " + error.message,
                        line: error.line, column: error.column)
                ])
        }
        root = try ScenarioInheritance.resolve(root, file: file, baseBytes: &baseBytes)
        for override in overrides {
            do throws(ScenarioError) {
                root = try override.apply(to: root)
            } catch {
                throw ScenarioError(file: file, issues: error.issues)
            }
        }
        return try decode(root: root, file: file, baseBytes: &baseBytes, chain: chain)
    }

    /// Validates a document whose `extends` are resolved and overrides applied, and links the
    /// phase it continues.
    static func decode(root: JSONNode, file: String, baseBytes: inout [UInt8], chain: [String]) throws(ScenarioError) -> Scenario {
        var root = root
        let choices = try ScenarioChoices.take(&root, file: file)
        var scenario = try decodePhase(root: root, file: file, baseBytes: &baseBytes, chain: chain)
        // Every choice is checked, and every problem of every choice reported at once.
        var issues: [ScenarioIssue] = []
        for (index, (settings, node)) in choices.enumerated() {
            let label = ScenarioChoices.label(settings)
            guard !choices.prefix(index).contains(where: { ScenarioChoices.label($0.settings) == label }) else {
                issues +=
                    ScenarioChoices.failure(file: file, path: "choices[\(index)]", node: node, "repeats an earlier choice; give each once").issues
                continue
            }
            do throws(ScenarioError) {
                var overridden = root
                for setting in settings {
                    let override = try ScenarioChoices.override(setting, index: index, node: node, file: file)
                    overridden = try override.apply(to: overridden)
                }
                let variant = try decodePhase(root: overridden, file: file, baseBytes: &baseBytes, chain: chain)
                scenario.choices.append(Scenario.Choice(setting: label, scenario: variant))
            } catch {
                issues += error.issues.map { issue in
                    var issue = issue
                    if !issue.path.hasPrefix("choices[") { issue.message = "in choices[\(index)] (\(label)): " + issue.message }
                    // A problem with the setting itself is placed at the choice in the file.
                    if issue.line == ScenarioOverride.commandLine { (issue.line, issue.column, issue.file) = (node.line, node.column, node.source) }
                    return issue
                }
            }
        }
        guard issues.isEmpty else { throw ScenarioError(file: file, issues: issues) }
        return scenario
    }

    /// A document without `"choices"`: decoded, with the phase it continues linked.
    static func decodePhase(root: JSONNode, file: String, baseBytes: inout [UInt8], chain: [String]) throws(ScenarioError) -> Scenario {
        var root = root
        let continues = try ScenarioChain.take(&root, file: file)
        let log = IssueLog()
        let decoded = ScenarioDecoder.decode(root, log: log)
        guard var scenario = decoded, log.issues.isEmpty else {
            throw ScenarioError(file: file, issues: ScenarioIssue.sortedByPlace(log.issues))
        }
        if let continues {
            try ScenarioChain.link(&scenario, continues: continues, file: file, chain: chain, bytes: &baseBytes)
        }
        return scenario
    }

    /// A stable content hash of the scenario bytes and its bases' (FNV-1a 64, hex), recorded in the manifest.
    package static func contentHash(_ bytes: [UInt8]) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
