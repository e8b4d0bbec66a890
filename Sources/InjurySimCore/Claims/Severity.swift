/// The outcome of a recognised injury: medical treatment only, a disability grade (10 is the
/// mildest, 1 the most severe) or death.
package enum Severity: Int, CaseIterable, Sendable, Comparable {
    case medicalOnly = 0
    case grade10, grade9, grade8, grade7, grade6, grade5, grade4, grade3, grade2, grade1
    case death

    /// The disability grade 1…10, or nil for medical-only and death.
    package var grade: Int? {
        switch self {
        case .medicalOnly, .death: return nil
        default: return 11 - rawValue
        }
    }

    /// The severity for a disability grade 1…10.
    package static func grade(_ grade: Int) -> Severity {
        precondition((1...10).contains(grade), "grade must be 1…10")
        return Severity(rawValue: 11 - grade)!
    }

    /// The group used for medical-cost and recovery-time tables.
    package var group: SeverityGroup {
        switch self {
        case .medicalOnly: return .medicalOnly
        case .grade10, .grade9, .grade8, .grade7: return .grade7to10
        case .grade6, .grade5: return .grade5to6
        case .grade4, .grade3, .grade2, .grade1: return .grade1to4
        case .death: return .death
        }
    }

    /// The key used in scenario files and outputs ("medicalOnly", "grade10", …, "death").
    package var key: String {
        switch self {
        case .medicalOnly: return "medicalOnly"
        case .death: return "death"
        default: return "grade" + String(grade ?? 0)
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
