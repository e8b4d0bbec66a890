import Foundation

/// The files of a run's results folder, parsed: all a report is made from.
package struct ResultsFolder: Sendable {
    package var summary: ResultJSON
    package var manifest: ResultJSON
    package var monthly: MonthlyTable
    /// `replications.csv` as rows of named fields.
    package var replications: [[String: String]]
    /// `yearly.csv`, absent in folders written before it (results format 3 and earlier).
    package var yearly: YearlyTable?
    /// `solvency-paths.csv`, absent in folders written before it (results format 4 and earlier).
    package var solvencyPaths: SolvencyPaths?

    /// The names a run's folder must hold.
    package static let requiredFiles = ["summary.json", "monthly.csv", "replications.csv", "manifest.json"]
    /// The names read when present: a folder of an earlier results format lacks them.
    package static let optionalFiles = ["yearly.csv", "solvency-paths.csv"]

    /// Parses the four files' texts (keyed by file name).
    package init(texts: [String: String], folder: String = ".") throws(ReportError) {
        for name in Self.requiredFiles where texts[name] == nil { throw .missingFile(folder: folder, file: name) }
        summary = try ResultJSON(parsing: texts["summary.json"] ?? "", file: "summary.json")
        manifest = try ResultJSON(parsing: texts["manifest.json"] ?? "", file: "manifest.json")
        guard summary["total"].exists, summary["months"].number != nil else {
            throw .malformed(file: "summary.json", reason: "it has no total or months (not a run's summary)")
        }
        monthly = try MonthlyTable(parsing: texts["monthly.csv"] ?? "")
        replications = try Self.csvRows(texts["replications.csv"] ?? "", file: "replications.csv")
        yearly = try texts["yearly.csv"].map { text throws(ReportError) in try YearlyTable(parsing: text) }
        solvencyPaths = try texts["solvency-paths.csv"].map { text throws(ReportError) in try SolvencyPaths(parsing: text) }
    }

    /// Reads the files of `folder` from disk.
    package static func texts(in folder: String, names: [String]) throws(ReportError) -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingFile(folder: folder, file: "manifest.json (the folder does not exist)")
        }
        var texts: [String: String] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else { throw .malformed(file: name, reason: "it is not UTF-8 text") }
            texts[name] = text
        }
        return texts
    }

    /// Rows of a CSV (quoted as ``CSV`` writes them), keyed by the header's names.
    package static func csvRows(_ text: String, file: String) throws(ReportError) -> [[String: String]] {
        guard let records = CSV.records(text) else { throw .malformed(file: file, reason: "a quoted field is not closed") }
        guard let header = records.first else {
            throw .malformed(file: file, reason: "it is empty")
        }
        var rows: [[String: String]] = []
        for (number, fields) in records.dropFirst().enumerated() {
            guard fields.count == header.count else {
                throw .malformed(file: file, reason: "line \(number + 2) has \(fields.count) fields, the header \(header.count)")
            }
            rows.append(Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first }))
        }
        return rows
    }
}
