/// Reads one JSON object's fields, remembering which keys were used so that unknown keys
/// (typos) are reported instead of silently ignored.
final class ObjectReader {
    let path: String
    let node: JSONNode
    let log: IssueLog
    /// The declared kind of object (``ScenarioObject``) whose keys ``finish(allowed:)`` allows;
    /// nil for the small objects inside a value (a distribution's parameters).
    let kind: ScenarioObject?
    private let members: [JSONNode.Member]
    private var used = Set<String>()
    /// Required keys reported missing, by key: the issue's number in the log.
    private var missing: [String: Int] = [:]

    /// Nil (with an issue logged) when `node` is not an object.
    init?(_ node: JSONNode, path: String, log: IssueLog, kind: ScenarioObject? = nil) {
        guard case .object(let members) = node.value else {
            log.add(path, node, "expected an object { … }, found \(node.typeName)")
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        self.kind = kind
        self.members = members
    }

    /// The child path for a key.
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The node under `key`, marked as used; logs a missing required key.
    func node(_ key: String, required: Bool = false) -> JSONNode? {
        // The decoder asks only for keys its declarations list (or retired ones, to say where they went).
        assert(kind.map { $0.key(key) != nil || retired.contains(key) } ?? true, "\(kind?.rawValue ?? "") reads undeclared key \(key)")
        used.insert(key)
        if let member = members.first(where: { $0.key == key }) { return member.value }
        if required && missing[key] == nil {
            missing[key] =
                node.line > 0
                ? log.add(path(key), at: node, "is required but missing from the object that starts here")
                : log.add(path(key), nil, "is required but missing")
        }
        return nil
    }

    /// All members in file order, marked as used (for maps keyed by name).
    func allMembers() -> [JSONNode.Member] {
        for member in members { used.insert(member.key) }
        return members
    }

    /// Keys read only to say they moved or were removed: not listed as allowed.
    var retired = Set<String>()

    /// Reports every key that was never asked for, with the allowed key nearest to it. An unknown
    /// key that is the misspelling of a missing required one is one problem, not two: the
    /// "required but missing" issue is withdrawn.
    func finish(allowed: [String]? = nil) {
        let allowedKeys = allowed ?? kind?.keyNames ?? Array(used.subtracting(retired))
        let known = allowedKeys.sorted().joined(separator: ", ")
        for member in members where !used.contains(member.key) {
            let near = NearestName.suggestion(for: member.key, among: allowedKeys)
            if let near, let index = missing[near] { log.withdraw(index) }
            let hint = near.map { "did you mean \"\($0)\"? " } ?? ""
            log.add(path(member.key), member.value, "unknown key \"\(member.key)\"; \(hint)allowed keys here: \(known)")
        }
    }
}
