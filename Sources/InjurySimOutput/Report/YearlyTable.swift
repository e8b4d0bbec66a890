/// `yearly.csv` parsed: for each pool and metric, one row of percentiles per calendar year.
package struct YearlyTable: Sendable {
    /// Years (`YYYY`) in file order, and how many of each year's months the horizon holds.
    package private(set) var years: [String] = []
    package private(set) var monthsInYear: [Int] = []
    private var rows: [String: [MonthlyTable.Row]] = [:]

    package static let header = ["year", "months", "pool", "metric", "mean", "p5", "p25", "p50", "p75", "p95"]

    package init(parsing text: String) throws(ReportError) {
        guard let records = CSV.records(text) else { throw .malformed(file: "yearly.csv", reason: "a quoted field is not closed") }
        guard records.first == Self.header else {
            throw .malformed(file: "yearly.csv", reason: "the header is not " + Self.header.joined(separator: ","))
        }
        for (number, fields) in records.dropFirst().enumerated() {
            guard fields.count == Self.header.count else {
                throw .malformed(file: "yearly.csv", reason: "line \(number + 2) has \(fields.count) fields, not \(Self.header.count)")
            }
            let values = fields[4...].map { Double($0) ?? .nan }
            if years.last != fields[0] {
                years.append(fields[0])
                monthsInYear.append(Int(fields[1]) ?? 0)
            }
            rows[fields[2] + "\u{1}" + fields[3], default: []].append(
                MonthlyTable.Row(mean: values[0], p5: values[1], p25: values[2], p50: values[3], p75: values[4], p95: values[5]))
        }
        guard !years.isEmpty else { throw .malformed(file: "yearly.csv", reason: "it has no rows") }
    }

    /// The rows of `metric` for `pool`, one per year (empty when the file has none).
    package func series(_ metric: String, pool: String = "total") -> [MonthlyTable.Row] {
        rows[pool + "\u{1}" + metric] ?? []
    }

    /// A year's label, marked `*` when the horizon covers only part of it.
    package func label(_ index: Int) -> String {
        monthsInYear[index] < 12 ? years[index] + "*" : years[index]
    }

    /// Whether some year is covered only partly (its label is marked).
    package var hasPartialYear: Bool { monthsInYear.contains { $0 < 12 } }
}
