/// One problem in a scenario file: where, what was found, and what is allowed.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// Field path such as `sectors.food-delivery.claimsPerMillionOrders`.
    public var path: String
    /// The offending value as written (empty when a field is missing).
    package var value: String
    /// What is wrong and what is allowed.
    public var message: String
    package var line: Int
    package var column: Int
    /// The file the value came from when it is a base scenario named by `extends`; empty for
    /// the scenario file itself.
    package var file: String = ""

    package init(path: String, value: String, message: String, line: Int, column: Int, file: String = "") {
        self.path = path
        self.value = value
        self.message = message
        self.line = line
        self.column = column
        self.file = file
    }

    public var description: String {
        let place =
            line > 0
            ? (file.isEmpty ? "" : file + ", ") + "line \(line), column \(column): " : (line == ScenarioOverride.commandLine ? "--set: " : "")
        let found = value.isEmpty ? "" : " (found \(value))"
        // A name may hold the very characters an issue reports; they are shown as \u{XXXX}.
        return place + NameRule.visible((path.isEmpty ? "" : path + ": ") + message + found)
    }
}

extension ScenarioIssue {
    /// `issues` in the order a reader fixes them: those from `--set` first, then by file (the
    /// scenario's own before its bases'), line and column; those with no place last. Issues at
    /// the same place keep the order they were found in.
    package static func sortedByPlace(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
        func rank(_ issue: ScenarioIssue) -> Int {
            issue.line == ScenarioOverride.commandLine ? 0 : issue.line > 0 ? 1 : 2
        }
        return issues.enumerated().sorted { left, right in
            let a = left.element, b = right.element
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.file != b.file { return a.file.isEmpty || (!b.file.isEmpty && a.file < b.file) }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return left.offset < right.offset
        }.map(\.element)
    }
}
