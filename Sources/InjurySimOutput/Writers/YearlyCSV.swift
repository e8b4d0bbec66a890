import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// `yearly.csv`: per calendar year, pool and metric, the mean and nearest-rank percentiles over
/// replications of each replication's own yearly figure — a flow summed over the year's months,
/// a stock read at the year's last month inside the horizon, active workers averaged over the
/// year's months. Derived from the replications' monthly figures (``ReplicationResult``), so a
/// merged study writes the same bytes as one machine. Documented in Results/README.md.
package enum YearlyCSV {
    /// How a year's figure is made from a replication's months of a metric.
    package enum Rule: Sendable, Equatable {
        /// Summed over the year's months.
        case sum(Metric)
        /// The value in the year's last month inside the horizon.
        case last(Metric)
        /// The mean over the year's months inside the horizon.
        case mean(Metric)

        package var metric: Metric {
            switch self {
            case .sum(let metric), .last(let metric), .mean(let metric): return metric
            }
        }
    }

    /// One metric of the file: its name and its rule.
    package struct Row: Sendable, Equatable {
        package var key: String
        package var rule: Rule

        /// Money is written in yuan with two decimals; counts whole, means of counts with two.
        package var decimals: Int {
            if rule.metric.isMoney { return 2 }
            if case .mean = rule { return 2 }
            return 0
        }
    }

    /// The metrics in file order: flows, then stocks, then persons.
    package static let rows: [Row] = {
        var rows: [Row] = []
        func sum(_ metric: Metric) { rows.append(Row(key: metric.key, rule: .sum(metric))) }
        func last(_ metric: Metric, _ key: String? = nil) { rows.append(Row(key: key ?? metric.key, rule: .last(metric))) }
        for metric in [Metric.orders, .contributions, .contributionsBooked, .investment, .benefitsPaid, .benefitsDue] { sum(metric) }
        for item in BenefitItem.allCases { sum(.due(item)) }
        for metric in [Metric.claimsRecognised, .accidents, .awardsLongTerm] { sum(metric) }
        for item in BenefitItem.allCases { if let awards = Metric.awards(of: item) { sum(awards) } }
        sum(.awardsCapitalValue)
        last(.netPosition, "reserve")
        for metric in [Metric.cash, .liabilities, .ibnr, .solvencyPosition, .insuredPersons] { last(metric) }
        rows.append(Row(key: "active_workers_mean", rule: .mean(.activeWorkers)))
        last(.activeWorkers, "active_workers_last_month")
        return rows
    }()

    /// A calendar year of the horizon: its months are `first ..< first + months` (month indices
    /// from the scenario's start); `months` is below 12 for a year the horizon covers only partly.
    package struct Year: Sendable, Equatable {
        package var year: Int
        package var first: Int
        package var months: Int
    }

    /// The calendar years that a horizon of `months` months from `start` touches, in order.
    package static func years(start: YearMonth, months: Int) -> [Year] {
        // The one cut of the horizon into calendar years (the financing paths read it too).
        FinancingPath.calendarYears(start: start, months: months).map { Year(year: $0.year, first: $0.first, months: $0.months) }
    }

    /// One replication's figure of `row` in `year` for `pool` (`poolCount`: the total), in fen
    /// or counts: exact for sums and stocks (64-bit integers), a mean for `.mean`.
    package static func value(_ row: Row, of result: ReplicationResult, pool: Int, year: Year) -> Double {
        let months = year.first..<(year.first + year.months)
        switch row.rule {
        case .sum(let metric):
            return Double(months.reduce(Int64(0)) { $0 + result.value(month: $1, pool: pool, metric: metric) })
        case .last(let metric):
            return Double(result.value(month: months.upperBound - 1, pool: pool, metric: metric))
        case .mean(let metric):
            let total = months.reduce(Int64(0)) { $0 + result.value(month: $1, pool: pool, metric: metric) }
            return Double(total) / Double(year.months)
        }
    }

    /// The financing methods' yearly figures (``FinancingYear``), after the metrics: key,
    /// decimals, and the figure of one replication's year (NaN: none — no orders or no spending).
    package static let financingRows: [(key: String, decimals: Int, value: @Sendable (FinancingYear) -> Double)] = [
        ("cost_rate_yuan_per_order", 4, { $0.costRate }),
        ("rate_charged_yuan_per_order", 4, { $0.rateCharged }),
        ("terminal_funding_rate_yuan_per_order", 4, { $0.terminalRate }),
        ("reserve_months_of_spending", 2, { $0.reserveMonths ?? .nan }),
        ("constituent_capital", 2, { $0.constituentCapital / 100 })
    ]

    /// Long format: one row per year × pool × metric, with the number of the year's months
    /// inside the horizon, the mean and the nearest-rank percentiles over replications (over the
    /// replications that have the figure, for the financing rows).
    package static func text(scenario: Scenario, results: [ReplicationResult]) -> String {
        var lines = ["year,months,pool,metric,mean,p5,p25,p50,p75,p95"]
        let names = (scenario.poolNames + ["total"]).map(CSV.cell)
        let paths = names.indices.map { pool in results.map { FinancingPath($0, pool: pool, start: scenario.startMonth) } }
        // Every replication of a run holds every platform's books; results made without them
        // (a hand-built fixture) have no sector rows.
        let withBooks = results.allSatisfy { $0.platformCount == scenario.platforms.count }
        let sectorSeries = withBooks ? Book.sectors(scenario).map { book in (book.name, results.map { BookSeries(book, $0) }) } : []
        func line(_ prefix: String, _ values: [Double], decimals: Int, divisor: Double = 1) -> String {
            let present = values.filter { !$0.isNaN }
            let sorted = present.sorted()
            let mean = present.isEmpty ? Double.nan : present.reduce(0, +) / Double(present.count)
            var line = prefix + (Format.fixed(mean / divisor, max(2, decimals)) ?? "")
            for p in [5.0, 25, 50, 75, 95] {
                line += "," + (Statistics.percentile(sorted: sorted, p).flatMap { Format.fixed($0 / divisor, decimals) } ?? "")
            }
            return line
        }
        for (index, year) in years(start: scenario.startMonth, months: scenario.months).enumerated() {
            let prefix = String(year.year) + "," + String(year.months) + ","
            for pool in names.indices {
                for row in rows {
                    let values = results.map { value(row, of: $0, pool: pool, year: year) }
                    let divisor = row.rule.metric.isMoney ? 100.0 : 1.0
                    lines.append(line(prefix + names[pool] + "," + row.key + ",", values, decimals: row.decimals, divisor: divisor))
                }
                for row in financingRows {
                    let values = paths[pool].map { index < $0.years.count ? row.value($0.years[index]) : .nan }
                    lines.append(line(prefix + names[pool] + "," + row.key + ",", values, decimals: row.decimals))
                }
            }
            // Per sector, with the total: the cost rate and the rate charged on its books.
            let months = year.first..<(year.first + year.months)
            for (sector, series) in sectorSeries {
                lines.append(line(prefix + "total,cost_rate_yuan_per_order." + sector + ",", series.map { $0.costRate(months) }, decimals: 4))
                lines.append(
                    line(prefix + "total,rate_charged_yuan_per_order." + sector + ",", series.map { $0.rateCharged(months) }, decimals: 4))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
