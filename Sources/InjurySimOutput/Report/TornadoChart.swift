import InjurySimFormat

/// A tornado: one row per input, two bars from the baseline — to the figure with the input at its
/// low end (upper bar, first colour) and at its high end (lower bar, second colour) — a legend that
/// says which is which, and at the right of each row the swing (high − low) with its 95% interval.
package struct TornadoChart: Sendable {
    package struct Row: Sendable {
        package var label: String
        /// The figure with the input at its low end, and at its high end.
        package var low: Double
        package var high: Double
        /// The swing high − low with its interval, as the row's right column writes it ("" for none).
        package var swing: String
    }

    package var title: String
    package var valueTitle: String
    package var rows: [Row]
    package var baseline: Double
    package var lowLabel: String
    package var highLabel: String
    package var baselineLabel: String
    /// The heading of the swing column.
    package var swingTitle: String
    package var reading: String

    package static let lowColour = ChartStyle.colour(0), highColour = ChartStyle.colour(1)
    static let rowHeight = 24.0, top = 22.0, bottom = 40.0

    /// Where a row's bars run on the value axis: each from the baseline to its end's value.
    package static func bars(_ row: Row, baseline: Double) -> (low: ClosedRange<Double>, high: ClosedRange<Double>) {
        (min(baseline, row.low)...max(baseline, row.low), min(baseline, row.high)...max(baseline, row.high))
    }

    package func chart() -> SVGChart {
        let n = ChartStyle.n, e = ChartStyle.escape
        let width = ChartFrame.wideWidth
        let longest = rows.map { ChartFrame.textWidth($0.label, fontSize: 11) }.max() ?? 0
        let left = min(240, max(80, longest + 14))
        let swingWidth =
            max(ChartFrame.textWidth(swingTitle, fontSize: 11), rows.map { ChartFrame.textWidth($0.swing, fontSize: 11) }.max() ?? 0) + 12
        let right = swingWidth + 8
        let height = Self.top + Self.bottom + Self.rowHeight * Double(max(1, rows.count))
        var values = rows.flatMap { [$0.low, $0.high] }.filter(\.isFinite)
        if baseline.isFinite { values.append(baseline) }
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high - low < 1e-12 { low -= 1; high += 1 }
        let pad = (high - low) * 0.05
        low -= pad; high += pad
        let plotWidth = width - left - right
        func x(_ v: Double) -> Double { left + plotWidth * (v - low) / (high - low) }
        let base = baseline.isFinite ? baseline : low
        let ticks = ChartStyle.ticks(low, high)
        let decimals = ticks.count > 1 ? ChartStyle.decimals(forStep: ticks[1] - ticks[0]) : 0
        let plotBottom = height - Self.bottom
        var body = "<g class=\"axes\" font-size=\"11\" fill=\"#222\">\n"
        for tick in ticks {
            body += "<line x1=\"\(n(x(tick)))\" y1=\"\(n(Self.top))\" x2=\"\(n(x(tick)))\" y2=\"\(n(plotBottom))\" stroke=\"#ddd\"/>"
            body += "<text x=\"\(n(x(tick)))\" y=\"\(n(plotBottom + 14))\" text-anchor=\"middle\">\(ReportNumbers.grouped(tick, decimals))</text>\n"
        }
        body += "<line x1=\"\(n(left))\" y1=\"\(n(plotBottom))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(plotBottom))\" stroke=\"#000\"/>\n"
        body += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" font-size=\"12\">\(e(valueTitle))</text>\n"
        body += "<text x=\"\(n(width - 4))\" y=\"\(n(Self.top - 8))\" text-anchor=\"end\">\(e(swingTitle))</text>\n"
        for (index, row) in rows.enumerated() {
            let y = Self.top + Self.rowHeight * (Double(index) + 0.5)
            let label = row.label.count > 38 ? String(row.label.prefix(37)) + "…" : row.label
            body += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(e(label))</text>\n"
            let bars = Self.bars(row, baseline: base)
            for (range, colour, offset, value) in [(bars.low, Self.lowColour, -9.0, row.low), (bars.high, Self.highColour, 0.0, row.high)]
            where value.isFinite {
                body +=
                    "<rect class=\"\(colour == Self.lowColour ? "low" : "high")\" x=\"\(n(x(range.lowerBound)))\" y=\"\(n(y + offset))\" "
                    + "width=\"\(n(max(0.8, x(range.upperBound) - x(range.lowerBound))))\" height=\"9\" fill=\"\(colour)\" stroke=\"#000\" stroke-width=\"0.4\"/>\n"
            }
            body += "<text x=\"\(n(width - 4))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(e(row.swing))</text>\n"
        }
        if baseline.isFinite {
            body +=
                "<line x1=\"\(n(x(baseline)))\" y1=\"\(n(Self.top - 2))\" x2=\"\(n(x(baseline)))\" y2=\"\(n(plotBottom))\" stroke=\"#000\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
        }
        body += "</g>\n"
        let legend: [(label: String, swatch: SVGChart.Swatch)] = [
            (lowLabel, .box(colour: Self.lowColour)), (highLabel, .box(colour: Self.highColour)),
            (baselineLabel, .line(colour: "#000", dash: "4 3"))
        ]
        return SVGChart(title: title, body: body, legend: legend, reading: reading, height: height, width: width)
    }
}
