import InjurySimFormat

/// A figure's Sobol indices, one row per group: the first-order index (dot and its 95% interval,
/// first colour) over the total index (dot and interval, second colour), and a pale bar from the
/// total less chance's total up to the total, where the group's total lies when its change
/// redraws part of the world's chance. Values are shares of the figure's variance (0–1, shown
/// in %); an interval running past the axis (−50% … 150%) is cut there with an open end.
package struct SobolChart: Sendable {
    package struct Row: Sendable {
        package var label: String
        package var firstOrder: (low: Double, estimate: Double, high: Double)
        package var total: (low: Double, estimate: Double, high: Double)
        /// nil for chance itself (and folders without it).
        package var totalLessChance: Double?
    }

    package var title: String
    package var valueTitle: String
    package var rows: [Row]
    package var firstOrderLabel: String
    package var totalLabel: String
    package var lessChanceLabel: String
    package var reading: String

    package static let firstColour = ChartStyle.colour(0), totalColour = ChartStyle.colour(1), lessChanceColour = "#f3d9a8"
    /// The axis never runs wider than this: bootstrap intervals of a small design can reach far past 0 and 1.
    package static let axisLimits = (low: -0.5, high: 1.5)
    static let rowHeight = 26.0, top = 10.0, bottom = 40.0

    /// The axis' ends for the rows' values: at least 0…1, widened to the values (to a quarter) within ``axisLimits``.
    package static func axis(_ rows: [Row]) -> (low: Double, high: Double) {
        let values = rows.flatMap { [$0.firstOrder.low, $0.firstOrder.estimate, $0.firstOrder.high, $0.total.low, $0.total.estimate, $0.total.high] }
            .filter(\.isFinite)
        let low = max(axisLimits.low, min(0, ((values.min() ?? 0) * 4).rounded(.down) / 4))
        let high = min(axisLimits.high, max(1, ((values.max() ?? 1) * 4).rounded(.up) / 4))
        return (low, high)
    }

    package func chart() -> SVGChart {
        let n = ChartStyle.n, e = ChartStyle.escape
        let width = ChartFrame.wideWidth
        let longest = rows.map { ChartFrame.textWidth($0.label, fontSize: 11) }.max() ?? 0
        let left = min(250, max(80, longest + 14)), right = 16.0
        let height = Self.top + Self.bottom + Self.rowHeight * Double(max(1, rows.count))
        let (low, high) = Self.axis(rows)
        let plotWidth = width - left - right
        func x(_ v: Double) -> Double { left + plotWidth * (min(max(v, low), high) - low) / (high - low) }
        let ticks = ChartStyle.ticks(low * 100, high * 100)
        let decimals = ticks.count > 1 ? ChartStyle.decimals(forStep: ticks[1] - ticks[0]) : 0
        let plotBottom = height - Self.bottom
        var body = "<g class=\"axes\" font-size=\"11\" fill=\"#222\">\n"
        for tick in ticks where tick / 100 >= low - 1e-9 && tick / 100 <= high + 1e-9 {
            body += "<line x1=\"\(n(x(tick / 100)))\" y1=\"\(n(Self.top))\" x2=\"\(n(x(tick / 100)))\" y2=\"\(n(plotBottom))\" stroke=\"#ddd\"/>"
            body +=
                "<text x=\"\(n(x(tick / 100)))\" y=\"\(n(plotBottom + 14))\" text-anchor=\"middle\">\(ReportNumbers.grouped(tick, decimals))</text>\n"
        }
        body += "<line x1=\"\(n(left))\" y1=\"\(n(plotBottom))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(plotBottom))\" stroke=\"#000\"/>\n"
        body += "<line x1=\"\(n(x(0)))\" y1=\"\(n(Self.top))\" x2=\"\(n(x(0)))\" y2=\"\(n(plotBottom))\" stroke=\"#000\" stroke-width=\"0.8\"/>\n"
        body += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" font-size=\"12\">\(e(valueTitle))</text>\n"
        for (index, row) in rows.enumerated() {
            let y = Self.top + Self.rowHeight * (Double(index) + 0.5)
            let label = row.label.count > 40 ? String(row.label.prefix(39)) + "…" : row.label
            body += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(e(label))</text>\n"
            if let floor = row.totalLessChance, floor.isFinite, row.total.estimate.isFinite {
                let a = x(min(floor, row.total.estimate)), b = x(max(floor, row.total.estimate))
                body +=
                    "<rect class=\"lessChance\" x=\"\(n(a))\" y=\"\(n(y))\" width=\"\(n(max(0.8, b - a)))\" height=\"9\" fill=\"\(Self.lessChanceColour)\"/>\n"
            }
            body += interval(row.firstOrder, y: y - 5, colour: Self.firstColour, cls: "first", x: x, low: low, high: high)
            body += interval(row.total, y: y + 5, colour: Self.totalColour, cls: "total", x: x, low: low, high: high)
        }
        body += "</g>\n"
        let legend: [(label: String, swatch: SVGChart.Swatch)] = [
            (firstOrderLabel, .dot(colour: Self.firstColour)), (totalLabel, .dot(colour: Self.totalColour)),
            (lessChanceLabel, .box(colour: Self.lessChanceColour))
        ]
        return SVGChart(title: title, body: body, legend: legend, reading: reading, height: height, width: width)
    }

    /// One index: its interval as a line with end caps (an end past the axis left open) and its estimate as a dot.
    func interval(
        _ index: (low: Double, estimate: Double, high: Double), y: Double, colour: String, cls: String, x: (Double) -> Double, low: Double,
        high: Double
    ) -> String {
        let n = ChartStyle.n
        var out = ""
        if index.low.isFinite && index.high.isFinite {
            out +=
                "<line class=\"\(cls)\" x1=\"\(n(x(index.low)))\" y1=\"\(n(y))\" x2=\"\(n(x(index.high)))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
            for end in [index.low, index.high] where end >= low && end <= high {
                out +=
                    "<line x1=\"\(n(x(end)))\" y1=\"\(n(y - 4))\" x2=\"\(n(x(end)))\" y2=\"\(n(y + 4))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
            }
            out += "\n"
        }
        if index.estimate.isFinite {
            out +=
                "<circle class=\"\(cls)\" cx=\"\(n(x(index.estimate)))\" cy=\"\(n(y))\" r=\"3.8\" fill=\"\(colour)\" stroke=\"#000\" stroke-width=\"0.6\"/>\n"
        }
        return out
    }
}
