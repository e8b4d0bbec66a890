import InjurySimFormat

/// Horizontal rows, each an interval with a point (dot-and-interval), with optional markers
/// per row (a rate charged, a published figure) and a reference line (zero, a baseline).
package struct IntervalChart: Sendable {
    package struct Row: Sendable {
        package var label: String
        package var low: Double
        package var point: Double
        package var high: Double
        /// Values drawn as a diamond on the row.
        package var markers: [Double] = []
    }

    package var title: String
    package var valueTitle: String
    package var rows: [Row]
    package var intervalLabel: String
    package var pointLabel: String
    package var markerLabel: String?
    /// A vertical line across all rows (zero for differences, the baseline for a tornado).
    package var reference: Double?
    package var referenceLabel: String?
    /// Draw the interval as a bar (tornado) rather than a line with ends.
    package var asBars = false
    package var reading: String

    package func chart() -> SVGChart {
        let n = ChartStyle.n, e = ChartStyle.escape
        // Short labels and few rows: a narrow chart (two a row); else the whole row.
        let longest = rows.map { ChartFrame.textWidth($0.label, fontSize: 11) }.max() ?? 0
        let narrow = longest <= 140 && rows.count <= 8
        let width = narrow ? ChartFrame.width : ChartFrame.wideWidth
        let rowHeight = 30.0, top = 12.0, bottom = 46.0, right = 24.0
        let left = narrow ? max(60, longest + 16) : 170.0
        let height = top + bottom + rowHeight * Double(max(1, rows.count))
        var values = rows.flatMap { [$0.low, $0.point, $0.high] + $0.markers }.filter(\.isFinite)
        if let reference { values.append(reference) }
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high - low < 1e-12 { low -= 1; high += 1 }
        let pad = (high - low) * 0.06
        low -= pad; high += pad
        let plotWidth = width - left - right
        func x(_ v: Double) -> Double { left + plotWidth * (v - low) / (high - low) }
        let ticks = ChartStyle.ticks(low, high)
        let decimals = ticks.count > 1 ? ChartStyle.decimals(forStep: ticks[1] - ticks[0]) : 0
        var body = "<g class=\"axes\" font-size=\"11\" fill=\"#222\">\n"
        let plotBottom = height - bottom
        for tick in ticks {
            body += "<line x1=\"\(n(x(tick)))\" y1=\"\(n(top))\" x2=\"\(n(x(tick)))\" y2=\"\(n(plotBottom))\" stroke=\"#ddd\"/>"
            body += "<text x=\"\(n(x(tick)))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">\(ReportNumbers.grouped(tick, decimals))</text>\n"
        }
        body += "<line x1=\"\(n(left))\" y1=\"\(n(plotBottom))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(plotBottom))\" stroke=\"#000\"/>\n"
        body += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\" font-size=\"12\">\(e(valueTitle))</text>\n"
        if let reference {
            body +=
                "<line x1=\"\(n(x(reference)))\" y1=\"\(n(top))\" x2=\"\(n(x(reference)))\" y2=\"\(n(plotBottom))\" stroke=\"#000\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            let label = row.label.count > 26 ? String(row.label.prefix(25)) + "…" : row.label
            body += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(e(label))</text>\n"
            if row.low.isFinite && row.high.isFinite {
                if asBars {
                    body +=
                        "<rect x=\"\(n(min(x(row.low), x(row.high))))\" y=\"\(n(y - 8))\" width=\"\(n(max(0.5, abs(x(row.high) - x(row.low)))))\" height=\"16\" fill=\"\(ChartStyle.colour(4))\" stroke=\"#000\" stroke-width=\"0.6\"/>\n"
                } else {
                    body +=
                        "<line x1=\"\(n(x(row.low)))\" y1=\"\(n(y))\" x2=\"\(n(x(row.high)))\" y2=\"\(n(y))\" stroke=\"\(ChartStyle.colour(0))\" stroke-width=\"3\"/>"
                    for end in [row.low, row.high] {
                        body +=
                            "<line x1=\"\(n(x(end)))\" y1=\"\(n(y - 6))\" x2=\"\(n(x(end)))\" y2=\"\(n(y + 6))\" stroke=\"\(ChartStyle.colour(0))\" stroke-width=\"2\"/>"
                    }
                    body += "\n"
                }
            }
            if row.point.isFinite {
                body += "<circle cx=\"\(n(x(row.point)))\" cy=\"\(n(y))\" r=\"4.5\" fill=\"#000\"/>\n"
            }
            for marker in row.markers where marker.isFinite {
                let mx = x(marker)
                body +=
                    "<polygon points=\"\(n(mx)),\(n(y - 7)) \(n(mx + 6)),\(n(y)) \(n(mx)),\(n(y + 7)) \(n(mx - 6)),\(n(y))\" fill=\"\(ChartStyle.colour(1))\" stroke=\"#000\" stroke-width=\"0.8\"/>\n"
            }
        }
        body += "</g>\n"
        var legend: [(label: String, swatch: SVGChart.Swatch)] = [
            (intervalLabel, asBars ? .box(colour: ChartStyle.colour(4)) : .line(colour: ChartStyle.colour(0), dash: ""))
        ]
        if rows.contains(where: { $0.point.isFinite }) { legend.append((pointLabel, .dot(colour: "#000"))) }
        if let markerLabel { legend.append((markerLabel, .box(colour: ChartStyle.colour(1)))) }
        if let referenceLabel { legend.append((referenceLabel, .line(colour: "#000", dash: "4 3"))) }
        return SVGChart(title: title, body: body, legend: legend, reading: reading, height: height, width: width)
    }
}
