import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// `monthly-paths.csv` (`run --monthly-paths`): every replication's monthly figures, one row per
/// replication × month × pool × figure — `replication,month,pool,figure,value` — in that order
/// (replications ascending, then months, pools in the scenario's order with `total` last, figures
/// in `monthly.csv`'s order and names). Money in yuan with 2 decimals, counts whole; the values
/// `monthly.csv` summarises over replications.
package enum MonthlyPathsCSV {
    package static let fileName = "monthly-paths.csv"

    package static func text(scenario: Scenario, results: [ReplicationResult]) -> String {
        var out = "replication,month,pool,figure,value\n"
        let pools = (scenario.poolNames + ["total"]).map(CSV.cell)
        let months = (0..<scenario.months).map { scenario.startMonth.adding(months: $0).description }
        for result in results.sorted(by: { $0.replication < $1.replication }) {
            let replication = String(result.replication)
            for (month, label) in months.enumerated() {
                for (pool, name) in pools.enumerated() {
                    for metric in Metric.allCases {
                        let value = Double(result.value(month: month, pool: pool, metric: metric))
                        let text = metric.isMoney ? Format.fixed(value / 100, 2) : Format.fixed(value, 0)
                        out += replication + "," + label + "," + name + "," + metric.key + "," + (text ?? "") + "\n"
                    }
                }
            }
        }
        return out
    }
}
