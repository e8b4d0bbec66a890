import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The tornado tables of `sensitivity`: each figure at each input's low and high end, and the
/// swing high − low, paired over the same worlds, with its 95% interval.
package struct SensitivityReport: Sendable {
    package var scenario: Scenario
    package var baselineRuin: Estimate
    /// P(insolvent at the horizon) at the baseline; nil for a table made without it.
    package var baselineInsolvency: Estimate?
    package var baselineBreakEven: Double
    package var rows: [PolicyCommands.SensitivityRow]

    package init(
        scenario: Scenario, baselineRuin: Estimate, baselineInsolvency: Estimate? = nil, baselineBreakEven: Double,
        rows: [PolicyCommands.SensitivityRow]
    ) {
        self.scenario = scenario
        self.baselineRuin = baselineRuin
        self.baselineInsolvency = baselineInsolvency
        self.baselineBreakEven = baselineBreakEven
        self.rows = rows
    }

    package init(scenario: Scenario, outcome: PolicyCommands.SensitivityOutcome) {
        self.init(
            scenario: scenario, baselineRuin: outcome.baselineRuin, baselineInsolvency: outcome.baselineInsolvency,
            baselineBreakEven: outcome.baselineBreakEven, rows: outcome.rows)
    }

    /// The rows ranked by the size of a swing (those without it last, in table order).
    static func ranked(_ rows: [PolicyCommands.SensitivityRow], by swing: (PolicyCommands.SensitivityRow) -> Double?) -> [PolicyCommands
        .SensitivityRow]
    {
        rows.enumerated().sorted { a, b in
            let (sa, sb) = (swing(a.element).map(abs) ?? -1, swing(b.element).map(abs) ?? -1)
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }

    /// A difference of probabilities in percentage points with its interval: "+65.0 pp [+36.7, +81.5]".
    static func points(_ e: Estimate) -> String {
        func p(_ x: Double) -> String { (x > 0 ? "+" : "") + (Format.fixed(x * 100, 1) ?? "n/a") }
        return p(e.mean) + " pp [" + p(e.low) + ", " + p(e.high) + "]"
    }

    /// A difference of rates with its interval: "+0.1551 [+0.1402, +0.1710]".
    static func rate(_ e: Estimate) -> String {
        func r(_ x: Double) -> String { (x > 0 ? "+" : "") + (Format.fixed(x, 4) ?? "n/a") }
        return r(e.mean) + " [" + r(e.low) + ", " + r(e.high) + "]"
    }

    /// The console's tables: one per figure, each ranked by its own swing.
    package func renderTable() -> String {
        let share = { (e: Estimate) in Comparison.interval(e, money: false, share: true) }
        var lines: [String] = []
        lines.append("InjurySim sensitivity — \(scenario.name), \(scenario.replications) replications per run, seed \(scenario.seed)")
        lines.append("Each input is fixed at its low and high value in every sector while all other inputs keep their distributions.")
        lines.append(
            "Baseline: P(total fund short) " + share(baselineRuin)
                + (baselineInsolvency.map { "; P(insolvent at horizon) " + share($0) } ?? "")
                + "; break-even rate over all orders " + (Format.fixed(baselineBreakEven, 4) ?? "n/a") + " yuan per order.")
        lines.append(
            "Swing = the figure at the high end − at the low end, paired replication by replication (the same worlds), [95% interval].")
        lines.append("")
        lines.append(
            padded("input", 42) + padded("low", 10) + padded("high", 10) + padded("P(short) at low", 24) + padded("P(short) at high", 24)
                + "swing high − low [95%]")
        for row in rows {
            lines.append(
                padded(row.name, 42) + padded(row.lowLabel, 10) + padded(row.highLabel, 10) + padded(share(row.ruinLow), 24)
                    + padded(share(row.ruinHigh), 24) + Self.points(row.ruinSwing))
        }
        if rows.contains(where: { $0.insolvencySwing != nil }) {
            lines.append("")
            lines.append(
                padded("input", 42) + padded("low", 10) + padded("high", 10) + padded("P(insolvent) at low", 24)
                    + padded("P(insolvent) at high", 24) + "swing high − low [95%]")
            for row in Self.ranked(rows, by: { $0.insolvencySwing?.mean }) {
                guard let low = row.insolvencyLow, let high = row.insolvencyHigh, let swing = row.insolvencySwing else { continue }
                lines.append(
                    padded(row.name, 42) + padded(row.lowLabel, 10) + padded(row.highLabel, 10) + padded(share(low), 24)
                        + padded(share(high), 24) + Self.points(swing))
            }
        }
        lines.append("")
        lines.append(
            padded("input", 42) + padded("low", 10) + padded("high", 10) + padded("break-even at low", 24)
                + padded("break-even at high", 24) + "swing high − low [95%]")
        for row in Self.ranked(rows, by: { $0.breakEvenSwing?.mean ?? ($0.breakEvenHigh - $0.breakEvenLow) }) {
            lines.append(
                padded(row.name, 42) + padded(row.lowLabel, 10) + padded(row.highLabel, 10)
                    + padded(Format.fixed(row.breakEvenLow, 4) ?? "n/a", 24) + padded(Format.fixed(row.breakEvenHigh, 4) ?? "n/a", 24)
                    + (row.breakEvenSwing.map(Self.rate) ?? ""))
        }
        lines.append("")
        lines.append("Each table is ranked by the size of its swing (the first by P(short), ties by the break-even swing).")
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderCSV() -> String {
        var lines = [
            "rank,input,low,high,ruin_low,ruin_low_low95,ruin_low_high95,ruin_high,ruin_high_low95,ruin_high_high95,"
                + "ruin_swing,ruin_swing_low95,ruin_swing_high95,break_even_low,break_even_high,"
                + "insolvency_low,insolvency_low_low95,insolvency_low_high95,insolvency_high,insolvency_high_low95,insolvency_high_high95,"
                + "insolvency_swing,insolvency_swing_low95,insolvency_swing_high95,break_even_swing,break_even_swing_low95,break_even_swing_high95"
        ]
        func fields(_ e: Estimate?, _ decimals: Int) -> [String] {
            guard let e else { return ["", "", ""] }
            return [Format.fixed(e.mean, decimals) ?? "", Format.fixed(e.low, decimals) ?? "", Format.fixed(e.high, decimals) ?? ""]
        }
        for (rank, row) in rows.enumerated() {
            let cells: [String] =
                [String(rank + 1), row.name, row.lowLabel, row.highLabel]
                + [row.ruinLow, row.ruinHigh, row.ruinSwing].flatMap { fields($0, 4) }
                + [Format.fixed(row.breakEvenLow, 6) ?? "", Format.fixed(row.breakEvenHigh, 6) ?? ""]
                + [row.insolvencyLow, row.insolvencyHigh, row.insolvencySwing].flatMap { fields($0, 4) } + fields(row.breakEvenSwing, 6)
            lines.append(CSV.row(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        func estimate(_ e: Estimate, _ decimals: Int = 4) -> JSONOut {
            .object([
                "estimate": JSONOut.fixed(e.mean, decimals), "low95": JSONOut.fixed(e.low, decimals), "high95": JSONOut.fixed(e.high, decimals)
            ])
        }
        var baseline: [String: JSONOut] = [
            "ruinProbability": estimate(baselineRuin), "breakEvenRateYuanPerOrder": JSONOut.fixed(baselineBreakEven, 6)
        ]
        if let baselineInsolvency { baseline["insolvencyProbability"] = estimate(baselineInsolvency) }
        return .object([
            "scenario": .string(scenario.name),
            "baseline": .object(baseline),
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
                    // Each swing high − low, paired over the same worlds.
                    if let swing = row.insolvencySwing { object["insolvencySwing"] = estimate(swing) }
                    if let swing = row.breakEvenSwing { object["breakEvenSwing"] = estimate(swing, 6) }
                    return .object(object)
                })
        ])
    }
}
