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
                out += pad + JSONOut.quoted(key) + ": "
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
        case .string(let text): out += JSONOut.quoted(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Number formatting for output files: fixed decimals, no locale, no exponent.
package enum Format {
    /// `value` with `decimals` digits after the point ("0.012346"); "nan" never appears: non-finite → nil.
    /// "1.2e+17".
    package static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "infinitely many" }
        var exponent = 0
        var mantissa = value
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        return (Format.fixed(mantissa, 1) ?? "?") + "e+\(exponent)"
    }

    package static func fixed(_ value: Double, _ decimals: Int) -> String? {
        guard value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e18 else { return String(value) }
        let integer = Int64(scaled)
        let negative = integer < 0
        let digits = String(integer.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -decimals)
        let text = decimals == 0 ? padded : padded[..<cut] + "." + padded[cut...]
        return (negative ? "-" : "") + text
    }

    /// A JSON number with fixed decimals, or null when not finite.
    package static func json(_ value: Double, _ decimals: Int) -> JSONOut {
        fixed(value, decimals).map(JSONOut.number) ?? .null
    }
}
