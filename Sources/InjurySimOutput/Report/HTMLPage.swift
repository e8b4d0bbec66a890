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
        figure.chart { margin: 18px 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart > svg { width: 100%; height: auto; max-width: 680px; display: block; }
        div.legend { font-size: 12px; margin: 4px 0; }
        div.legend span { margin-right: 14px; white-space: nowrap; }
        div.legend svg { width: 24px; height: 12px; vertical-align: middle; margin-right: 4px; }
        figcaption { font-size: 13px; color: #333; font-style: italic; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; background: #f4f4f4; padding: 1px 3px; }
        section { break-inside: auto; }
        @page { size: A4; margin: 14mm; }
        @media print { body { max-width: none; margin: 0; } p.verdict { background: none; } }
        """

    /// Marks a page as injurysim's own, near its top: `report --out FILE` replaces an existing
    /// file only when it carries this (``ReportPageFile``).
    package static let generatorMeta = "<meta name=\"generator\" content=\"injurysim report\"/>"

    /// The whole document.
    package static func render(title: String, language: ReportLanguage, body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.tag)\" xml:lang=\"\(language.tag)\">\n<head>\n"
            + "<meta charset=\"utf-8\"/>\n" + generatorMeta + "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<title>\(ChartStyle.escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n\(body)</body>\n</html>\n"
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
