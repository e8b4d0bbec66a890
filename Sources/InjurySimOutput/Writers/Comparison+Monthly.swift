import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// compare-monthly.csv: each scenario's median month-end net position, month by month.
extension Comparison {
    /// `month,scenario,net_position_p50`: ordered by month, then scenario in the order compared
    /// (a scenario with another horizon has rows for its own months only); yuan, two decimals.
    package func renderMonthlyCSV() -> String {
        var rows: [(month: YearMonth, order: Int, line: String)] = []
        for (order, entry) in entries.enumerated() {
            for (index, median) in medianNetPosition(entry).enumerated() {
                let month = entry.startMonth.adding(months: index)
                rows.append((month, order, CSV.row([month.description, entry.name, Format.fixed(median, 2) ?? ""])))
            }
        }
        rows.sort { ($0.month, $0.order) < ($1.month, $1.order) }
        return (["month,scenario,net_position_p50"] + rows.map(\.line)).joined(separator: "\n") + "\n"
    }
}
