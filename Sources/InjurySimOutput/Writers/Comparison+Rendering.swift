import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// How a comparison is shown: the console table, compare.csv and compare.json.
extension Comparison {
    static func text(_ value: Double, money: Bool, share: Bool) -> String {
        if money { return (Format.fixed(value / 1_000_000, 1) ?? "n/a") }
        if share { return (Format.fixed(value * 100, 1) ?? "n/a") + "%" }
        return Format.fixed(value, 3) ?? "n/a"
    }

    static func interval(_ e: Estimate, money: Bool, share: Bool) -> String {
        text(e.mean, money: money, share: share) + " [" + text(e.low, money: money, share: share) + ", "
            + text(e.high, money: money, share: share) + "]"
    }

    /// The test that binds for the first scenario (the reference): solvency when at least as many
    /// of its replications end insolvent as run short of cash (``Verdict``), as a run's verdict reads.
    package var binding: Verdict {
        let metrics = entries[0].metrics
        return Verdict(ruined: metrics.filter(\.ruined).count, insolvent: metrics.filter(\.insolventAtEnd).count)
    }

    /// The keys of the rows that lead the console table: the binding test's probability and
    /// position at the end, then the other test's.
    package static func leadingKeys(_ binding: Verdict) -> [String] {
        let solvency = ["insolvencyProbability", "solvencyPositionAtEndYuan"]
        let liquidity = ["ruinProbability", "anyPoolRuinProbability", "netPositionAtEndYuan"]
        return binding == .solvency ? solvency + liquidity : liquidity + solvency
    }

    /// The side-by-side console table: the binding test's rows first.
    package func renderTable() -> String {
        let width = 34
        var lines: [String] = []
        lines.append(
            "Money in millions of yuan; every figure is the mean over \(entries[0].metrics.count) replications [95% interval]; "
                + "differences are paired (common random numbers) against \(entries[0].name).")
        switch binding {
        case .solvency:
            lines.append("Solvency binds in \(entries[0].name) (no fewer worlds end insolvent than run short of cash): its rows lead.")
        case .liquidity:
            lines.append("Liquidity binds in \(entries[0].name) (more worlds run short of cash than end insolvent): its rows lead.")
        case .neither:
            lines.append("Neither test failed in \(entries[0].name).")
        }
        lines.append("")
        let lead = Self.leadingKeys(binding), all = rows
        // The label column fits the longest label and a space.
        let labels = max(28, all.map(\.label.count).max().map { $0 + 2 } ?? 0)
        lines.append(padded("", labels) + entries.map { padded($0.name, width) }.joined())
        let ordered = lead.compactMap { key in all.first { $0.key == key } } + all.filter { !lead.contains($0.key) }
        for row in ordered {
            if let needs = row.needsReplications {
                lines.append(padded(row.label, labels) + entries.map { _ in padded("needs ≥ \(needs) replications", width) }.joined())
                continue
            }
            lines.append(
                padded(row.label, labels) + row.values.map { padded(Comparison.interval($0, money: row.isMoney, share: row.isShare), width) }.joined()
            )
            if row.differences.contains(where: { $0 != nil }) {
                lines.append(
                    padded("  − \(entries[0].name)", labels)
                        + row.differences.map { difference in
                            padded(difference.map { Comparison.interval($0, money: row.isMoney, share: row.isShare) } ?? "", width)
                        }.joined())
            }
        }
        lines.append(
            padded("first shortfall, median", labels)
                + entries.map { entry in
                    padded(
                        firstShortfall(entry).map { estimate, count in
                            entry.startMonth.adding(months: Int(estimate.mean)).description + " ["
                                + entry.startMonth.adding(months: Int(estimate.low)).description
                                + ", " + entry.startMonth.adding(months: Int(estimate.high)).description + "] n=\(count)"
                        } ?? "never", width)
                }.joined())
        return lines.joined(separator: "\n") + "\n"
    }

    /// `metric,scenario,estimate,low95,high95,difference_vs_first,difference_low95,difference_high95`.
    package func renderCSV() -> String {
        var lines = ["metric,scenario,estimate,low95,high95,difference_vs_first,difference_low95,difference_high95"]
        for row in rows {
            for (index, entry) in entries.enumerated() {
                let v = row.values[index]
                let d = row.differences[index]
                let decimals = row.isMoney ? 2 : 6
                lines.append(
                    CSV.row([
                        row.key, entry.name, Format.fixed(v.mean, decimals) ?? "", Format.fixed(v.low, decimals) ?? "",
                        Format.fixed(v.high, decimals) ?? "", d.flatMap { Format.fixed($0.mean, decimals) } ?? "",
                        d.flatMap { Format.fixed($0.low, decimals) } ?? "", d.flatMap { Format.fixed($0.high, decimals) } ?? ""
                    ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON, keys sorted.
    package func renderJSON() -> JSONOut {
        var metrics: [String: JSONOut] = [:]
        for row in rows {
            var perScenario: [String: JSONOut] = [:]
            for (index, entry) in entries.enumerated() {
                let decimals = row.isMoney ? 2 : 6
                let v = row.values[index]
                var item: [String: JSONOut] = [
                    "estimate": JSONOut.fixed(v.mean, decimals), "low95": JSONOut.fixed(v.low, decimals),
                    "high95": JSONOut.fixed(v.high, decimals)
                ]
                if let d = row.differences[index] {
                    item["differenceVsFirst"] = .object([
                        "estimate": JSONOut.fixed(d.mean, decimals), "low95": JSONOut.fixed(d.low, decimals),
                        "high95": JSONOut.fixed(d.high, decimals)
                    ])
                }
                if let needs = row.needsReplications { item["needsReplications"] = .number(String(needs)) }
                perScenario[entry.name] = .object(item)
            }
            metrics[row.key] = .object(perScenario)
        }
        var medians: [String: JSONOut] = [:]
        for entry in entries {
            medians[entry.name] = .object([
                "startMonth": .string(entry.startMonth.description), "p50": .array(medianNetPosition(entry).map { JSONOut.fixed($0, 2) })
            ])
        }
        return .object([
            "scenarios": .array(entries.map { .string($0.name) }), "replications": .number(String(entries[0].metrics.count)),
            "metrics": .object(metrics), "netPositionMedianYuan": .object(medians)
        ])
    }
}
