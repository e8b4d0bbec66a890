import InjurySimCore

/// Collects issues while a scenario is decoded, so all of them are reported together.
package final class IssueLog {
    package private(set) var issues: [ScenarioIssue] = []

    package init() {}

    func add(_ path: String, _ node: JSONNode?, _ message: String) {
        issues.append(
            ScenarioIssue(
                path: path, value: node?.excerpt ?? "", message: message,
                line: node?.line ?? 0, column: node?.column ?? 0, file: node?.source ?? ""))
    }
}
