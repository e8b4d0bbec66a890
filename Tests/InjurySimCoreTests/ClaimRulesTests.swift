import Testing
@testable import InjurySimCore

/// The benefit rules, to the fen, on a wage base of ¥9,000 a month and an urban income of ¥54,188.
@Suite struct ClaimRulesTests {
    static let rules = ClaimRules(medicalLagMonths: 2, appraisalLagMonths: 9, deathLagMonths: 3, allowanceMonths: 240,
                                  pensionMonths: 120, dependantsPensionShare: 0.46, careLevel: [0.5, 0.4, 0.3, 0.3],
                                  indexationPerYear: 0, platformPays: [], suspensionWages: .none)

    static func facts(_ severity: Severity, care: Bool = false, daysOff: Int = 0) -> ClaimFacts {
        ClaimFacts(severity: severity, reportMonth: 5, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
                   medicalCostYuan: 12345.67, needsCare: care, daysOff: daysOff)
    }

    static func total(_ schedule: ClaimSchedule, _ item: BenefitItem) -> Fen {
        schedule.fundPayments.filter { $0.item == item }.reduce(0) { $0 + $1.amount }
    }

    /// One-time disability subsidy (Arts. 35–37): months of wage by grade, in fen.
    @Test(arguments: [
        (1, Fen(24_300_000)), (2, 22_500_000), (3, 20_700_000), (4, 18_900_000), (5, 16_200_000),
        (6, 14_400_000), (7, 11_700_000), (8, 9_900_000), (9, 8_100_000), (10, 6_300_000),
    ])
    func disabilitySubsidyByGrade(grade: Int, fen: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade)))
        #expect(Self.total(schedule, .disabilitySubsidy) == fen)
        #expect(schedule.fundPayments.first { $0.item == .disabilitySubsidy }?.month == 5 + 9)
        #expect(Self.total(schedule, .medical) == 1_234_567)
    }

    /// Grades 1–4 get a monthly allowance of 90/85/80/75% of wage for the allowance period.
    @Test(arguments: [(1, Fen(810_000)), (2, 765_000), (3, 720_000), (4, 675_000)])
    func monthlyAllowanceForGradesOneToFour(grade: Int, monthly: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade)))
        let allowance = schedule.fundPayments.filter { $0.item == .disabilityAllowance }
        #expect(allowance.count == 240)
        #expect(allowance.allSatisfy { $0.amount == monthly })
        #expect(allowance.first?.month == 15)
        #expect(allowance.last?.month == 15 + 239)
        #expect(schedule.fundPayments.filter { $0.item == .careAllowance }.isEmpty)
    }

    @Test(arguments: [(1, Fen(450_000)), (2, 360_000), (3, 270_000), (4, 270_000)])
    func careAllowanceWhenCareIsNeeded(grade: Int, monthly: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade), care: true))
        let care = schedule.fundPayments.filter { $0.item == .careAllowance }
        #expect(care.count == 240 && care.allSatisfy { $0.amount == monthly })
    }

    @Test(arguments: [5, 6, 7, 8, 9, 10])
    func noAllowanceFromGradeFive(grade: Int) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade), care: true))
        #expect(Set(schedule.fundPayments.map(\.item)) == [.medical, .disabilitySubsidy])
    }

    /// Death (Art. 39): 20 × urban income, funeral 6 × wage, dependants' pension 46% of wage.
    @Test func deathBenefits() {
        let schedule = Self.rules.schedule(for: Self.facts(.death))
        #expect(Self.total(schedule, .deathSubsidy) == 108_376_000)
        #expect(Self.total(schedule, .funeralGrant) == 5_400_000)
        let pension = schedule.fundPayments.filter { $0.item == .dependantsPension }
        #expect(pension.count == 120 && pension.allSatisfy { $0.amount == 414_000 })
        #expect(pension.first?.month == 5 + 3 + 1)
        #expect(schedule.fundPayments.first { $0.item == .deathSubsidy }?.month == 8)
    }

    @Test func medicalOnlyPaysMedicalCostsAfterTheLag() {
        let schedule = Self.rules.schedule(for: Self.facts(.medicalOnly))
        #expect(schedule.fundPayments == [Payment(month: 7, amount: 1_234_567, item: .medical)])
        #expect(schedule.fundTotal == 1_234_567)
    }

    @Test func itemsMovedToThePlatformLeaveTheFund() {
        var rules = Self.rules
        rules.platformPays = [.medical, .funeralGrant]
        let schedule = rules.schedule(for: Self.facts(.death))
        #expect(!schedule.fundPayments.contains { $0.item == .medical || $0.item == .funeralGrant })
        #expect(Set(schedule.platformPayments.map(\.item)) == [.medical, .funeralGrant])
    }

    @Test(arguments: [(Scenario.SuspensionWagesPayer.none, Fen(0), Fen(0)), (.fund, 1_331_507, 0), (.platform, 0, 1_331_507)])
    func suspensionWages(payer: Scenario.SuspensionWagesPayer, fund: Fen, platform: Fen) {
        var rules = Self.rules
        rules.suspensionWages = payer
        // 45 days × 9,000 × 12 / 365 = 13,315.07 yuan.
        let schedule = rules.schedule(for: Self.facts(.medicalOnly, daysOff: 45))
        #expect(Self.total(schedule, .suspensionWages) == fund)
        #expect(schedule.platformPayments.filter { $0.item == .suspensionWages }.reduce(0) { $0 + $1.amount } == platform)
    }

    @Test func allowancesAreIndexedYearly() {
        var rules = Self.rules
        rules.indexationPerYear = 0.05
        let schedule = rules.schedule(for: Self.facts(.grade(1)))
        let allowance = schedule.fundPayments.filter { $0.item == .disabilityAllowance }
        #expect(allowance[11].amount == 810_000)
        #expect(allowance[12].amount == 850_500)
        #expect(allowance[24].amount == 893_025)
    }

    @Test func presentValueDiscountsByMonth() {
        let schedule = ClaimSchedule(fundPayments: [Payment(month: 3, amount: 1000, item: .medical),
                                                    Payment(month: 5, amount: 1000, item: .medical)], platformPayments: [])
        let v = 0.99
        #expect(abs(schedule.fundPresentValue(at: 3, monthlyDiscount: v) - (1000 + 1000 * v * v)) < 1e-9)
    }
}
