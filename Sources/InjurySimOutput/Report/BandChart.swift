/// Lines over months (or another ordered axis) with shaded bands: the fan chart of the net
/// position, the cumulative shortfall probability, liabilities, persons insured, sweeps.
package struct BandChart: Sendable {
    package struct Band: Sendable {
        package var label: String
        package var low: [Double]
        package var high: [Double]
        package var colour: String
        package var opacity: Double
    }

    package struct Line: Sendable {
        package var label: String
        package var values: [Double]
        package var colour: String
        package var dash: String
        package var width: Double = 2.2
    }

    package var title: String
    package var xLabels: [String]
    package var xTitle: String
    package var yTitle: String
    package var bands: [Band] = []
    package var lines: [Line] = []
    package var zeroLine = false
    package var includeZero = true
    package var reading: String
    /// A small-multiples panel: a smaller view box without axis titles (the figure's title says them).
    package var panel = false

    package func chart() -> SVGChart {
        let n = ChartStyle.n
        let values = bands.flatMap { $0.low + $0.high } + lines.flatMap(\.values)
        var frame = ChartFrame(values: values, includeZero: includeZero || zeroLine, count: xLabels.count, banded: false)
        if panel {
            (frame.boxWidth, frame.boxHeight) = (SVGChart.panelWidth, SVGChart.panelHeight)
            (frame.left, frame.bottom, frame.top) = (46, 24, 8)
        }
        var body = frame.axes(xTicks: ChartFrame.sparseTicks(xLabels, maximum: panel ? 3 : ChartFrame.maximumTicks), xTitle: xTitle, yTitle: yTitle)
        for band in bands {
            let upper = band.high.enumerated().compactMap { $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil }
            let lower = band.low.enumerated().reversed().compactMap {
                $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil
            }
            guard !upper.isEmpty else { continue }
            if upper.count == 1, let low = band.low.first, let high = band.high.first, low.isFinite, high.isFinite {
                // One position (a horizon of one year or month): the band as a bar from low to high.
                body +=
                    "<line x1=\"\(n(frame.x(0)))\" y1=\"\(n(frame.y(low)))\" x2=\"\(n(frame.x(0)))\" y2=\"\(n(frame.y(high)))\" "
                    + "stroke=\"\(band.colour)\" stroke-opacity=\"\(n(band.opacity))\" stroke-width=\"14\"/>\n"
                continue
            }
            body +=
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour)\" fill-opacity=\"\(n(band.opacity))\" stroke=\"none\"/>\n"
        }
        for line in lines {
            let points = line.values.enumerated().compactMap {
                $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil
            }
            guard !points.isEmpty else { continue }
            if points.count == 1 {
                body +=
                    "<circle cx=\"\(points[0].split(separator: ",")[0])\" cy=\"\(points[0].split(separator: ",")[1])\" r=\"3\" fill=\"\(line.colour)\"/>\n"
                continue
            }
            body +=
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"\(n(line.width))\""
                + (line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\"") + "/>\n"
        }
        var legend: [(label: String, swatch: SVGChart.Swatch)] = bands.map { ($0.label, .band(colour: $0.colour, opacity: $0.opacity)) }
        legend += lines.map { ($0.label, .line(colour: $0.colour, dash: $0.dash)) }
        return SVGChart(title: title, body: body, legend: legend, reading: reading)
    }
}
