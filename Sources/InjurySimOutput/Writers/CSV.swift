/// CSV as RFC 4180 writes it, for every CSV file the program writes and reads back.
///
/// A cell holding a comma, a double quote, a carriage return or a line feed is written in
/// double quotes with its quotes doubled; any other cell is written as it is, so files whose
/// cells are plain names and numbers are unchanged by the quoting.
package enum CSV {
    /// `text` as one cell.
    package static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line: the cells, each through ``cell(_:)``, joined by commas (no line break).
    package static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// The records of a CSV text, each a list of cells with quoting undone; empty lines are
    /// skipped and a line may end with CR LF. Nil when a quoted cell is not closed.
    package static func records(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        func endCell() {
            record.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            let isEmptyLine = record.isEmpty && cell.isEmpty && !wasQuoted
            if !isEmptyLine {
                endCell()
                records.append(record)
            }
            record = []
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte != quote {
                    cell.append(byte)
                } else if index < bytes.count && bytes[index] == quote {
                    cell.append(quote)
                    index += 1
                } else {
                    inQuotes = false
                }
                continue
            }
            switch byte {
            case quote where cell.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case comma: endCell()
            case lineFeed: endRecord()
            case carriageReturn where index < bytes.count && bytes[index] == lineFeed: continue
            default: cell.append(byte)
            }
        }
        guard !inQuotes else { return nil }
        endRecord()
        return records
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
}
