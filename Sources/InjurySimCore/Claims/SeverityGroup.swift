/// Severity bands that share a medical-cost level and a recovery time.
package enum SeverityGroup: Int, CaseIterable, Sendable {
    case medicalOnly = 0, grade7to10, grade5to6, grade1to4, death

    /// The key used in scenario files and outputs.
    package var key: String {
        switch self {
        case .medicalOnly: return "medicalOnly"
        case .grade7to10: return "grade7to10"
        case .grade5to6: return "grade5to6"
        case .grade1to4: return "grade1to4"
        case .death: return "death"
        }
    }

    /// True for the groups after which the person never returns to platform work.
    package var endsWork: Bool { self == .grade1to4 || self == .death }
}
