import InjurySimCore

/// A scenario as one self-contained document: its `extends` chain resolved and its `--set`
/// overrides applied, so a part of a cluster study carries the exact scenario it ran and a merge
/// anywhere else needs no scenario files.
extension ScenarioLoader {
    /// The resolved document of the scenario file at `path` with `overrides` applied, as JSON
    /// text that ``decode(bytes:file:overrides:)`` turns into the same scenario.
    package static func resolvedText(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> String {
        let bytes: [UInt8]
        switch read(path) {
        case .success(let contents): bytes = contents
        case .failure(let problem):
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", value: "", message: problem.message, line: 0, column: 0)])
        }
        var root: JSONNode
        do {
            root = try JSONCParser.parse(bytes)
        } catch {
            throw ScenarioError(
                file: path,
                issues: [
                    ScenarioIssue(
                        path: "", value: "", message: "syntax error: " + error.message,
                        line: error.line, column: error.column)
                ])
        }
        var baseBytes: [UInt8] = []
        root = try ScenarioInheritance.resolve(root, file: path, baseBytes: &baseBytes)
        for override in overrides {
            do throws(ScenarioError) { root = try override.apply(to: root) } catch { throw ScenarioError(file: path, issues: error.issues) }
        }
        return try ScenarioChain.inline(root, file: path).renderedPreservingOrder()
    }
}

extension ScenarioLoader {
    /// The resolved document (``resolvedText(path:overrides:)``) as a node, for `show` and `diff`.
    package static func resolvedDocument(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> JSONNode {
        let text = try resolvedText(path: path, overrides: overrides)
        do {
            return try JSONCParser.parse(Array(text.utf8))
        } catch {
            throw ScenarioError(
                file: path, issues: [ScenarioIssue(path: "", value: "", message: "syntax error: " + error.message, line: 0, column: 0)])
        }
    }
}
