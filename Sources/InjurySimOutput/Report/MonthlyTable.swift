import InjurySimScenario

/// `monthly.csv` parsed: for each pool and metric, one row of percentiles per month.
package struct MonthlyTable: Sendable {
    /// One month's figures over replications.
    package struct Row: Sendable, Equatable {
        package var mean, p5, p25, p50, p75, p95: Double
    }

    /// Month labels (`YYYY-MM`) in file order.
    package private(set) var months: [String] = []
    /// Pool names in file order (`total` last).
    package private(set) var pools: [String] = []
    private var rows: [String: [Row]] = [:]

    package init(parsing text: String) throws(ReportError) {
        let header = ["month", "pool", "metric", "mean", "p5", "p25", "p50", "p75", "p95"]
        guard let records = CSV.records(text) else { throw .malformed(file: "monthly.csv", reason: "a quoted field is not closed") }
        guard records.first == header else {
            throw .malformed(file: "monthly.csv", reason: "the header is not month,pool,metric,mean,p5,p25,p50,p75,p95")
        }
        for (number, fields) in records.dropFirst().enumerated() {
            guard fields.count == 9 else { throw .malformed(file: "monthly.csv", reason: "line \(number + 2) has \(fields.count) fields, not 9") }
            let values = fields[3...].map { Double($0) ?? .nan }
            let month = fields[0], pool = fields[1]
            if months.last != month { months.append(month) }
            if !pools.contains(pool) { pools.append(pool) }
            rows[pool + "\u{1}" + fields[2], default: []].append(
                Row(mean: values[0], p5: values[1], p25: values[2], p50: values[3], p75: values[4], p95: values[5]))
        }
        guard !months.isEmpty else { throw .malformed(file: "monthly.csv", reason: "it has no rows") }
    }

    /// The rows of `metric` for `pool`, one per month (empty when the file has none).
    package func series(_ metric: String, pool: String = "total") -> [Row] {
        rows[pool + "\u{1}" + metric] ?? []
    }

    /// Sums of the monthly means of `metric` by calendar year: (year, sum), in order.
    package func yearlyMeans(_ metric: String, pool: String = "total") -> [(year: String, sum: Double)] {
        var out: [(year: String, sum: Double)] = []
        for (month, row) in zip(months, series(metric, pool: pool)) {
            let year = String(month.prefix(4))
            if out.last?.year == year { out[out.count - 1].sum += row.mean } else { out.append((year, row.mean)) }
        }
        return out
    }
}
