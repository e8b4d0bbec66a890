/// A benefit item of the Work Injury Insurance Regulations as applied to platform workers.
package enum BenefitItem: String, CaseIterable, Sendable {
    case medical
    case suspensionWages
    case disabilitySubsidy
    case disabilityAllowance
    case careAllowance
    /// Grades 5–6 monthly allowance when no work is arranged (Art. 36).
    case grade5to6Allowance
    case deathSubsidy
    case funeralGrant
    case dependantsPension

    /// The item's position in ``allCases`` (declaration order), for tables by item: a switch,
    /// where `allCases.firstIndex(of:)` searches.
    @inlinable
    package var index: Int {
        switch self {
        case .medical: return 0
        case .suspensionWages: return 1
        case .disabilitySubsidy: return 2
        case .disabilityAllowance: return 3
        case .careAllowance: return 4
        case .grade5to6Allowance: return 5
        case .deathSubsidy: return 6
        case .funeralGrant: return 7
        case .dependantsPension: return 8
        }
    }
}
