import InjurySimCore

/// The monthly figures recorded per pool and replication, in the column order of the outputs.
/// Money in fen, counts as counts; all at the simulated (sampled) scale until written.
package enum Metric: Int, CaseIterable, Sendable {
    case netPosition, cash, debt, arrears
    case contributions, contributionsBooked, adminCost, investment, benefitsPaid, borrowed, repaid
    case liabilities, ibnr, solvencyPosition
    case platformPaid
    case orders, workedDays, activeWorkers, insuredPersons
    case claimsRecognisedCumulative, benefitsPaidCumulative
    case accidents, claimsRecognised, claimsUnrecognised
    case claimsMedicalOnly, claimsGrade7to10, claimsGrade5to6, claimsGrade1to4, claimsDeath
    /// The fund's benefits that fell due this month on reported claims (new dues, not arrears
    /// caught up), in total and by ``BenefitItem``.
    case benefitsDue
    case dueMedical, dueSuspensionWages, dueDisabilitySubsidy, dueDisabilityAllowance, dueCareAllowance, dueGrade5to6Allowance
    case dueDeathSubsidy, dueFuneralGrant, dueDependantsPension
    /// Recognised claims reported this month whose fund payments hold a long-term stream, in
    /// total and per stream, and the present value at the report month of those streams.
    case awardsLongTerm, awardsDisabilityAllowance, awardsCare, awardsGrade5to6Allowance, awardsDependantsPensions
    case awardsCapitalValue

    /// The name used in output files.
    package var key: String {
        switch self {
        case .netPosition: return "net_position"
        case .cash: return "cash"
        case .debt: return "backstop_debt"
        case .arrears: return "arrears"
        case .contributions: return "contributions"
        case .contributionsBooked: return "contributions_booked"
        case .adminCost: return "admin_cost"
        case .investment: return "investment_income"
        case .benefitsPaid: return "benefits_paid"
        case .borrowed: return "borrowed"
        case .repaid: return "repaid"
        case .liabilities: return "outstanding_liabilities"
        case .ibnr: return "ibnr_reserve"
        case .solvencyPosition: return "solvency_position"
        case .platformPaid: return "platform_paid_benefits"
        case .orders: return "orders"
        case .workedDays: return "worked_days"
        case .activeWorkers: return "active_workers"
        case .insuredPersons: return "insured_persons_cumulative"
        case .claimsRecognisedCumulative: return "claims_recognised_cumulative"
        case .benefitsPaidCumulative: return "benefits_paid_cumulative"
        case .accidents: return "accidents"
        case .claimsRecognised: return "claims_recognised"
        case .claimsUnrecognised: return "claims_not_recognised"
        case .claimsMedicalOnly: return "claims_medical_only"
        case .claimsGrade7to10: return "claims_grade7to10"
        case .claimsGrade5to6: return "claims_grade5to6"
        case .claimsGrade1to4: return "claims_grade1to4"
        case .claimsDeath: return "claims_death"
        case .benefitsDue: return "benefits_due"
        case .dueMedical: return "benefits_medical"
        case .dueSuspensionWages: return "benefits_suspension_wages"
        case .dueDisabilitySubsidy: return "benefits_disability_lump_sum"
        case .dueDisabilityAllowance: return "benefits_disability_allowance"
        case .dueCareAllowance: return "benefits_care"
        case .dueGrade5to6Allowance: return "benefits_grade5to6_allowance"
        case .dueDeathSubsidy: return "benefits_death_lump_sum"
        case .dueFuneralGrant: return "benefits_funeral"
        case .dueDependantsPension: return "benefits_dependants_pensions"
        case .awardsLongTerm: return "awards_long_term"
        case .awardsDisabilityAllowance: return "awards_disability_allowance"
        case .awardsCare: return "awards_care"
        case .awardsGrade5to6Allowance: return "awards_grade5to6_allowance"
        case .awardsDependantsPensions: return "awards_dependants_pensions"
        case .awardsCapitalValue: return "awards_capital_value"
        }
    }

    /// The count of recognised claims of a severity group (the one severity → metric map).
    package static func claims(of group: SeverityGroup) -> Metric {
        switch group {
        case .medicalOnly: return .claimsMedicalOnly
        case .grade7to10: return .claimsGrade7to10
        case .grade5to6: return .claimsGrade5to6
        case .grade1to4: return .claimsGrade1to4
        case .death: return .claimsDeath
        }
    }

    /// The fund's benefits of an item that fell due (the one item → metric map; the nine item
    /// metrics follow ``BenefitItem``'s order).
    package static func due(_ item: BenefitItem) -> Metric {
        Metric(rawValue: Metric.dueMedical.rawValue + item.index)!
    }

    /// The count of awards holding a long-term stream of `item`; nil for a lump sum or a
    /// short-term item.
    package static func awards(of item: BenefitItem) -> Metric? {
        switch item {
        case .disabilityAllowance: return .awardsDisabilityAllowance
        case .careAllowance: return .awardsCare
        case .grade5to6Allowance: return .awardsGrade5to6Allowance
        case .dependantsPension: return .awardsDependantsPensions
        default: return nil
        }
    }

    /// True for money (fen) figures, written in yuan.
    package var isMoney: Bool {
        switch self {
        case .netPosition, .cash, .debt, .arrears, .contributions, .contributionsBooked, .adminCost, .investment, .benefitsPaid,
            .borrowed, .repaid, .liabilities, .ibnr, .solvencyPosition, .platformPaid, .benefitsPaidCumulative, .benefitsDue,
            .dueMedical, .dueSuspensionWages, .dueDisabilitySubsidy, .dueDisabilityAllowance, .dueCareAllowance,
            .dueGrade5to6Allowance, .dueDeathSubsidy, .dueFuneralGrant, .dueDependantsPension, .awardsCapitalValue:
            return true
        default: return false
        }
    }
}
