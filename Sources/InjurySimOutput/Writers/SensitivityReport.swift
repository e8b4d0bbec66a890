import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

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
        lines.append(
            "Baseline: P(total fund short) " + Comparison.interval(baselineRuin, money: false, share: true)
                + "; break-even rate over all orders " + (Format.fixed(baselineBreakEven, 4) ?? "n/a") + " yuan per order.")
        lines.append("")
        lines.append(
            padded("input", 42) + padded("low", 10) + padded("high", 10) + padded("P(short) low", 24) + padded("P(short) high", 24)
                + padded("swing high − low [95%]", 28) + "break-even low → high")
        for row in rows {
            lines.append(
                padded(row.name, 42) + padded(row.lowLabel, 10) + padded(row.highLabel, 10)
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
        var lines = [
            "rank,input,low,high,ruin_low,ruin_low_low95,ruin_low_high95,ruin_high,ruin_high_low95,ruin_high_high95,"
                + "ruin_swing,ruin_swing_low95,ruin_swing_high95,break_even_low,break_even_high"
        ]
        for (rank, row) in rows.enumerated() {
            let fields: [String] =
                [String(rank + 1), row.name, row.lowLabel, row.highLabel]
                + [row.ruinLow, row.ruinHigh, row.ruinSwing].flatMap { e in
                    [Format.fixed(e.mean, 4) ?? "", Format.fixed(e.low, 4) ?? "", Format.fixed(e.high, 4) ?? ""]
                } + [Format.fixed(row.breakEvenLow, 6) ?? "", Format.fixed(row.breakEvenHigh, 6) ?? ""]
            lines.append(CSV.row(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        func estimate(_ e: Estimate) -> JSONOut {
            .object(["estimate": JSONOut.fixed(e.mean, 4), "low95": JSONOut.fixed(e.low, 4), "high95": JSONOut.fixed(e.high, 4)])
        }
        return .object([
            "scenario": .string(scenario.name),
            "baseline": .object(["ruinProbability": estimate(baselineRuin), "breakEvenRateYuanPerOrder": JSONOut.fixed(baselineBreakEven, 6)]),
            "inputs": .array(
                rows.map { row in
                    var object: [String: JSONOut] = [
                        "input": .string(row.name), "low": .string(row.lowLabel), "high": .string(row.highLabel),
                        "ruinProbabilityLow": estimate(row.ruinLow), "ruinProbabilityHigh": estimate(row.ruinHigh),
                        "ruinSwing": estimate(row.ruinSwing), "breakEvenLow": JSONOut.fixed(row.breakEvenLow, 6),
                        "breakEvenHigh": JSONOut.fixed(row.breakEvenHigh, 6)
                    ]
                    // The solvency test beside the liquidity one.
                    if let low = row.insolvencyLow { object["insolvencyProbabilityLow"] = estimate(low) }
                    if let high = row.insolvencyHigh { object["insolvencyProbabilityHigh"] = estimate(high) }
                    return .object(object)
                })
        ])
    }
}
