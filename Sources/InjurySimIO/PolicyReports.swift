import InjurySimAnalysis
import InjurySimCore

/// `text` padded with spaces to `width` characters, on the left when `right` (right-aligned).
package func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    text.count >= width ? text : (right ? String(repeating: " ", count: width - text.count) + text : text + String(repeating: " ", count: width - text.count))
}

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
        let figures = PolicyFigures.figures.filter { ["ruinProbability", "anyPoolRuinProbability", "worstDeficitYuan", "lossRatioPaid", "liabilitiesAtEndYuan"].contains($0.key) }
        let widths = axes.map { max(12, $0.count + 2) }
        lines.append(zip(axes, widths).map { padded($0, $1) }.joined() + figures.map { padded($0.label, 30) }.joined())
        for point in points {
            lines.append(zip(point.settings, widths).map { padded($0.value, $1) }.joined() + figures.map { figure in
                padded(Comparison.interval(PolicyFigures.estimate(figure, point.metrics), money: figure.isMoney, share: figure.isIndicator), 30)
            }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per grid point: axis values, then estimate, low95, high95 of every headline figure.
    package func renderCSV() -> String {
        var header = axes
        for figure in PolicyFigures.figures { header += [figure.key, figure.key + "_low95", figure.key + "_high95"] }
        var lines = [header.joined(separator: ",")]
        for point in points {
            var fields = point.settings.map { $0.value.contains(",") ? "\"" + $0.value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0.value }
            for figure in PolicyFigures.figures {
                let e = PolicyFigures.estimate(figure, point.metrics)
                let decimals = figure.isMoney ? 2 : 6
                fields += [Format.fixed(e.mean, decimals) ?? "", Format.fixed(e.low, decimals) ?? "", Format.fixed(e.high, decimals) ?? ""]
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        .object([
            "axes": .array(axes.map(JSONOut.string)),
            "points": .array(points.map { point in
                var figures: [String: JSONOut] = [:]
                for figure in PolicyFigures.figures {
                    let e = PolicyFigures.estimate(figure, point.metrics)
                    let decimals = figure.isMoney ? 2 : 6
                    figures[figure.key] = .object(["estimate": Format.json(e.mean, decimals), "low95": Format.json(e.low, decimals),
                                                   "high95": Format.json(e.high, decimals)])
                }
                return .object(["settings": .object(Dictionary(uniqueKeysWithValues: point.settings.map { ($0.path, JSONOut.string($0.value)) })),
                                "figures": .object(figures)])
            }),
        ])
    }
}

/// The answer of `solve` in words and as JSON.
package struct SolveReport: Sendable {
    package var solution: PolicyCommands.Solution

    package init(solution: PolicyCommands.Solution) { self.solution = solution }

    func rate(_ multiplier: Double, _ benchmark: Double) -> String {
        multiplier.isFinite ? (Format.fixed(multiplier * benchmark, 4) ?? "n/a") : "above \(Format.fixed(solution.limit * benchmark, 4) ?? "")"
    }

    package func renderText() -> String {
        let s = solution
        var lines: [String] = []
        lines.append("Target: \(s.target), rates of \(s.sectorName.map { "sector \($0)" } ?? "all sectors") scaled together.")
        let m = s.multiplier
        func multiplierText(_ x: Double) -> String { x.isFinite ? (Format.fixed(x, 3) ?? "") : "> \(Format.fixed(s.limit, 0) ?? "")" }
        lines.append("Lowest multiplier of the benchmark rates meeting it: \(multiplierText(m.mean)) "
                     + "[95% interval \(multiplierText(m.low)), \(multiplierText(m.high))], from \(s.replications) replications "
                     + "(thresholds found replication by replication, \(s.evaluations) rounds).")
        if s.exceedsLimit { lines.append("The target is not met within \(Format.fixed(s.limit, 0) ?? "")× the benchmark rates.") }
        lines.append("")
        lines.append(padded("platform", 16) + padded("benchmark", 12, right: true) + padded("rate meeting target [95% interval], yuan/order", 52, right: true))
        for (platform, benchmark) in s.benchmarks {
            lines.append(padded(platform, 16) + padded(Format.fixed(benchmark, 4) ?? "", 12, right: true)
                         + padded(rate(m.mean, benchmark) + " [" + rate(m.low, benchmark) + ", " + rate(m.high, benchmark) + "]", 52, right: true))
        }
        lines.append("")
        lines.append("For comparison, the expected break-even rate (ultimate cost per order incl. the present value of long-tail benefits, at the benchmark rates):")
        for (sector, spread) in s.breakEven {
            lines.append("  " + padded(sector, 24) + " median " + (Format.fixed(spread.p50, 4) ?? "n/a") + " [p5 " + (Format.fixed(spread.p5, 4) ?? "n/a")
                         + ", p95 " + (Format.fixed(spread.p95, 4) ?? "n/a") + "] yuan per order")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        let s = solution
        var platforms: [String: JSONOut] = [:]
        for (platform, benchmark) in s.benchmarks {
            platforms[platform] = .object(["benchmarkYuanPerOrder": Format.json(benchmark, 4),
                                           "rateYuanPerOrder": Format.json(s.multiplier.mean * benchmark, 4),
                                           "low95": Format.json(s.multiplier.low * benchmark, 4),
                                           "high95": Format.json(s.multiplier.high * benchmark, 4)])
        }
        var breakEven: [String: JSONOut] = [:]
        for (sector, spread) in s.breakEven {
            breakEven[sector] = .object(["p5": Format.json(spread.p5, 4), "p50": Format.json(spread.p50, 4), "p95": Format.json(spread.p95, 4)])
        }
        return .object([
            "target": .string(s.target.description),
            "sector": s.sectorName.map(JSONOut.string) ?? .string("all"),
            "multiplier": .object(["estimate": Format.json(s.multiplier.mean, 4), "low95": Format.json(s.multiplier.low, 4),
                                   "high95": Format.json(s.multiplier.high, 4)]),
            "exceedsSearchLimit": .bool(s.exceedsLimit),
            "searchLimit": Format.json(s.limit, 1),
            "replications": .number(String(s.replications)),
            "rounds": .number(String(s.evaluations)),
            "platforms": .object(platforms),
            "breakEvenRateYuanPerOrder": .object(breakEven),
            "thresholdMultipliers": .array(s.thresholds.map { Format.json($0, 4) }),
        ])
    }
}

/// The tornado table of `sensitivity`.
package struct SensitivityReport: Sendable {
    package var scenario: Scenario
    package var baselineRuin: Estimate
    package var baselineBreakEven: Double
    package var rows: [PolicyCommands.SensitivityRow]

    package init(scenario: Scenario, baselineRuin: Estimate, baselineBreakEven: Double, rows: [PolicyCommands.SensitivityRow]) {
        self.scenario = scenario
        self.baselineRuin = baselineRuin
        self.baselineBreakEven = baselineBreakEven
        self.rows = rows
    }

    package func renderTable() -> String {
        var lines: [String] = []
        lines.append("InjurySim sensitivity — \(scenario.name), \(scenario.replications) replications per run, seed \(scenario.seed)")
        lines.append("Each input is fixed at its low and high value in every sector while all other inputs keep their distributions.")
        lines.append("Baseline: P(total fund short) " + Comparison.interval(baselineRuin, money: false, share: true)
                     + "; break-even rate over all orders " + (Format.fixed(baselineBreakEven, 4) ?? "n/a") + " yuan per order.")
        lines.append("")
        lines.append(padded("input", 42) + padded("low", 10) + padded("high", 10) + padded("P(short) low", 24) + padded("P(short) high", 24)
                     + padded("swing high − low [95%]", 28) + "break-even low → high")
        for row in rows {
            lines.append(padded(row.name, 42) + padded(row.lowLabel, 10) + padded(row.highLabel, 10)
                         + padded(Comparison.interval(row.ruinLow, money: false, share: true), 24)
                         + padded(Comparison.interval(row.ruinHigh, money: false, share: true), 24)
                         + padded(Comparison.interval(row.ruinSwing, money: false, share: true), 28)
                         + (Format.fixed(row.breakEvenLow, 4) ?? "n/a") + " → " + (Format.fixed(row.breakEvenHigh, 4) ?? "n/a"))
        }
        lines.append("")
        lines.append("Rows are ranked by the size of the swing in P(short), then by the swing in the break-even rate.")
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderCSV() -> String {
        var lines = ["rank,input,low,high,ruin_low,ruin_low_low95,ruin_low_high95,ruin_high,ruin_high_low95,ruin_high_high95,"
                     + "ruin_swing,ruin_swing_low95,ruin_swing_high95,break_even_low,break_even_high"]
        for (rank, row) in rows.enumerated() {
            let fields: [String] = [String(rank + 1), row.name, row.lowLabel, row.highLabel] + [row.ruinLow, row.ruinHigh, row.ruinSwing].flatMap { e in
                [Format.fixed(e.mean, 4) ?? "", Format.fixed(e.low, 4) ?? "", Format.fixed(e.high, 4) ?? ""]
            } + [Format.fixed(row.breakEvenLow, 6) ?? "", Format.fixed(row.breakEvenHigh, 6) ?? ""]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        func estimate(_ e: Estimate) -> JSONOut {
            .object(["estimate": Format.json(e.mean, 4), "low95": Format.json(e.low, 4), "high95": Format.json(e.high, 4)])
        }
        return .object([
            "scenario": .string(scenario.name),
            "baseline": .object(["ruinProbability": estimate(baselineRuin), "breakEvenRateYuanPerOrder": Format.json(baselineBreakEven, 6)]),
            "inputs": .array(rows.map { row in
                .object(["input": .string(row.name), "low": .string(row.lowLabel), "high": .string(row.highLabel),
                         "ruinProbabilityLow": estimate(row.ruinLow), "ruinProbabilityHigh": estimate(row.ruinHigh),
                         "ruinSwing": estimate(row.ruinSwing), "breakEvenLow": Format.json(row.breakEvenLow, 6),
                         "breakEvenHigh": Format.json(row.breakEvenHigh, 6)])
            }),
        ])
    }
}
