import Foundation

/// Numbers as text, for every file, table, message and page the program writes: fixed decimals,
/// no locale, no exponent unless asked. The language-aware forms for the report are ``ReportNumbers``.
package enum Format {
    /// `value` with `decimals` digits after the point ("0.012346"); non-finite → nil, so "nan" never appears.
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

    /// A large count with one decimal of mantissa: "1.2e+17"; "infinitely many" when not finite.
    package static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "infinitely many" }
        var exponent = 0
        var mantissa = value
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        return (fixed(mantissa, 1) ?? "?") + "e+\(exponent)"
    }

    /// A share as a percentage with `decimals` decimals ("12.5%"); "n/a" when not finite.
    package static func percent(_ share: Double, _ decimals: Int = 1) -> String {
        (fixed(share * 100, decimals) ?? "n/a") + "%"
    }

    /// A share as a percentage, one decimal below 10% either way and whole above ("8.5%", "14%");
    /// `missing` when not finite.
    package static func roundedPercent(_ share: Double, missing: String = "n/a") -> String {
        guard share.isFinite else { return missing }
        return (fixed(share * 100, share != 0 && abs(share) < 0.1 ? 1 : 0) ?? missing) + "%"
    }

    /// A number with up to 10 significant digits and no float noise ("0.07", not "0.07000000000000001").
    package static func short(_ value: Double) -> String {
        var text = significant(value, 10)
        if text.contains("e") { text = String(value) }
        return text
    }

    /// `value` with at most `digits` significant digits, as C's `%.*g` writes it ("0.35", "1e+06").
    package static func significant(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)g", value)
    }

    /// A number as a person writes it: "2", "0.35", "∞" (the largest finite number stands for no bound).
    package static func plain(_ x: Double) -> String {
        if x == Double.greatestFiniteMagnitude { return "∞" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// An amount of fen as yuan with two decimals ("-1234.05"), without floating point.
    package static func yuan(fen: Int64) -> String {
        let negative = fen < 0
        let magnitude = fen.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        return (negative ? "-" : "") + String(whole) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// `text` as a JSON string: in double quotes, with quotes, backslashes and control characters escaped.
    package static func jsonString(_ text: String) -> String {
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
