/// Numbers as a reader of the language expects them: thousands separators, percentages, and
/// money scaled to thousand/million/billion yuan (English) or 万元/亿元 (Chinese); a negative
/// number carries the true minus sign (U+2212), differences of shares are in percentage points.
package struct ReportNumbers: Sendable {
    package var language: ReportLanguage

    package init(_ language: ReportLanguage) { self.language = language }

    /// The minus sign of the report (U+2212), not the hyphen.
    package static let minus = "\u{2212}"

    /// `text` with a leading hyphen-minus written as the true minus sign.
    package static func trueMinus(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// `value` with `decimals` digits and a comma every three digits ("1,234,567.8", "−12.5").
    package static func grouped(_ value: Double, _ decimals: Int) -> String {
        guard let text = Format.fixed(value, decimals) else { return "—" }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = ""
        for (index, character) in parts[0].reversed().enumerated() {
            if index > 0 && index % 3 == 0 { integer.append(",") }
            integer.append(character)
        }
        let digits = String(integer.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        return (negative && digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? minus : "") + digits
    }

    /// A money unit: what amounts are divided by and its name.
    package struct MoneyUnit: Sendable, Equatable {
        package var divisor: Double
        package var name: String

        /// The short name a table column's cells carry: "bn", "M", "k" (English; the currency is
        /// in the column's heading), the same as ``name`` in Chinese (亿元, 万元).
        package var shortName: String {
            switch name {
            case "billion yuan": return "bn"
            case "million yuan": return "M"
            case "thousand yuan": return "k"
            default: return name
            }
        }
    }

    /// The unit that suits amounts up to `magnitude` yuan.
    package func unit(for magnitude: Double) -> MoneyUnit {
        let m = abs(magnitude)
        switch language {
        case .en:
            if m >= 1e9 { return MoneyUnit(divisor: 1e9, name: "billion yuan") }
            if m >= 1e6 { return MoneyUnit(divisor: 1e6, name: "million yuan") }
            if m >= 1e3 { return MoneyUnit(divisor: 1e3, name: "thousand yuan") }
            return MoneyUnit(divisor: 1, name: "yuan")
        case .zh:
            if m >= 1e8 { return MoneyUnit(divisor: 1e8, name: "亿元") }
            if m >= 1e4 { return MoneyUnit(divisor: 1e4, name: "万元") }
            return MoneyUnit(divisor: 1, name: "元")
        }
    }

    /// An amount in yuan with its unit and three significant digits or more ("12.3 million yuan", "1,234.5万元").
    package func money(_ yuan: Double) -> String { money(yuan, in: unit(for: yuan)) }

    /// An amount in a given unit, as one column of a table writes all its amounts: three
    /// significant digits for the column's largest, at least two decimals below 100 ("0.35 billion yuan").
    package func money(_ yuan: Double, in unit: MoneyUnit, short: Bool = false) -> String {
        guard yuan.isFinite else { return "—" }
        let scaled = yuan / unit.divisor
        let decimals = unit.divisor == 1 ? 0 : (abs(scaled) >= 100 ? 1 : 2)
        return Self.grouped(scaled, decimals) + (language == .en ? " " : "") + (short ? unit.shortName : unit.name)
    }

    /// A share as a percentage: one decimal below 10% either way, else whole ("8.5%", "-4.7%", "14%").
    package func percent(_ share: Double) -> String {
        Self.trueMinus(Format.roundedPercent(share, missing: "—"))
    }

    /// A difference of two shares in percentage points, signed, one decimal ("−5.0 pp", "+12.3个百分点").
    package func points(_ difference: Double) -> String {
        guard difference.isFinite, let text = Format.fixed(difference * 100, 1) else { return "—" }
        let signed = text == "0.0" || text == "-0.0" ? "0.0" : (difference > 0 ? "+" + text : Self.trueMinus(text))
        return signed + language(" pp", "个百分点")
    }

    /// A calendar year's label, with the months the horizon covers when it covers only part of
    /// it ("2022 (Jul–Dec)", "2022年(7–12月)"); `separator` between the year and the months
    /// (default a space in English, nothing in Chinese; a line break under a chart's bar).
    package func year(_ year: String, firstMonth: Int, lastMonth: Int, separator: String? = nil) -> String {
        let separator = separator ?? language(" ", "")
        guard firstMonth != 1 || lastMonth != 12 else { return language(year, year + "年") }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let first = min(max(firstMonth, 1), 12), last = min(max(lastMonth, 1), 12)
        switch language {
        case .en: return year + separator + "(" + names[first - 1] + (first == last ? "" : "–" + names[last - 1]) + ")"
        case .zh: return year + "年" + separator + "(" + String(first) + (first == last ? "" : "–" + String(last)) + "月)"
        }
    }

    /// A count with separators ("1,234,567").
    package func count(_ value: Double) -> String { Self.grouped(value, 0) }

    /// A rate in yuan per order with four decimals, trailing zeros dropped down to two ("¥0.0712", "¥0.07").
    package func rate(_ yuanPerOrder: Double) -> String {
        guard var text = Format.fixed(abs(yuanPerOrder), 4) else { return "—" }
        while text.hasSuffix("0"), let point = text.firstIndex(of: "."), text.distance(from: point, to: text.endIndex) > 3 { text.removeLast() }
        // The sign before the currency, as the report's other negative amounts ("−¥0.0119").
        return (yuanPerOrder < 0 && text != "0.00" ? Self.minus + "¥" : "¥") + text
    }

    /// A plain ratio with two decimals ("1.05").
    package func ratio(_ value: Double) -> String { Self.grouped(value, 2) }
}
