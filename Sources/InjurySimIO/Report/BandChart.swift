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

    package func chart() -> SVGChart {
        let n = ChartStyle.n
        let values = bands.flatMap { $0.low + $0.high } + lines.flatMap(\.values)
        let frame = ChartFrame(values: values, includeZero: includeZero || zeroLine, count: xLabels.count, banded: false)
        var body = frame.axes(xTicks: ChartFrame.sparseTicks(xLabels), xTitle: xTitle, yTitle: yTitle)
        for band in bands {
            let upper = band.high.enumerated().compactMap { $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil }
            let lower = band.low.enumerated().reversed().compactMap { $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil }
            guard !upper.isEmpty else { continue }
            body += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour)\" fill-opacity=\"\(n(band.opacity))\" stroke=\"none\"/>\n"
        }
        for line in lines {
            let points = line.values.enumerated().compactMap { $0.element.isFinite ? "\(n(frame.x(Double($0.offset)))),\(n(frame.y($0.element)))" : nil }
            guard !points.isEmpty else { continue }
            if points.count == 1 {
                body += "<circle cx=\"\(points[0].split(separator: ",")[0])\" cy=\"\(points[0].split(separator: ",")[1])\" r=\"3\" fill=\"\(line.colour)\"/>\n"
                continue
            }
            body += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"\(n(line.width))\""
                + (line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\"") + "/>\n"
        }
        var legend: [(label: String, swatch: SVGChart.Swatch)] = bands.map { ($0.label, .band(colour: $0.colour, opacity: $0.opacity)) }
        legend += lines.map { ($0.label, .line(colour: $0.colour, dash: $0.dash)) }
        return SVGChart(title: title, body: body, legend: legend, reading: reading)
    }
}

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
        var body = frame.axes(xTicks: categories.enumerated().map { ($0.offset, $0.element) }, xTitle: xTitle, yTitle: yTitle)
        var up = [Double](repeating: 0, count: categories.count), down = up
        let barWidth = frame.bandWidth * 0.6
        for s in series {
            for (index, value) in s.values.enumerated() where index < categories.count && value.isFinite && value != 0 {
                let from = value >= 0 ? up[index] : down[index]
                let to = from + value
                if value >= 0 { up[index] = to } else { down[index] = to }
                let yTop = frame.y(max(from, to)), yBottom = frame.y(min(from, to))
                body += "<rect x=\"\(n(frame.x(Double(index)) - barWidth / 2))\" y=\"\(n(yTop))\" width=\"\(n(barWidth))\" "
                    + "height=\"\(n(max(0.5, yBottom - yTop)))\" fill=\"\(s.colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
            }
        }
        if frame.yLow < 0 {
            body += "<line x1=\"\(n(frame.left))\" y1=\"\(n(frame.y(0)))\" x2=\"\(n(frame.left + frame.plotWidth))\" y2=\"\(n(frame.y(0)))\" stroke=\"#000\"/>\n"
        }
        return SVGChart(title: title, body: body, legend: series.map { ($0.label, .box(colour: $0.colour)) }, reading: reading)
    }
}
