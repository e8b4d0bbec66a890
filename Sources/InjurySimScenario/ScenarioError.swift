/// A scenario that cannot be run: every problem found, at once.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    package var file: String
    public var issues: [ScenarioIssue]

    package init(file: String, issues: [ScenarioIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        let header = "\(file): \(issues.count) problem\(issues.count == 1 ? "" : "s")"
        return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
    }
}
