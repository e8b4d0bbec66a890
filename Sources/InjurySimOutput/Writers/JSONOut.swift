import InjurySimFormat

/// A JSON value for output files: objects are written with sorted keys, two-space indents and
/// numbers exactly as given, so files are byte-stable.
package indirect enum JSONOut: Sendable, Equatable {
    case object([String: JSONOut])
    case array([JSONOut])
    case string(String)
    /// A number already formatted (see ``Format``).
    case number(String)
    case bool(Bool)
    case null

    /// The document text, ending with a newline.
    package func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (position, key) in members.keys.sorted().enumerated() {
                out += pad + Format.jsonString(key) + ": "
                members[key]!.write(into: &out, indent: indent + 1)
                out += position == members.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += position == items.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "]"
        case .string(let text): out += Format.jsonString(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }
}

extension JSONOut {
    /// A JSON number with fixed decimals, or null when not finite.
    package static func fixed(_ value: Double, _ decimals: Int) -> JSONOut {
        Format.fixed(value, decimals).map(JSONOut.number) ?? .null
    }
}
