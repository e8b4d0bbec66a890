import InjurySimCore

/// A figure of one platform's books in one month (``ReplicationResult/platformMonthly``).
///
/// Flows are the month's amounts; `insuredPersons`, `insuredShared`, `activePersons` and
/// `activeShared` are stocks (persons insured since the first phase; persons active this month).
/// A person who also works for another platform counts once on each platform's books; the
/// `…Shared` figures count them, so a book spanning platforms counts them once (half each).
package enum PlatformMetric: Int, CaseIterable, Sendable {
    case orders, contributionsBooked, contributionsPaid
    case insuredPersons, insuredShared, activePersons, activeShared
    case accidents, claimsRecognised
    case claimsMedicalOnly, claimsGrade7to10, claimsGrade5to6, claimsGrade1to4, claimsDeath
    case benefitsDue
    case medical, suspensionWages, disabilitySubsidy, disabilityAllowance, careAllowance, grade5to6Allowance
    case deathSubsidy, funeralGrant, dependantsPension
    case platformPaid, incurred

    /// The column name in `platforms.csv`.
    package var key: String {
        switch self {
        case .orders: return "orders"
        case .contributionsBooked: return "contributions_booked"
        case .contributionsPaid: return "contributions_paid"
        case .insuredPersons: return "insured_persons_cumulative"
        case .insuredShared: return "insured_persons_multi_platform_cumulative"
        case .activePersons: return "active_persons"
        case .activeShared: return "active_persons_multi_platform"
        case .accidents: return "accidents"
        case .claimsRecognised: return "claims_recognised"
        case .claimsMedicalOnly: return "claims_medical_only"
        case .claimsGrade7to10: return "claims_grade7to10"
        case .claimsGrade5to6: return "claims_grade5to6"
        case .claimsGrade1to4: return "claims_grade1to4"
        case .claimsDeath: return "claims_death"
        case .benefitsDue: return "benefits_fund"
        case .medical: return "benefits_medical"
        case .suspensionWages: return "benefits_suspension_wages"
        case .disabilitySubsidy: return "benefits_disability_lump_sum"
        case .disabilityAllowance: return "benefits_disability_allowance"
        case .careAllowance: return "benefits_care"
        case .grade5to6Allowance: return "benefits_grade5to6_allowance"
        case .deathSubsidy: return "benefits_death_lump_sum"
        case .funeralGrant: return "benefits_funeral"
        case .dependantsPension: return "benefits_dependants_pensions"
        case .platformPaid: return "benefits_platform_paid"
        case .incurred: return "incurred_cost"
        }
    }

    /// Stocks are read at a month; flows add up over months.
    package var isStock: Bool {
        switch self {
        case .insuredPersons, .insuredShared, .activePersons, .activeShared: return true
        default: return false
        }
    }

    /// Fen (written in yuan) rather than a count.
    package var isMoney: Bool {
        switch self {
        case .orders, .insuredPersons, .insuredShared, .activePersons, .activeShared, .accidents, .claimsRecognised,
            .claimsMedicalOnly, .claimsGrade7to10, .claimsGrade5to6, .claimsGrade1to4, .claimsDeath:
            return false
        default: return true
        }
    }

    /// The metric of a benefit item the fund pays.
    package static func benefit(_ item: BenefitItem) -> PlatformMetric {
        switch item {
        case .medical: return .medical
        case .suspensionWages: return .suspensionWages
        case .disabilitySubsidy: return .disabilitySubsidy
        case .disabilityAllowance: return .disabilityAllowance
        case .careAllowance: return .careAllowance
        case .grade5to6Allowance: return .grade5to6Allowance
        case .deathSubsidy: return .deathSubsidy
        case .funeralGrant: return .funeralGrant
        case .dependantsPension: return .dependantsPension
        }
    }

    /// The metric counting recognised claims of a severity group: the five claim metrics follow
    /// ``SeverityGroup``'s order (as ``Metric/claims(of:)`` maps the pools' figures).
    package static func claims(of group: SeverityGroup) -> PlatformMetric {
        PlatformMetric(rawValue: PlatformMetric.claimsMedicalOnly.rawValue + group.rawValue)!
    }
}
