/// A `--set PATH=VALUE` override: changes one field of a scenario without editing the file.
///
/// Applied to the parsed document before validation, so an overridden value is checked exactly
/// like one written in the file, and a path that names no field is reported as an unknown key.
public struct ScenarioOverride: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// The path as written, e.g. `sectors.food-delivery.claimsPerMillionOrders` or `rollout[1].rampMonths`.
    package let path: String
    /// The value as written.
    package let text: String
    let steps: [Step]

    /// Line number given to overridden nodes, so messages say the value came from the command line.
    static let commandLine = -1

    /// Parses `PATH=VALUE`. VALUE is JSON (a number, `true`, a quoted string, an object such as
    /// `{"uniform":[1,2]}`); anything that is not JSON is taken as a string (`pooling=national`).
    public init(parsing argument: String) throws(ScenarioError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioOverride.error(argument, "", "expected PATH=VALUE, for example fund.adminCostShare=0.06")
        }
        path = String(argument[..<equals])
        text = String(argument[argument.index(after: equals)...])
        var steps: [Step] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let name = rest.prefix { $0 != "[" }
            if name.isEmpty && !rest.hasPrefix("[") || (name.isEmpty && steps.isEmpty) {
                throw ScenarioOverride.error(path, text, "the path has an empty part; write it like sectors.food-delivery.ordersPerHour")
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            rest = rest.dropFirst(name.count)
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else {
                    throw ScenarioOverride.error(path, text, "a list index must be written [N] with N ≥ 0")
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { throw ScenarioOverride.error(path, text, "unexpected text after ] in the path") }
        }
        self.steps = steps
    }

    static func error(_ path: String, _ value: String, _ message: String) -> ScenarioError {
        ScenarioError(file: "--set", issues: [ScenarioIssue(path: path, value: value, message: message, line: commandLine, column: 0)])
    }

    /// The value as a node: JSON when it parses, a string otherwise.
    var valueNode: JSONNode {
        var node = (try? JSONCParser.parse(Array(text.utf8))) ?? JSONNode(value: .string(text), line: 0, column: 0)
        node.markCommandLine()
        return node
    }

    /// The document with this override applied.
    func apply(to root: JSONNode) throws(ScenarioError) -> JSONNode {
        try set(root, steps: steps[...], walked: "", kind: .object(.scenario))
    }

    /// Sets the value at `steps` below `node`, whose declared kind (``ScenarioKey/Kind``) is
    /// `kind` when known. A key the declarations do not allow at that place is refused with the
    /// nearest allowed one, and so is a field inside a sector, platform or province the scenario
    /// does not define (a misspelt name would otherwise make a new, incomplete one); a whole new
    /// entry (`sectors.NAME={…}`) or a new key of a free map (`provinces.x.workers.NAME=…`) may be
    /// added, and is checked like the file.
    private func set(_ node: JSONNode, steps: ArraySlice<Step>, walked: String, kind: ScenarioKey.Kind?) throws(ScenarioError) -> JSONNode {
        guard let step = steps.first else { return valueNode }
        var node = node
        switch (step, node.value) {
        case (.key(let key), .object(var members)):
            let here = walked.isEmpty ? key : walked + "." + key
            let present = members.firstIndex(where: { $0.key == key })
            let child = try childKind(of: kind, key: key, present: present != nil, last: steps.count == 1, walked: walked, members: members)
            if let position = present {
                members[position].value = try set(members[position].value, steps: steps.dropFirst(), walked: here, kind: child)
            } else {
                if case .index = steps.dropFirst().first {
                    throw ScenarioOverride.error(
                        path, text, "the scenario has no \(here), so no entry of it can be set; give the whole list: --set '\(here)=[…]'")
                }
                let empty = JSONNode(value: .object([]), line: ScenarioOverride.commandLine, column: 0)
                members.append(JSONNode.Member(key: key, value: try set(empty, steps: steps.dropFirst(), walked: here, kind: child)))
            }
            node.value = .object(members)
        case (.key(let key), .array(var items)):
            // A list of named objects (shocks) is reached by name too, as manifest.json and the
            // input's stream name it: shocks.summer-storms.orders.
            let here = walked + "." + key
            let names = items.map(\.name)
            let named = names.indices.filter { names[$0] == key }
            guard named.count == 1, let index = named.first else {
                let defined = names.compactMap { $0 }
                throw ScenarioOverride.error(
                    path, text,
                    "\(walked) is a list; name an entry by its index, \(walked)[0], or by its name"
                        + (defined.isEmpty ? "" : " (\(defined.joined(separator: ", ")))")
                        + (NearestName.suggestion(for: key, among: defined).map { "; did you mean \"\($0)\"?" } ?? ""))
            }
            items[index] = try set(items[index], steps: steps.dropFirst(), walked: here, kind: Self.itemKind(of: kind))
            node.value = .array(items)
        case (.index(let index), .array(var items)):
            let here = walked + "[\(index)]"
            guard index < items.count else {
                throw ScenarioOverride.error(path, text, "\(walked) has \(items.count) entries; there is no \(here)")
            }
            items[index] = try set(items[index], steps: steps.dropFirst(), walked: here, kind: Self.itemKind(of: kind))
            node.value = .array(items)
        case (.key(let key), _):
            throw ScenarioOverride.error(
                path, text, "cannot set \"\(key)\" inside \(walked.isEmpty ? "the document" : walked), which is \(node.typeName), not an object")
        case (.index, _):
            throw ScenarioOverride.error(path, text, "\(walked) is \(node.typeName), not a list")
        }
        return node
    }

    /// The kind of an item of a list of `kind`.
    private static func itemKind(of kind: ScenarioKey.Kind?) -> ScenarioKey.Kind? {
        switch kind {
        case .objectList(let object): return .object(object)
        case .list(let item, _): return item
        default: return nil
        }
    }

    /// The declared kind of `key` inside an object of `kind`; throws when the declarations do not
    /// allow the key there (see ``set(_:steps:walked:kind:)``).
    private func childKind(
        of kind: ScenarioKey.Kind?, key: String, present: Bool, last: Bool, walked: String, members: [JSONNode.Member]
    ) throws(ScenarioError) -> ScenarioKey.Kind? {
        let place = walked.isEmpty ? "the scenario" : walked
        switch kind {
        case .object(let object), .choiceOrObject(_, let object):
            if let declared = object.key(key) { return declared.kind }
            if present { return nil }  // the decoder reports the file's unknown key
            throw ScenarioOverride.error(
                path, text,
                "unknown key \"\(key)\" in \(place); \(NearestName.hint(for: key, among: object.keyNames))"
                    + "allowed keys here: \(object.keyNames.sorted().joined(separator: ", "))")
        case .keyedParams(let names, let range, _):
            if names.contains(key) { return .param(range) }
            throw ScenarioOverride.error(
                path, text,
                "unknown key \"\(key)\" in \(place); \(NearestName.hint(for: key, among: names))allowed keys here: \(names.joined(separator: ", "))")
        case .namedMap(let object):
            if present || last { return .object(object) }
            let defined = members.map(\.key)
            throw ScenarioOverride.error(
                path, text,
                "the scenario has no \(object.rawValue) named \"\(key)\"; \(NearestName.hint(for: key, among: defined))"
                    + "defined: \(defined.joined(separator: ", ")) (to add one, give it whole: --set '\(walked).NAME={…}')")
        case .map(let value): return value
        default: return nil
        }
    }
}

extension JSONNode {
    /// The `"name"` of an object that has one as a string (a shock), else nil.
    var name: String? {
        guard case .object(let members) = value, let member = members.first(where: { $0.key == "name" }),
            case .string(let name) = member.value.value
        else { return nil }
        return name
    }

    /// Marks this node and its children as coming from the command line.
    mutating func markCommandLine() {
        line = ScenarioOverride.commandLine
        column = 0
        switch value {
        case .object(var members):
            for index in members.indices { members[index].value.markCommandLine() }
            value = .object(members)
        case .array(var items):
            for index in items.indices { items[index].markCommandLine() }
            value = .array(items)
        default: break
        }
    }
}
