import InjurySimFormat

/// The plot area of a chart with a category (or month) axis across and a value axis up.
package struct ChartFrame: Sendable {
    /// Two charts sit side by side on a page (an A4 column holds two 400-wide charts at about
    /// the scale one 680-wide chart had), so the view box is narrow; wide charts (intervals with
    /// long names) keep ``wideWidth`` and take the whole row.
    package static let width = 400.0
    package static let wideWidth = 680.0
    package static let height = 195.0
    /// Most tick labels under the axis (about 50 units each).
    package static let maximumTicks = 6
    package var left = 66.0, right = 14.0, top = 12.0, bottom = 52.0
    /// The view box (a small-multiples panel is smaller than ``width`` × ``height``).
    package var boxWidth = ChartFrame.width, boxHeight = ChartFrame.height
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

    package var plotWidth: Double { boxWidth - left - right }
    package var plotHeight: Double { boxHeight - top - bottom }

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
            // Centred under its tick, moved in so that its widest line stays inside the view box.
            let half = (lines.map { ChartFrame.textWidth(String($0), fontSize: 11) }.max() ?? 0) / 2
            let centre = min(max(xPosition, half + 2), boxWidth - half - 2)
            out += "<text x=\"\(n(centre))\" y=\"\(n(top + plotHeight + 17))\" text-anchor=\"middle\">\(e(String(lines[0])))"
            for line in lines.dropFirst() { out += "<tspan x=\"\(n(centre))\" dy=\"12\">\(e(String(line)))</tspan>" }
            out += "</text>\n"
        }
        if !xTitle.isEmpty {
            out +=
                "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(boxHeight - 8))\" text-anchor=\"middle\" font-size=\"12\">\(e(xTitle))</text>\n"
        }
        if !yTitle.isEmpty {
            let yTitle = ChartFrame.fitting(yTitle, length: boxHeight - 8, fontSize: 12)
            out +=
                "<text transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(e(yTitle))</text>\n"
        }
        return out + "</g>\n"
    }

    /// At most `maximum` evenly spaced labels out of `labels` (always the first; Januaries when
    /// months, every k-th when there are more).
    package static func sparseTicks(_ labels: [String], maximum: Int = maximumTicks) -> [(index: Int, label: String)] {
        guard labels.count > maximum else { return labels.enumerated().map { ($0.offset, $0.element) } }
        let januaries = labels.enumerated().filter { $0.element.hasSuffix("-01") }
        if januaries.count >= 2 {
            let step = (januaries.count + maximum - 1) / maximum
            return januaries.enumerated().filter { $0.offset % step == 0 }.map { ($0.element.offset, $0.element.element) }
        }
        let step = (labels.count + maximum - 1) / maximum
        return stride(from: 0, to: labels.count, by: step).map { ($0, labels[$0]) }
    }

    /// An axis title that fits `length`: the title, or when it is too long and ends in a unit in
    /// parentheses ("Solvency position (million yuan)", "资产负债差额（亿元）"), the unit alone (the
    /// chart's title names the figure).
    package static func fitting(_ title: String, length: Double, fontSize: Double) -> String {
        guard textWidth(title, fontSize: fontSize) > length else { return title }
        for (open, close) in [("(", ")"), ("（", "）")] where title.hasSuffix(close) {
            if let start = title.range(of: open, options: .backwards) {
                return String(title[start.upperBound..<title.index(before: title.endIndex)])
            }
        }
        return title
    }

    /// About how wide `text` is drawn at `fontSize`: CJK characters a full em, others 0.6 em.
    package static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 1.0 : 0.6) } * fontSize
    }
}
