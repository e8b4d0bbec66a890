import InjurySimFormat

/// A parsed document written back as plain JSON, keys in file order and numbers as written, so
/// that parsing the text again gives the same values (comments and layout are not kept).
extension JSONNode {
    /// Compact JSON text of the node; objects keep their member order (the order of sectors,
    /// provinces and platforms is the order of the model's tables).
    package func renderedPreservingOrder() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch value {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (position, member) in members.enumerated() {
                out += pad + Format.jsonString(member.key) + ": "
                member.value.write(into: &out, indent: indent + 1)
                out += position == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (position, item) in items.enumerated() {
                item.write(into: &out, indent: indent + 1)
                if position < items.count - 1 { out += ", " }
            }
            out += "]"
        case .string(let text): out += Format.jsonString(text)
        case .number(_, let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }
}
