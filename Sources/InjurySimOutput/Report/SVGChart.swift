/// One chart of a report: a title, an inline SVG with labelled axes, a legend and a one-line
/// reading, wrapped in a `<figure>` that is never split across printed pages.
package struct SVGChart: Sendable {
    /// What a legend entry looks like.
    package enum Swatch: Sendable {
        case line(colour: String, dash: String)
        case band(colour: String, opacity: Double)
        case box(colour: String)
        case dot(colour: String)
    }

    package var title: String
    /// The SVG's inner elements (axes included), in a `width × height` view box.
    package var body: String
    package var legend: [(label: String, swatch: Swatch)]
    package var reading: String
    package var height: Double = ChartFrame.height
    /// The view box's width: ``ChartFrame/width`` (two charts a row) or ``ChartFrame/wideWidth`` (a whole row).
    package var width: Double = ChartFrame.width

    /// Small multiples: panels drawn side by side under one title, legend and reading (each a
    /// panel's title and its SVG body in a ``panelWidth`` × ``panelHeight`` view box); `body` unused.
    package var panels: [(title: String, body: String)] = []
    package static let panelWidth = 260.0, panelHeight = 150.0

    /// The figure's XHTML.
    package func html() -> String {
        if !panels.isEmpty { return multiplesHTML() }
        let e = ChartStyle.escape
        var out = "<figure class=\"chart\(width > ChartFrame.width ? " wide" : "")\">\n<h3>\(e(title))</h3>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(ChartStyle.n(width)) \(ChartStyle.n(height))\" "
            + "role=\"img\" aria-label=\"\(e(title))\">\n" + body + "</svg>\n"
        if !legend.isEmpty {
            out += "<div class=\"legend\">"
            for entry in legend { out += "<span>" + Self.swatchSVG(entry.swatch) + e(entry.label) + "</span>" }
            out += "</div>\n"
        }
        out += "<figcaption>\(e(reading))</figcaption>\n</figure>\n"
        return out
    }

    func multiplesHTML() -> String {
        let e = ChartStyle.escape, n = ChartStyle.n
        var out = "<figure class=\"chart wide multiples\">\n<h3>\(e(title))</h3>\n<div class=\"panels\">\n"
        for panel in panels {
            out +=
                "<div class=\"panel\"><div class=\"panel-title\">\(e(panel.title))</div>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.panelWidth)) \(n(Self.panelHeight))\" role=\"img\" aria-label=\"\(e(panel.title))\">\n"
                + panel.body + "</svg></div>\n"
        }
        out += "</div>\n"
        if !legend.isEmpty {
            out += "<div class=\"legend\">"
            for entry in legend { out += "<span>" + Self.swatchSVG(entry.swatch) + e(entry.label) + "</span>" }
            out += "</div>\n"
        }
        return out + "<figcaption>\(e(reading))</figcaption>\n</figure>\n"
    }

    static func swatchSVG(_ swatch: Swatch) -> String {
        let inner: String
        switch swatch {
        case .line(let colour, let dash):
            inner =
                "<line x1=\"1\" y1=\"6\" x2=\"23\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
        case .band(let colour, let opacity):
            inner = "<rect x=\"1\" y=\"1\" width=\"22\" height=\"10\" fill=\"\(colour)\" fill-opacity=\"\(ChartStyle.n(opacity))\"/>"
        case .box(let colour):
            inner = "<rect x=\"1\" y=\"1\" width=\"22\" height=\"10\" fill=\"\(colour)\" stroke=\"#000\" stroke-width=\"0.5\"/>"
        case .dot(let colour):
            inner = "<circle cx=\"12\" cy=\"6\" r=\"4\" fill=\"\(colour)\"/>"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"12\" viewBox=\"0 0 24 12\">\(inner)</svg>"
    }
}
