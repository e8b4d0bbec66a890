/// Why a results folder cannot be rendered: it is not one, or one of its files is damaged.
package enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder lacks a file a report is made from (it is not a results folder, or not a complete one).
    case missingFile(folder: String, file: String)
    /// A file is there but cannot be read as the results format.
    case malformed(file: String, reason: String)

    package var description: String {
        switch self {
        case .missingFile(let folder, let file):
            return "\(folder) is not an injurysim results folder: it has no \(file)"
        case .malformed(let file, let reason):
            return "\(file) cannot be read: \(reason)"
        }
    }

    /// True for a damaged file (a data error) rather than a wrong folder (a usage error).
    package var isDataError: Bool {
        if case .malformed = self { return true }
        return false
    }
}
