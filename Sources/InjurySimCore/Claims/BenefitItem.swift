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
}
