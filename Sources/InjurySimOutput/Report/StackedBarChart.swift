/// Bars by category, stacked: positive parts upward from zero, negative parts downward.
package struct StackedBarChart: Sendable {
    package struct Series: Sendable {
        package var label: String
        package var values: [Double]
        package var colour: String
    }

    package var title: String
    package var categories: [String]
    package var xTitle: String
    package var yTitle: String
    package var series: [Series]
    package var reading: String

    package func chart() -> SVGChart {
        let n = ChartStyle.n
        var tops = [Double](repeating: 0, count: categories.count), bottoms = tops
        for s in series {
            for (index, value) in s.values.enumerated() where index < categories.count && value.isFinite {
                if value >= 0 { tops[index] += value } else { bottoms[index] += value }
            }
        }
        let frame = ChartFrame(values: tops + bottoms, includeZero: true, count: categories.count, banded: true)
        // Every category labelled up to six; beyond, about six labels (a 50-year horizon).
        let step = categories.count > ChartFrame.maximumTicks ? (categories.count + ChartFrame.maximumTicks - 1) / ChartFrame.maximumTicks : 1
        let ticks = categories.enumerated().filter { $0.offset % step == 0 }.map { ($0.offset, $0.element) }
        var body = frame.axes(xTicks: ticks, xTitle: xTitle, yTitle: yTitle)
        var up = [Double](repeating: 0, count: categories.count), down = up
        let barWidth = frame.bandWidth * 0.6
        for s in series {
            for (index, value) in s.values.enumerated() where index < categories.count && value.isFinite && value != 0 {
                let from = value >= 0 ? up[index] : down[index]
                let to = from + value
                if value >= 0 { up[index] = to } else { down[index] = to }
                let yTop = frame.y(max(from, to)), yBottom = frame.y(min(from, to))
                body +=
                    "<rect x=\"\(n(frame.x(Double(index)) - barWidth / 2))\" y=\"\(n(yTop))\" width=\"\(n(barWidth))\" "
                    + "height=\"\(n(max(0.5, yBottom - yTop)))\" fill=\"\(s.colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
            }
        }
        if frame.yLow < 0 {
            body +=
                "<line x1=\"\(n(frame.left))\" y1=\"\(n(frame.y(0)))\" x2=\"\(n(frame.left + frame.plotWidth))\" y2=\"\(n(frame.y(0)))\" stroke=\"#000\"/>\n"
        }
        return SVGChart(title: title, body: body, legend: series.map { ($0.label, .box(colour: $0.colour)) }, reading: reading)
    }
}
