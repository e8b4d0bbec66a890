import InjurySimFormat

/// The page around a report's sections: XHTML (so an XML parser reads the whole page), inline
/// CSS with a font stack that falls back well for Chinese, A4 print rules, no script, no links out.
package enum HTMLPage {
    package static let style = """
        body { font-family: "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", \
        "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #111; max-width: 760px; margin: 24px auto; padding: 0 16px; \
        line-height: 1.5; font-size: 14px; }
        h1 { font-size: 22px; margin-bottom: 4px; }
        h2 { font-size: 17px; border-bottom: 1px solid #999; margin-top: 28px; }
        h3 { font-size: 14px; margin: 0 0 4px 0; }
        p.basis { color: #444; margin-top: 0; }
        p.verdict { font-size: 16px; border-left: 4px solid #0072B2; padding: 6px 12px; background: #f2f6fa; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
        th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
        span.ci { color: #555; font-size: 12px; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        figure.chart { display: inline-block; width: 49%; vertical-align: top; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart.wide { display: block; width: 100%; }
        figure.chart > svg { width: 100%; height: auto; display: block; }
        figure.chart > h3 { font-size: 13px; }
        div.panels { display: flex; flex-wrap: wrap; gap: 4px 1%; } div.panel { width: 32.6%; } div.panel svg { width: 100%; height: auto; display: block; }
        div.panel-title { font-size: 12px; text-align: center; }
        table.scorecard td.num { white-space: normal; }
        table.compact td, table.compact th { padding: 1px 4px; } table.compact td.num { white-space: normal; }
        table.verdicts td.num, table.verdicts td.label:lang(en) { white-space: nowrap; } table.verdicts td, table.verdicts th { padding: 1px 2px; }
        table.inputs { font-size: 12px; } table.facts { font-size: 12px; } table.facts td { overflow-wrap: anywhere; } table.inputs code { font-size: 11px; background: none; padding: 0; }
        div.legend { font-size: 12px; margin: 4px 0; }
        div.legend span { margin-right: 14px; white-space: nowrap; }
        div.legend svg { width: 24px; height: 12px; vertical-align: middle; margin-right: 4px; }
        figcaption { font-size: 13px; color: #333; font-style: italic; }
        :lang(zh) figcaption, :lang(zh) em, :lang(zh) i { font-style: normal; }
        td.clear { font-weight: bold; background: #eef3fa; }
        p.note { font-size: 12px; color: #444; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; background: #f4f4f4; padding: 1px 3px; }
        section { break-inside: auto; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.35; }
          h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 10pt; } h3 { font-size: 10pt; }
          p.verdict { background: none; font-size: 10pt; padding: 2pt 8pt; }
          table { font-size: 9pt; margin: 4pt 0; line-height: 1.25; } th, td { padding: 1pt 4pt; }
          span.ci, div.legend, p.note, code, table.inputs, table.inputs code, table.facts { font-size: 9pt; } figcaption { font-size: 9pt; }
          figure.chart { margin: 4pt 0; } figure.chart > h3 { font-size: 9.5pt; } div.panel-title { font-size: 9pt; } h2 { break-after: avoid; page-break-after: avoid; }
        }
        """

    /// Marks a page as injurysim's own, near its top: `report --out FILE` replaces an existing
    /// file only when it carries this (``ReportPageFile``).
    package static let generatorMeta = "<meta name=\"generator\" content=\"injurysim report\"/>"

    /// The whole document.
    package static func render(title: String, language: ReportLanguage, body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.tag)\" xml:lang=\"\(language.tag)\">\n<head>\n"
            + "<meta charset=\"utf-8\"/>\n" + generatorMeta + "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<title>\(ChartStyle.escape(title))</title>\n<style>\n\(style)\n\(printStyle(title: title, language: language))\n</style>\n</head>\n<body>\n"
            + withTableHeads(body) + "</body>\n</html>\n"
    }

    /// The A4 rules: the page's title as a running header and "page N of M" in the margin boxes
    /// (which Chromium prints with `--no-pdf-header-footer`), type no smaller than 9 pt.
    static func printStyle(title: String, language: ReportLanguage) -> String {
        // A CSS string inside <style>, which an HTML parser reads as raw text and an XML parser as
        // character data: the title without markup characters, quotes or backslashes, kept short.
        let plain = ChartStyle.escape(String(title.filter { !"<>&\"\\\n\r".contains($0) }))
        let quoted = plain.count > 90 ? String(plain.prefix(88)) + "…" : plain
        let page = language == .en ? "\"Page \" counter(page) \" of \" counter(pages)" : "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""
        return """
            @page { size: A4; margin: 13mm 12mm 13mm 12mm; \
            @top-left { content: "\(quoted)"; font-size: 8pt; color: #555; } \
            @bottom-right { content: \(page); font-size: 8pt; color: #555; } }
            """
    }

    /// The body with each table's first row, when it holds only header cells, in a `<thead>`
    /// (repeated at the top of every printed page the table runs onto) and the rest in a `<tbody>`.
    package static func withTableHeads(_ body: String) -> String {
        var out = "", rest = Substring(body)
        while let open = rest.range(of: "<table") {
            out += rest[..<open.lowerBound]
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"), let close = rest.range(of: "</table>", range: tagEnd..<rest.endIndex)
            else { break }
            let tag = rest[open.lowerBound...tagEnd]
            var inner = rest[rest.index(after: tagEnd)..<close.lowerBound]
            var table = String(tag)
            let leading = inner.prefix { $0 == "\n" }
            inner = inner.dropFirst(leading.count)
            if inner.hasPrefix("<tr>"), let rowEnd = inner.range(of: "</tr>"),
                !inner[..<rowEnd.lowerBound].contains("<td"), !inner.contains("<thead>")
            {
                table += leading + "<thead>" + inner[..<rowEnd.upperBound] + "</thead>\n<tbody>" + inner[rowEnd.upperBound...] + "</tbody>"
            } else {
                table += leading + inner
            }
            out += table + "</table>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Inputs and their distributions grouped by the object they belong to — one row per object
    /// path (`sectors.food-delivery`), its fields and distributions in one cell — so a long list
    /// takes a few lines on paper. `header` the escaped header texts; the rest is escaped here.
    package static func groupedInputs(header: (group: String, inputs: String), inputs: [(path: String, distribution: String, note: String)]) -> String
    {
        let e = ChartStyle.escape
        var groups: [(name: String, items: [String])] = []
        for input in inputs {
            let parts = input.path.split(separator: ".", omittingEmptySubsequences: false)
            // The object is the path less its field (two parts for `sectors.NAME.field`, one for `fund.field`).
            let cut = parts.count > 2 ? 2 : max(1, parts.count - 1)
            let group = parts.prefix(cut).joined(separator: "."), field = parts.dropFirst(cut).joined(separator: ".")
            let item =
                "<code>\(e(field.isEmpty ? input.path : field))</code> \(e(input.distribution))" + (input.note.isEmpty ? "" : " (\(e(input.note)))")
            if let index = groups.firstIndex(where: { $0.name == group }) { groups[index].items.append(item) } else { groups.append((group, [item])) }
        }
        // Objects given the same distributions (platforms at one rate, a sector drawn as another)
        // share a row: `platforms.meituan, eleme, dada`.
        var rows: [(names: [String], items: String)] = []
        for group in groups {
            let items = group.items.joined(separator: "; ")
            if let index = rows.firstIndex(where: { $0.items == items }) {
                rows[index].names.append(group.name)
            } else {
                rows.append(([group.name], items))
            }
        }
        var out = "<table class=\"inputs\">\n<tr><th>\(header.group)</th><th>\(header.inputs)</th></tr>\n"
        for row in rows {
            let first = row.names[0], prefix = first.split(separator: ".").first.map { String($0) + "." } ?? ""
            let rest = row.names.dropFirst().map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
            out += "<tr><td><code>\(e(([first] + rest).joined(separator: ", ")))</code></td><td>" + row.items + "</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// A figure inside a cell (see ``figureCell(_:path:kind:)``).
    package static func figureSpan(_ text: String, path: String, kind: String) -> String {
        "<span data-figure=\"\(ChartStyle.escape(path))\" data-kind=\"\(kind)\">\(ChartStyle.escape(text))</span>"
    }

    /// A table cell holding a figure read from a result file: `data-figure` names its path in
    /// the file and `data-kind` how it is written (money, percent, count, ratio, rate), so a
    /// reader (and the tests) can tie every printed number to its source.
    package static func figureCell(_ text: String, path: String, kind: String) -> String {
        "<td class=\"num\" data-figure=\"\(ChartStyle.escape(path))\" data-kind=\"\(kind)\">\(ChartStyle.escape(text))</td>"
    }
}
