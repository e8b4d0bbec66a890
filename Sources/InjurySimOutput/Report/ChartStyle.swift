import InjurySimFormat
import InjurySimScenario

/// Colours and dash patterns that read for colour-blind readers and in greyscale: the Okabe–Ito
/// palette ordered so neighbouring series differ in lightness, each line with its own dash.
package enum ChartStyle {
    /// Series colours (Okabe–Ito): blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black.
    package static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
    /// Dash patterns by series (solid first).
    package static let dashes = ["", "7 3", "2 2", "9 3 2 3", "1 3", "12 4", "4 2 1 2", "3 5"]

    package static func colour(_ index: Int) -> String { colours[index % colours.count] }
    package static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

    /// Text safe inside XML character data and attribute values.
    ///
    /// Besides the markup characters, every character ``NameRule`` lets no text carry (controls
    /// other than tab, line feed and carriage return, which XML allows; format characters such as
    /// the bidirectional overrides; line separators; noncharacters such as U+FFFE) is written as
    /// the visible text `\u{XXXX}`, so the page stays well-formed XML and shows what a hand-edited
    /// result file held instead of acting on it.
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if NameRule.unsafeKind(scalar) == nil { out.unicodeScalars.append(scalar) } else { out += NameRule.escaped(scalar) }
            }
        }
        return out
    }

    /// A coordinate with one decimal (keeps the SVG small and byte-stable).
    package static func n(_ value: Double) -> String { Format.fixed(value, 1) ?? "0" }

    /// About `count` round tick values covering `low...high`.
    package static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite, high > low else { return [low.isFinite ? low : 0] }
        let raw = (high - low) / Double(max(1, count))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var value = (low / step).rounded(.down) * step
        while value <= high + step * 1e-9 {
            if value >= low - step * 1e-9 { ticks.append(abs(value) < step * 1e-9 ? 0 : value) }
            value += step
        }
        return ticks
    }

    /// Decimals that tell ticks `step` apart.
    package static func decimals(forStep step: Double) -> Int {
        var decimals = 0
        var s = abs(step)
        while s > 0 && s < 1 && decimals < 6 { s *= 10; decimals += 1 }
        if s.rounded() != s && decimals < 6 { decimals += 1 }
        return decimals
    }
}
