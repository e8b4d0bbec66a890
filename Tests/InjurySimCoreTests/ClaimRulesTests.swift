import Testing

@testable import InjurySimCore

/// The benefit rules, to the fen, on a wage base of ¥9,000 a month and an urban income of ¥54,188.
/// Lifetime streams are checked here with nobody dying (a zero hazard), so each runs to its end
/// age; survival itself is checked in LifetimeBenefitTests.
@Suite struct ClaimRulesTests {
    static let immortal = LifeTable(male: .init(a: 0, b: 0, c: 1), female: .init(a: 0, b: 0, c: 1), loading: 1)
    static let rules = ClaimRules(
        medicalLagMonths: 2, appraisalLagMonths: 9, deathLagMonths: 3, careLevel: [0.5, 0.4, 0.3, 0.3],
        indexation: .uniform(0), platformPays: [], suspensionWages: .none,
        lifetime: ClaimRules.Lifetime(
            lifeTable: immortal, disabledMortality: [4, 3, 2, 1.5], retirementAgeMen: 63,
            retirementAgeWomen: 58, pensionYuanPerMonth: 0, childSupportAge: 18))

    /// Age 40 at the report month (5): a payment in month t is made at age 40 + (t − 5)/12.
    static func facts(
        _ severity: Severity, care: Bool = false, daysOff: Int = 0, age: Double = 40, male: Bool = true,
        dependants: [Dependant] = []
    ) -> ClaimFacts {
        ClaimFacts(
            severity: severity, reportMonth: 5, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
            medicalCostYuan: 12345.67, needsCare: care, daysOff: daysOff, ageYears: age, isMale: male, dependants: dependants)
    }

    /// Monthly payments a stream starting in `first` makes before age `endAge` for a person of 40 at month 5.
    static func months(from first: Int, until endAge: Double) -> Int {
        var count = 0
        while 40 + Double(first + count - 5) / 12 < endAge { count += 1 }
        return count
    }

    static func total(_ schedule: ClaimSchedule, _ item: BenefitItem) -> Fen {
        schedule.fundPayments.filter { $0.item == item }.reduce(0) { $0 + $1.amount }
    }

