import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The headline figures per sweep grid point.
package struct SweepTable: Sendable {
    package var axes: [String]
    package var points: [PolicyCommands.SweepPoint]

    package init(axes: [String], points: [PolicyCommands.SweepPoint]) {
        self.axes = axes
        self.points = points
    }

    package func renderTable() -> String {
        var lines = ["Money in millions of yuan; means over replications with 95% intervals.", ""]
        let figures = ["ruinProbability", "anyPoolRuinProbability", "worstDeficitYuan", "lossRatioPaid", "liabilitiesAtEndYuan"].map(Figures.named)
        let widths = axes.map { max(12, $0.count + 2) }
        lines.append(zip(axes, widths).map { padded($0, $1) }.joined() + figures.map { padded($0.short, 30) }.joined())
        for point in points {
            lines.append(
                zip(point.settings, widths).map { padded($0.value, $1) }.joined()
                    + figures.map { figure in
                        padded(
                            Comparison.interval(PolicyFigures.estimate(figure, point.metrics), money: figure.isMoney, share: figure.isIndicator), 30)
                    }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per grid point: axis values, then estimate, low95, high95 of every headline figure.
    package func renderCSV() -> String {
        var header = axes
        for figure in PolicyFigures.figures { header += [figure.key, figure.key + "_low95", figure.key + "_high95"] }
        var lines = [CSV.row(header)]
        for point in points {
            var fields = point.settings.map(\.value)
            for figure in PolicyFigures.figures {
                let e = PolicyFigures.estimate(figure, point.metrics)
                let decimals = figure.isMoney ? 2 : 6
                fields += [Format.fixed(e.mean, decimals) ?? "", Format.fixed(e.low, decimals) ?? "", Format.fixed(e.high, decimals) ?? ""]
            }
            lines.append(CSV.row(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        .object([
            "axes": .array(axes.map(JSONOut.string)),
            "points": .array(
                points.map { point in
                    var figures: [String: JSONOut] = [:]
                    for figure in PolicyFigures.figures {
                        let e = PolicyFigures.estimate(figure, point.metrics)
                        let decimals = figure.isMoney ? 2 : 6
                        figures[figure.key] = .object([
                            "estimate": JSONOut.fixed(e.mean, decimals), "low95": JSONOut.fixed(e.low, decimals),
                            "high95": JSONOut.fixed(e.high, decimals)
                        ])
                    }
                    return .object([
                        "settings": .object(Dictionary(uniqueKeysWithValues: point.settings.map { ($0.path, JSONOut.string($0.value)) })),
                        "figures": .object(figures)
                    ])
                })
        ])
    }
}
