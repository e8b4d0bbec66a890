import InjurySimCore

/// Collects issues while a scenario is decoded, so all of them are reported together.
package final class IssueLog {
    /// Every issue logged, nil where one was withdrawn.
    private var entries: [ScenarioIssue?] = []

    /// The issues logged and not withdrawn, in the order they were logged.
    package var issues: [ScenarioIssue] { entries.compactMap { $0 } }

    package init() {}

    /// Logs an issue; returns its number, for ``withdraw(_:)``.
    @discardableResult
    func add(_ path: String, _ node: JSONNode?, _ message: String) -> Int {
        entries.append(
            ScenarioIssue(
                path: path, value: node?.excerpt ?? "", message: message,
                line: node?.line ?? 0, column: node?.column ?? 0, file: node?.source ?? ""))
        return entries.count - 1
    }

    /// Logs an issue at a place where no value is (a missing key: the object that lacks it).
    @discardableResult
    func add(_ path: String, at place: JSONNode, _ message: String) -> Int {
        entries.append(ScenarioIssue(path: path, value: "", message: message, line: place.line, column: place.column, file: place.source))
        return entries.count - 1
    }

    /// Takes back issue number `index`: one that another issue explains (a required key reported
    /// missing because it was misspelt, which the unknown key's suggestion names).
    func withdraw(_ index: Int) {
        entries[index] = nil
    }
}
