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

    public var description: String {
        let place = line > 0 ? (file.isEmpty ? "" : file + ", ") + "line \(line), column \(column): " : (line == ScenarioOverride.commandLine ? "--set: " : "")
        let found = value.isEmpty ? "" : " (found \(value))"
        return place + (path.isEmpty ? "" : path + ": ") + message + found
    }
}

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

/// Collects issues while a scenario is decoded, so all of them are reported together.
package final class IssueLog {
    package private(set) var issues: [ScenarioIssue] = []

    package init() {}

    func add(_ path: String, _ node: JSONNode?, _ message: String) {
        issues.append(ScenarioIssue(path: path, value: node?.excerpt ?? "", message: message,
                                    line: node?.line ?? 0, column: node?.column ?? 0, file: node?.source ?? ""))
    }
}

/// Reads one JSON object's fields, remembering which keys were used so that unknown keys
/// (typos) are reported instead of silently ignored.
final class ObjectReader {
    let path: String
    let node: JSONNode
    let log: IssueLog
    private let members: [JSONNode.Member]
    private var used = Set<String>()

    /// Nil (with an issue logged) when `node` is not an object.
    init?(_ node: JSONNode, path: String, log: IssueLog) {
        guard case .object(let members) = node.value else {
            log.add(path, node, "expected an object { … }, found \(node.typeName)")
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        self.members = members
    }

    /// The child path for a key.
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The node under `key`, marked as used; logs a missing required key.
    func node(_ key: String, required: Bool = false) -> JSONNode? {
        used.insert(key)
        if let member = members.first(where: { $0.key == key }) { return member.value }
        if required {
            log.add(path(key), nil, "is required but missing (in the object at line \(node.line), column \(node.column))")
        }
        return nil
    }

    /// All members in file order, marked as used (for maps keyed by name).
    func allMembers() -> [JSONNode.Member] {
        for member in members { used.insert(member.key) }
        return members
    }

    /// Reports every key that was never asked for.
    func finish(allowed: [String]? = nil) {
        for member in members where !used.contains(member.key) {
            let known = (allowed ?? Array(used)).sorted().joined(separator: ", ")
            log.add(path(member.key), member.value, "unknown key \"\(member.key)\"; allowed keys here: \(known)")
        }
    }
}
