/// A parsed JSON value with the line and column where it starts, so scenario errors can point
/// at the exact place in the file.
package struct JSONNode: Sendable {
    package indirect enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// The number and its text as written.
        case number(Double, String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` pair, in file order.
    package struct Member: Sendable {
        package var key: String
        package var value: JSONNode
    }

    package var value: Value
    package var line: Int
    package var column: Int
    /// The file the node was read from, when it differs from the scenario file itself (a base
    /// named by `extends`); empty otherwise.
    package var source: String = ""

    package init(value: Value, line: Int, column: Int, source: String = "") {
        self.value = value
        self.line = line
        self.column = column
        self.source = source
    }

    /// This node and its children marked as read from `source`.
    func tagged(_ source: String) -> JSONNode {
        var copy = self
        copy.source = source
        switch value {
        case .object(let members):
            copy.value = .object(members.map { JSONNode.Member(key: $0.key, value: $0.value.tagged(source)) })
        case .array(let items):
            copy.value = .array(items.map { $0.tagged(source) })
        default: break
        }
        return copy
    }

    /// The value as it would appear in a message: numbers and strings as written, containers
    /// summarised.
    package var excerpt: String {
        switch value {
        case .object: return "an object"
        case .array(let items): return "a list of \(items.count)"
        case .string(let text): return "\"" + (text.count > 60 ? String(text.prefix(57)) + "..." : text) + "\""
        case .number(_, let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The JSON type's name, for "expected a number, found a string".
    package var typeName: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }
}
