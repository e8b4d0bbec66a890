import InjurySimCore

/// Scenarios run side by side with common random numbers, and each one's paired difference
/// from the first. Rendered as a console table, CSV and JSON.
package struct Comparison: Sendable {
    package struct Entry: Sendable {
        package var name: String
        package var startMonth: YearMonth
        package var metrics: [ReplicationMetrics]

        package init(name: String, startMonth: YearMonth, metrics: [ReplicationMetrics]) {
            self.name = name
            self.startMonth = startMonth
            self.metrics = metrics
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.metrics.count == entries[0].metrics.count })
        self.entries = entries
    }

    /// Rows: (key, label, isMoney, per-entry estimate, per-entry difference from the first).
    package struct Row {
        package var key: String
        package var label: String
        package var isMoney: Bool
        package var isShare: Bool
        package var values: [Estimate]
        package var differences: [Estimate?]
        /// Set for a tail figure the replications do not support (``TailRule``): the replications it needs.
        package var needsReplications: Int? = nil
    }

    package var rows: [Row] {
        var rows: [Row] = []
        for figure in PolicyFigures.figures {
            let values = entries.map { PolicyFigures.estimate(figure, $0.metrics) }
            let differences = entries.enumerated().map { index, entry in
                index == 0 ? nil : PolicyFigures.pairedDifference(figure, entries[0].metrics, entry.metrics)
            }
            rows.append(
                Row(
                    key: figure.key, label: figure.short, isMoney: figure.isMoney, isShare: figure.isIndicator,
                    values: values, differences: differences))
        }
        let deficits = entries.map { $0.metrics.map(\.worstDeficit) }
        rows.append(
            Row(
                key: "worstDeficitMedianYuan", label: "worst deficit, median", isMoney: true, isShare: false,
                values: deficits.map { PolicyFigures.quantile($0, 0.5) }, differences: entries.map { _ in nil }))
        let supported = TailRule.isSupported(level: 0.995, replications: entries[0].metrics.count)
        let unsupported = Estimate(mean: .nan, low: .nan, high: .nan)
        let needs = supported ? nil : TailRule.replicationsNeeded(level: 0.995)
        rows.append(
            Row(
                key: "worstDeficitVaR995Yuan", label: "worst deficit, VaR 99.5%", isMoney: true, isShare: false,
                values: deficits.map { supported ? PolicyFigures.quantile($0, 0.995) : unsupported }, differences: entries.map { _ in nil },
                needsReplications: needs))
        rows.append(
            Row(
                key: "worstDeficitTVaR995Yuan", label: "worst deficit, TVaR 99.5%", isMoney: true, isShare: false,
                values: deficits.map { supported ? PolicyFigures.tailValueAtRisk($0, level: 0.995) : unsupported },
                differences: entries.map { _ in nil }, needsReplications: needs))
        return rows
    }

    /// The entry's month-end net position (total over pools) month by month: the nearest-rank
    /// median over its replications, in yuan. Computed from every replication's months, so a
    /// merged study gives the same medians as one machine.
    package func medianNetPosition(_ entry: Entry) -> [Double] {
        let months = entry.metrics.map(\.netPositionByMonth.count).min() ?? 0
        return (0..<months).map { month in Statistics.percentile(entry.metrics.map { $0.netPositionByMonth[month] }, 50) ?? .nan }
    }

    /// Median first-shortfall month among ruined replications, with its order-statistic interval.
    package func firstShortfall(_ entry: Entry) -> (Estimate, Int)? {
        let months = entry.metrics.compactMap(\.firstShortfallMonth).map(Double.init)
        return months.isEmpty ? nil : (PolicyFigures.quantile(months, 0.5), months.count)
    }
}
