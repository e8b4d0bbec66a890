import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// `solvency-paths.csv`: the fund's two tests month by month (total over pools) — the net
/// position (cash), the solvency position (assets − liabilities) and the funded ratio (assets ÷
/// what is owed) — as percentiles over worlds and as the paths of a few sample worlds, for the
/// report's lead charts.
///
/// Rows: for each month, first `p5`, `p25`, `p50`, `p75`, `p95` (each column's own nearest-rank
/// percentile over replications; the funded ratio over the worlds that owe something), then one
/// row per sample world named by its replication number. The sample worlds are the first
/// ``sampleWorlds`` replications: replications are independent draws, so the first few are a
/// random sample, and they are the same for every thread and shard split.
package enum SolvencyPathsCSV {
    package static let fileName = "solvency-paths.csv"
    package static let header = "month,world,net_position_yuan,solvency_position_yuan,funded_ratio"
    package static let percentiles: [(name: String, p: Double)] = [("p5", 5), ("p25", 25), ("p50", 50), ("p75", 75), ("p95", 95)]
    /// How many sample worlds the file holds (fewer when the run has fewer replications).
    package static let sampleWorlds = 3

    /// The funded ratio of a month of one replication's total (nil when it owes nothing).
    static func fundedRatio(_ result: ReplicationResult, month: Int) -> Double? {
        let pool = result.poolCount
        func value(_ metric: Metric) -> Double { Double(result.value(month: month, pool: pool, metric: metric)) }
        return ReplicationMetrics.fundedRatio(
            cash: value(.cash), contributionsBooked: value(.contributionsBooked),
            owed: value(.debt) + value(.liabilities) + value(.ibnr))
    }

    package static func text(scenario: Scenario, results: [ReplicationResult]) -> String {
        var lines = [header]
        for month in 0..<scenario.months {
            let label = scenario.startMonth.adding(months: month).description
            let net = results.map { Double($0.value(month: month, pool: $0.poolCount, metric: .netPosition)) / 100 }.sorted()
            let solvency = results.map { Double($0.value(month: month, pool: $0.poolCount, metric: .solvencyPosition)) / 100 }.sorted()
            let funded = results.compactMap { fundedRatio($0, month: month) }.sorted()
            for (name, p) in percentiles {
                let fields = [
                    Statistics.percentile(sorted: net, p).flatMap { Format.fixed($0, 2) } ?? "",
                    Statistics.percentile(sorted: solvency, p).flatMap { Format.fixed($0, 2) } ?? "",
                    Statistics.percentile(sorted: funded, p).flatMap { Format.fixed($0, 4) } ?? ""
                ]
                lines.append(([label, name] + fields).joined(separator: ","))
            }
            for result in results.prefix(sampleWorlds) {
                let pool = result.poolCount
                let fields = [
                    Format.fixed(Double(result.value(month: month, pool: pool, metric: .netPosition)) / 100, 2) ?? "",
                    Format.fixed(Double(result.value(month: month, pool: pool, metric: .solvencyPosition)) / 100, 2) ?? "",
                    fundedRatio(result, month: month).flatMap { Format.fixed($0, 4) } ?? ""
                ]
                lines.append(([label, String(result.replication)] + fields).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
