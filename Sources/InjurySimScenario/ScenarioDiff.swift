import InjurySimFormat

/// The differences between two resolved scenario documents, field by field: `injurysim diff`.
///
/// Objects are compared key by key (the first document's keys in order, then the second's
/// others), lists entry by entry, anything else by value (numbers by value, so `0.10` and `0.1`
/// are the same). Each difference is the dotted path `--set` would use and the value on each
/// side, nil where the field is absent.
package enum ScenarioDiff {
    package struct Difference: Sendable, Equatable, CustomStringConvertible {
        package var path: String
        /// Compact JSON of the value in the first document; nil when absent there.
        package var first: String?
        /// Compact JSON of the value in the second document; nil when absent there.
        package var second: String?

        /// `sectors.food-delivery.ordersPerHour: 4.0 → 4.5`, `(absent)` for a missing side.
        package var description: String {
            NameRule.visible("\(path): \(first ?? "(absent)") → \(second ?? "(absent)")")
        }
    }

    /// Every path whose value differs, in document order.
    package static func differences(_ first: JSONNode, _ second: JSONNode) -> [Difference] {
        var out: [Difference] = []
        compare(first, second, path: "", into: &out)
        return out
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func compare(_ a: JSONNode?, _ b: JSONNode?, path: String, into out: inout [Difference]) {
        switch (a?.value, b?.value) {
        case (.object(let left)?, .object(let right)?):
            var keys = left.map(\.key)
            for member in right where !keys.contains(member.key) { keys.append(member.key) }
            for key in keys {
                compare(left.first { $0.key == key }?.value, right.first { $0.key == key }?.value, path: join(path, key), into: &out)
            }
        case (.array(let left)?, .array(let right)?):
            for index in 0..<max(left.count, right.count) {
                compare(index < left.count ? left[index] : nil, index < right.count ? right[index] : nil, path: path + "[\(index)]", into: &out)
            }
        default:
            guard !same(a, b) else { return }
            out.append(Difference(path: path, first: a.map(compact), second: b.map(compact)))
        }
    }

    private static func same(_ a: JSONNode?, _ b: JSONNode?) -> Bool {
        switch (a?.value, b?.value) {
        case (nil, nil): return true
        case (.number(let x, _)?, .number(let y, _)?): return x == y
        case (.string(let x)?, .string(let y)?): return x == y
        case (.bool(let x)?, .bool(let y)?): return x == y
        case (.null?, .null?): return true
        default: return false
        }
    }

    /// The value as compact JSON on one line.
    package static func compact(_ node: JSONNode) -> String {
        switch node.value {
        case .object(let members): return "{" + members.map { Format.jsonString($0.key) + ": " + compact($0.value) }.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map(compact).joined(separator: ", ") + "]"
        case .string(let text): return Format.jsonString(text)
        case .number(_, let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
