/// `solvency-paths.csv` parsed: per month, the percentiles over worlds and a few sample worlds'
/// values of the net position, the solvency position and the funded ratio (total over pools).
package struct SolvencyPaths: Sendable {
    /// The three columns, in file order.
    package enum Column: Int, Sendable, CaseIterable { case netPosition, solvencyPosition, fundedRatio }

    /// Month labels (`YYYY-MM`) in file order.
    package private(set) var months: [String] = []
    /// The sample worlds' replication numbers, in file order.
    package private(set) var sampleWorlds: [String] = []
    /// Values by world ("p5" … "p95" or a replication number), one array per column, one value per month.
    private var values: [String: [[Double]]] = [:]

    package static let header = ["month", "world", "net_position_yuan", "solvency_position_yuan", "funded_ratio"]
    static let percentileNames = ["p5", "p25", "p50", "p75", "p95"]

    package init(parsing text: String) throws(ReportError) {
        let file = "solvency-paths.csv"
        guard let records = CSV.records(text) else { throw .malformed(file: file, reason: "a quoted field is not closed") }
        guard records.first == Self.header else { throw .malformed(file: file, reason: "the header is not " + Self.header.joined(separator: ",")) }
        for (number, fields) in records.dropFirst().enumerated() {
            guard fields.count == Self.header.count else {
                throw .malformed(file: file, reason: "line \(number + 2) has \(fields.count) fields, not \(Self.header.count)")
            }
            if months.last != fields[0] { months.append(fields[0]) }
            let world = fields[1]
            if !Self.percentileNames.contains(world) && !sampleWorlds.contains(world) { sampleWorlds.append(world) }
            var columns = values[world] ?? Array(repeating: [], count: Column.allCases.count)
            for column in Column.allCases { columns[column.rawValue].append(Double(fields[2 + column.rawValue]) ?? .nan) }
            values[world] = columns
        }
        guard !months.isEmpty else { throw .malformed(file: file, reason: "it has no rows") }
        for world in values.keys where values[world]?.first?.count != months.count {
            throw .malformed(file: file, reason: "world '\(world)' does not have one row for each of the \(months.count) months")
        }
    }

    /// A column's values by month for a world ("p50", a replication number); empty when absent.
    package func series(_ column: Column, world: String) -> [Double] {
        values[world]?[column.rawValue] ?? []
    }
}
