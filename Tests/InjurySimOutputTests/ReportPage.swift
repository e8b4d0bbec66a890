import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A report page read back with an XML parser: it must parse as a whole (so every inline SVG is
/// well-formed), and every figure cell (`data-figure`) is collected with its printed text.
final class ReportPage: NSObject, XMLParserDelegate {
    struct Figure: Equatable {
        var path: String
        var kind: String
        var text: String
    }

    private(set) var figures: [Figure] = []
    private(set) var elementCounts: [String: Int] = [:]
    /// Each `<figure class="chart">`: the element names inside it.
    private(set) var charts: [[String]] = []
    private(set) var error: String?
    private var open: Figure?
    private var openDepth = 0
    private var chartDepth = 0, depth = 0

    static func parse(_ html: String) -> ReportPage {
        let page = ReportPage()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = page
        if !parser.parse() { page.error = parser.parserError.map { "\($0)" } ?? "parse failed at line \(parser.lineNumber)" }
        return page
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        depth += 1
        elementCounts[name, default: 0] += 1
        if name == "figure" && (attributes["class"] ?? "").split(separator: " ").contains("chart") { charts.append([]); chartDepth = depth }
        if chartDepth > 0 && depth > chartDepth { charts[charts.count - 1].append(name + (attributes["class"].map { "." + $0 } ?? "")) }
        if let path = attributes["data-figure"] { open = Figure(path: path, kind: attributes["data-kind"] ?? "", text: ""); openDepth = depth }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { open?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "figure" && depth == chartDepth { chartDepth = 0 }
        if let figure = open, depth == openDepth { figures.append(figure); open = nil }
        depth -= 1
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "\(parseError) at line \(parser.lineNumber)" }

    /// The number a figure's text states, with the half-width of its last printed digit, read by
    /// the rules a reader uses: "12.5%", "1,234.5万元", "2.50亿元", "12.35 million yuan", "¥0.07".
    static func value(of text: String, kind: String) -> (value: Double, tolerance: Double)? {
        // The report's minus is U+2212; a difference of shares is in percentage points.
        var body = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-").trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("+") { body.removeFirst() }
        var scale = 1.0
        let units: [(String, Double)] = [
            (" billion yuan", 1e9), (" million yuan", 1e6), (" thousand yuan", 1e3), (" yuan", 1), (" bn", 1e9), (" M", 1e6), (" k", 1e3),
            ("亿元", 1e8), ("万元", 1e4), ("元", 1), ("%", 0.01), (" pp", 0.01), ("个百分点", 0.01)
        ]
        for (suffix, factor) in units where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count))
            scale = factor
            break
        }
        if body.hasPrefix("¥") { body = String(body.dropFirst()) }
        if body.hasPrefix("-¥") { body = "-" + body.dropFirst(2) }  // a negative rate: the sign before the currency
        guard let number = Double(body) else { return nil }
        let decimals = body.split(separator: ".").count == 2 ? body.split(separator: ".")[1].count : 0
        return (number * scale, 0.5 * pow(10, -Double(decimals)) * scale * 1.000001)
    }
}
