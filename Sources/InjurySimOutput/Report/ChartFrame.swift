import InjurySimFormat

/// The plot area of a chart with a category (or month) axis across and a value axis up.
package struct ChartFrame: Sendable {
    package static let width = 680.0
    package static let height = 300.0
    package var left = 78.0, right = 18.0, top = 14.0, bottom = 54.0
    package var yLow: Double, yHigh: Double
    /// Number of x positions.
    package var count: Int
    /// Bars sit in the middle of equal bands; lines run from the first position to the last.
    package var banded: Bool

    /// A frame whose value axis covers `values` (and zero when `includeZero`), padded a little.
    package init(values: [Double], includeZero: Bool, count: Int, banded: Bool) {
        var finite = values.filter(\.isFinite)
        if includeZero || finite.isEmpty { finite.append(0) }
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if high - low < 1e-12 { low -= 1; high += 1 }
        let pad = (high - low) * 0.05
        yLow = includeZero && low >= 0 ? 0 : low - pad
        yHigh = high + pad
        self.count = max(1, count)
        self.banded = banded
    }

    package var plotWidth: Double { ChartFrame.width - left - right }
    package var plotHeight: Double { ChartFrame.height - top - bottom }

    package func x(_ index: Double) -> Double {
        if banded { return left + plotWidth * (index + 0.5) / Double(count) }
        return left + (count <= 1 ? plotWidth / 2 : plotWidth * index / Double(count - 1))
    }

    package var bandWidth: Double { plotWidth / Double(count) }

    package func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - yLow) / (yHigh - yLow)) }

    /// Grid, tick labels, axis titles; a heavier line at zero when it is in range.
    package func axes(xTicks: [(index: Int, label: String)], xTitle: String, yTitle: String) -> String {
        let n = ChartStyle.n, e = ChartStyle.escape
        let ticks = ChartStyle.ticks(yLow, yHigh)
        let decimals = ticks.count > 1 ? ChartStyle.decimals(forStep: ticks[1] - ticks[0]) : 0
        var out = "<g class=\"axes\" font-size=\"11\" fill=\"#222\">\n"
        for tick in ticks {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(ReportNumbers.grouped(tick, decimals))</text>\n"
        }
        if yLow < 0 && yHigh > 0 {
            out +=
                "<line class=\"zero\" x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(0)))\" stroke=\"#000\" stroke-width=\"1.2\"/>\n"
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" stroke=\"#000\"/>"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" stroke=\"#000\"/>\n"
        for tick in xTicks {
            let xPosition = x(Double(tick.index))
            out +=
                "<line x1=\"\(n(xPosition))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(xPosition))\" y2=\"\(n(top + plotHeight + 4))\" stroke=\"#000\"/>"
            // A label of two lines (a part-year's months under its year) as two spans.
            let lines = tick.label.split(separator: "\n", omittingEmptySubsequences: false)
            out += "<text x=\"\(n(xPosition))\" y=\"\(n(top + plotHeight + 17))\" text-anchor=\"middle\">\(e(String(lines[0])))"
            for line in lines.dropFirst() { out += "<tspan x=\"\(n(xPosition))\" dy=\"12\">\(e(String(line)))</tspan>" }
            out += "</text>\n"
        }
        out +=
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(ChartFrame.height - 8))\" text-anchor=\"middle\" font-size=\"12\">\(e(xTitle))</text>\n"
        out +=
            "<text transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(e(yTitle))</text>\n"
        return out + "</g>\n"
    }

    /// About eight evenly spaced labels out of `labels` (always the first; January when months).
    package static func sparseTicks(_ labels: [String]) -> [(index: Int, label: String)] {
        guard labels.count > 8 else { return labels.enumerated().map { ($0.offset, $0.element) } }
        let januaries = labels.enumerated().filter { $0.element.hasSuffix("-01") }
        if januaries.count >= 2 && januaries.count <= 10 { return januaries.map { ($0.offset, $0.element) } }
        let step = (labels.count + 7) / 8
        return stride(from: 0, to: labels.count, by: step).map { ($0, labels[$0]) }
    }
}
