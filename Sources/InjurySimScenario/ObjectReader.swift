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

    /// Keys read only to say they moved (``ScenarioDecoder/movedToBasis(_:_:)``): not listed as allowed.
    var retired = Set<String>()

    /// Reports every key that was never asked for.
    func finish(allowed: [String]? = nil) {
        for member in members where !used.contains(member.key) {
            let known = (allowed ?? Array(used.subtracting(retired))).sorted().joined(separator: ", ")
            log.add(path(member.key), member.value, "unknown key \"\(member.key)\"; allowed keys here: \(known)")
        }
    }
}
