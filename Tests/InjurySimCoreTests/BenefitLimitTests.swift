import Testing
@testable import InjurySimCore

/// Limits in the benefit rules: the dependants' pension never exceeds the wage base (Art. 39:
/// the pensions together may not exceed the deceased's wage), and a death carries no suspension
/// wages, whoever pays them (there is no time off to pay for).
@Suite struct BenefitLimitTests {
    static func rules(share: Double, suspensionWages: Scenario.SuspensionWagesPayer = .none) -> ClaimRules {
        ClaimRules(medicalLagMonths: 2, appraisalLagMonths: 9, deathLagMonths: 3, allowanceMonths: 240, pensionMonths: 120,
                   dependantsPensionShare: share, careLevel: [0.5, 0.4, 0.3, 0.3], indexationPerYear: 0, platformPays: [],
                   suspensionWages: suspensionWages)
    }

    static func death(daysOff: Int = 0) -> ClaimFacts {
        ClaimFacts(severity: .death, reportMonth: 0, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
                   medicalCostYuan: 0, needsCare: false, daysOff: daysOff)
    }

    /// Monthly pension = min(1, share) × wage base: 9,000 yuan at most.
    @Test(arguments: [(0.3, Fen(270_000)), (0.46, 414_000), (1.0, 900_000), (1.3, 900_000), (2.5, 900_000)])
    func dependantsPensionIsCappedAtTheWageBase(share: Double, monthly: Fen) {
        let pension = Self.rules(share: share).schedule(for: Self.death()).fundPayments.filter { $0.item == .dependantsPension }
        #expect(pension.count == 120)
        #expect(pension.allSatisfy { $0.amount == monthly })
    }

    @Test(arguments: [Scenario.SuspensionWagesPayer.fund, .platform])
    func aDeathCarriesNoSuspensionWages(payer: Scenario.SuspensionWagesPayer) {
        let schedule = Self.rules(share: 0.46, suspensionWages: payer).schedule(for: Self.death(daysOff: 30))
        #expect(!(schedule.fundPayments + schedule.platformPayments).contains { $0.item == .suspensionWages })
    }
}