    /// One-time disability subsidy (Arts. 35–37): months of wage by grade, in fen.
    @Test(arguments: [
        (1, Fen(24_300_000)), (2, 22_500_000), (3, 20_700_000), (4, 18_900_000), (5, 16_200_000),
        (6, 14_400_000), (7, 11_700_000), (8, 9_900_000), (9, 8_100_000), (10, 6_300_000)
    ])
    func disabilitySubsidyByGrade(grade: Int, fen: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade)))
        #expect(Self.total(schedule, .disabilitySubsidy) == fen)
        #expect(schedule.fundPayments.first { $0.item == .disabilitySubsidy }?.month == 5 + 9)
        #expect(Self.total(schedule, .medical) == 1_234_567)
    }

    /// Grades 1–4 get a monthly allowance of 90/85/80/75% of wage from the month after the
    /// appraisal for life (to age 110 when nobody dies); with a pension of 0 the top-up after
    /// retirement is the whole allowance.
    @Test(arguments: [(1, Fen(810_000)), (2, 765_000), (3, 720_000), (4, 675_000)])
    func monthlyAllowanceForGradesOneToFour(grade: Int, monthly: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade)))
        let allowance = schedule.fundPayments.filter { $0.item == .disabilityAllowance }
        #expect(allowance.count == Self.months(from: 15, until: 110))
        #expect(allowance.allSatisfy { $0.amount == monthly })
        #expect(allowance.first?.month == 15)
        #expect(schedule.fundPayments.filter { $0.item == .careAllowance }.isEmpty)
    }

    /// After the retirement age (63 men, 58 women) the fund pays allowance − basic pension (Art. 35(3)),
    /// never less than nothing.
    @Test(arguments: [(true, 2_000.0, Fen(610_000)), (false, 2_000, 610_000), (true, 9_000, 0)])
    func afterRetirementTheFundTopsThePensionUpToTheAllowance(male: Bool, pension: Double, topUp: Fen) {
        var rules = Self.rules
        rules.lifetime.pensionYuanPerMonth = pension
        let allowance = rules.schedule(for: Self.facts(.grade(1), male: male)).fundPayments.filter { $0.item == .disabilityAllowance }
        let retirement = male ? 63.0 : 58.0
        let before = Self.months(from: 15, until: retirement)
        #expect(allowance.prefix(before).allSatisfy { $0.amount == 810_000 })
        #expect(allowance.dropFirst(before).allSatisfy { $0.amount == topUp })
        #expect(allowance.count == (topUp == 0 ? before : Self.months(from: 15, until: 110)))
    }

    @Test(arguments: [(1, Fen(450_000)), (2, 360_000), (3, 270_000), (4, 270_000)])
    func careAllowanceForLifeWhenCareIsNeeded(grade: Int, monthly: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade), care: true))
        let care = schedule.fundPayments.filter { $0.item == .careAllowance }
        #expect(care.count == Self.months(from: 15, until: 110) && care.allSatisfy { $0.amount == monthly })
    }

    /// Grades 5–6: 70% / 60% of wage a month until retirement (Art. 36); grades 7–10 no allowance.
    @Test(arguments: [(5, Fen(630_000)), (6, 540_000), (7, 0), (8, 0), (9, 0), (10, 0)])
    func gradeFiveAndSixAllowanceUntilRetirement(grade: Int, monthly: Fen) {
        let schedule = Self.rules.schedule(for: Self.facts(.grade(grade), care: true, male: false))
        let allowance = schedule.fundPayments.filter { $0.item == .grade5to6Allowance }
        #expect(
            Set(schedule.fundPayments.map(\.item))
                == (monthly > 0 ? [.medical, .disabilitySubsidy, .grade5to6Allowance] : [.medical, .disabilitySubsidy]))
        if monthly > 0 {
            #expect(allowance.count == Self.months(from: 15, until: 58) && allowance.allSatisfy { $0.amount == monthly })
        }
    }

    /// Death (Art. 39): 20 × urban income, funeral 6 × wage; each dependant's pension (spouse
    /// 40%, child or parent 30%) from the month after the death; a child's until 18.
    @Test func deathBenefits() {
        let dependants = [Dependant(kind: .child, age: 10), Dependant(kind: .parent, age: 65)]
        let schedule = Self.rules.schedule(for: Self.facts(.death, dependants: dependants))
        #expect(Self.total(schedule, .deathSubsidy) == 108_376_000)
        #expect(Self.total(schedule, .funeralGrant) == 5_400_000)
        #expect(schedule.fundPayments.first { $0.item == .deathSubsidy }?.month == 8)
        let pension = schedule.fundPayments.filter { $0.item == .dependantsPension }
        // The child: ages 10 + k/12 < 18 for k = 1…95; the parent: 65 + k/12 < 110, k = 1…539.
        #expect(pension.count == 95 + 539)
        #expect(pension.allSatisfy { $0.amount == 270_000 && $0.month >= 9 })
        let byMonth = Dictionary(grouping: pension, by: \.month)
        #expect(byMonth[9]?.count == 2 && byMonth[9 + 95]?.count == 1)
        #expect(Self.rules.schedule(for: Self.facts(.death)).fundPayments.filter { $0.item == .dependantsPension }.isEmpty)
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
        rules.indexation = .uniform(0.05)
        let schedule = rules.schedule(for: Self.facts(.grade(1)))
        let allowance = schedule.fundPayments.filter { $0.item == .disabilityAllowance }
        #expect(allowance[11].amount == 810_000)
        #expect(allowance[12].amount == 850_500)
        #expect(allowance[24].amount == 893_025)
    }

    /// Allowances follow their own rate after the lag; care follows wages from the first
    /// anniversary: a grade 1 allowance of ¥8,100 at 3% after two years, care of 50% of ¥9,000 at 5%.
    @Test func allowancesWaitForTheLagAndCareFollowsWages() {
        var rules = Self.rules
        rules.indexation = ClaimRules.Indexation(allowancesPerYear: 0.03, carePerYear: 0.05, pensionPerYear: 0, lagYears: 2)
        var facts = Self.facts(.grade(1))
        facts.needsCare = true
        let schedule = rules.schedule(for: facts)
        let allowance = schedule.fundPayments.filter { $0.item == .disabilityAllowance }.map(\.amount)
        let care = schedule.fundPayments.filter { $0.item == .careAllowance }.map(\.amount)
        #expect(allowance[0] == 810_000 && allowance[12] == 810_000 && allowance[35] == 810_000)
        #expect(allowance[36] == 834_300 && allowance[48] == 859_329)
        #expect(care[11] == 450_000 && care[12] == 472_500 && care[24] == 496_125)
    }

    @Test func presentValueDiscountsByMonth() {
        let schedule = ClaimSchedule(
            fundPayments: [
                Payment(month: 3, amount: 1000, item: .medical),
                Payment(month: 5, amount: 1000, item: .medical)
            ], platformPayments: [])
        let v = 0.99
        #expect(abs(schedule.fundPresentValue(at: 3, monthlyDiscount: v) - (1000 + 1000 * v * v)) < 1e-9)
    }
}
