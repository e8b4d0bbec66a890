import Testing

@testable import InjurySimCore

/// `ClaimScheduler` is the benefit rules' arithmetic, bit for bit, with or without its tables:
/// each schedule is compared with the rules written plainly (``reference(_:_:)``: survival from
/// `LifeTable.survival`, indexation by `PortableMath.pow`, amounts by `Money.fen`, payers by set
/// membership) over every severity, ages across the table, both sexes, care, dependants,
/// indexation and payers; and the tables' entries with what they replace.
@Suite struct ClaimSchedulerTests {
    /// The schedule as the rules read, one payment at a time (the form before the tables).
    static func reference(_ rules: ClaimRules, _ facts: ClaimFacts) -> ClaimSchedule {
        var payments: [Payment] = []
        let wage = facts.wageBaseYuan
        let report = facts.reportMonth
        let lifetime = rules.lifetime
        func add(_ item: BenefitItem, _ month: Int, yuan: Double) {
            let amount = Money.fen(yuan: yuan)
            if amount > 0 { payments.append(Payment(month: month, amount: amount, item: item)) }
        }
        let index = rules.indexation
        func indexed(_ k: Int) -> Double { PortableMath.pow(1 + index.allowancesPerYear, Double(max(0, k / 12 - index.lagYears))) }
        func careIndexed(_ k: Int) -> Double { PortableMath.pow(1 + index.carePerYear, Double(k / 12)) }
        func pensionIndexed(_ month: Int) -> Double { PortableMath.pow(1 + index.pensionPerYear, Double(month / 12)) }
        func stream(
            _ item: BenefitItem, from start: Int, origin: Int, age: Double, male: Bool?, multiplier: Double, endAge: Double,
            _ monthly: (Int, Int, Double) -> Double
        ) {
            var k = 0
            while true {
                let month = start + k
                let years = Double(month - origin) / 12
                let ageThen = age + years
                guard ageThen < min(endAge, LifeTable.oldestAge) else { break }
                let alive = Self.survival(lifetime, male: male, age: age, origin: origin, years: years, multiplier: multiplier)
                guard alive >= ClaimRules.negligibleSurvival else { break }
                add(item, month, yuan: monthly(k, month, ageThen) * alive)
                k += 1
            }
        }
        let retirementAge = facts.isMale ? lifetime.retirementAgeMen : lifetime.retirementAgeWomen
        let medicalMonth = report + rules.medicalLagMonths
        add(.medical, medicalMonth, yuan: facts.medicalCostYuan)
        if rules.suspensionWages != .none && facts.daysOff > 0 && facts.severity != .death {
            add(.suspensionWages, medicalMonth, yuan: wage * 12 / 365 * Double(facts.daysOff))
        }
        if let grade = facts.severity.grade {
            let appraisal = report + rules.appraisalLagMonths
            add(.disabilitySubsidy, appraisal, yuan: wage * ClaimRules.disabilitySubsidyMonths[grade - 1])
            if grade <= 4 {
                let multiplier = lifetime.disabledMortality[grade - 1]
                let share = ClaimRules.disabilityAllowanceShare[grade - 1]
                stream(
                    .disabilityAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                    multiplier: multiplier, endAge: LifeTable.oldestAge
                ) { k, month, ageThen in
                    let allowance = wage * share * indexed(k)
                    guard ageThen >= retirementAge else { return allowance }
                    return max(0, allowance - lifetime.pensionYuanPerMonth * pensionIndexed(month))
                }
                if facts.needsCare {
                    let level = rules.careLevel[grade - 1]
                    stream(
                        .careAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                        multiplier: multiplier, endAge: LifeTable.oldestAge
                    ) { k, _, _ in wage * level * careIndexed(k) }
                }
            } else if grade <= 6 {
                let share = ClaimRules.grade5to6AllowanceShare[grade - 5]
                stream(
                    .grade5to6Allowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                    multiplier: 1, endAge: retirementAge
                ) { k, _, _ in wage * share * indexed(k) }
            }
        } else if facts.severity == .death {
            let month = report + rules.deathLagMonths
            add(.deathSubsidy, month, yuan: ClaimRules.deathSubsidyYears * facts.urbanIncomePreviousYearYuan)
            add(.funeralGrant, month, yuan: ClaimRules.funeralMonths * wage)
            let totalShare = facts.dependants.reduce(0.0) { $0 + $1.kind.share }
            let scale = totalShare > 1 ? 1 / totalShare : 1
            for dependant in facts.dependants {
                let share = dependant.kind.share * scale
                let endAge = dependant.kind == .child ? lifetime.childSupportAge : LifeTable.oldestAge
                stream(.dependantsPension, from: month + 1, origin: month, age: dependant.age, male: nil, multiplier: 1, endAge: endAge) {
                    k, _, _ in wage * share * indexed(k)
                }
            }
        }
        let platformPaid = { (item: BenefitItem) in
            rules.platformPays.contains(item) || (item == .suspensionWages && rules.suspensionWages == .platform)
        }
        return ClaimSchedule(fundPayments: payments.filter { !platformPaid($0.item) }, platformPayments: payments.filter { platformPaid($0.item) })
    }

    /// Survival as the rules read: the life table's without improvement; with it, the improved
    /// hazard's integral written out, e^(−ρt₀)·[A(1 − e^(−ρs))/ρ + B cˣ((c e^(−ρ))ˢ − 1)/ln(c e^(−ρ))],
    /// t₀ the calendar years from the table's year to the curve's origin.
    static func survival(_ lifetime: ClaimRules.Lifetime, male: Bool?, age: Double, origin: Int, years: Double, multiplier: Double) -> Double {
        let table = lifetime.lifeTable
        guard lifetime.improvementPerYear != 0 else { return table.survival(male: male, age: age, years: years, multiplier: multiplier) }
        guard let male else {
            return
                (survival(lifetime, male: true, age: age, origin: origin, years: years, multiplier: multiplier)
                + survival(lifetime, male: false, age: age, origin: origin, years: years, multiplier: multiplier)) / 2
        }
        let law = male ? table.male : table.female
        let rho = -PortableMath.log(1 - lifetime.improvementPerYear)
        let t0 = lifetime.yearsFromTableToStart + Double(origin) / 12
        let step = law.c * PortableMath.exp(-rho)
        let makeham = law.a * (1 - PortableMath.exp(-rho * years)) / rho
        let gompertz = law.b * PortableMath.pow(law.c, age) * (PortableMath.pow(step, years) - 1) / PortableMath.log(step)
        return PortableMath.exp(-multiplier * table.loading * PortableMath.exp(-rho * t0) * (makeham + gompertz))
    }

    /// Rules on the China proxy table (loaded), with indexation and a pension, and variants.
    static func rules(
        indexation: ClaimRules.Indexation = .uniform(0.035),
        table: LifeTable = LifeTable(male: LifeTable.chinaProxy.male, female: LifeTable.chinaProxy.female, loading: 1.3),
        platformPays: Set<BenefitItem> = [.grade5to6Allowance], suspensionWages: Scenario.SuspensionWagesPayer = .platform,
        improvement: Double = 0
    ) -> ClaimRules {
        ClaimRules(
            medicalLagMonths: 1, appraisalLagMonths: 7, deathLagMonths: 2, careLevel: [0.5, 0.4, 0.3, 0.3], indexation: indexation,
            platformPays: platformPays, suspensionWages: suspensionWages,
            lifetime: ClaimRules.Lifetime(
                lifeTable: table, disabledMortality: [4, 3, 2, 1.5], retirementAgeMen: 63, retirementAgeWomen: 58,
                pensionYuanPerMonth: 3_100.5, childSupportAge: 18, improvementPerYear: improvement, yearsFromTableToStart: 4.5))
    }

    static let ruleVariants: [ClaimRules] = [
        rules(), rules(indexation: .uniform(0)), rules(indexation: .uniform(-0.012), platformPays: [], suspensionWages: .fund),
        rules(table: LifeTable(male: .init(a: 0.002, b: 0, c: 1.1), female: .init(a: 0.001, b: 1e-5, c: 1), loading: 1)),
        rules(platformPays: [.medical, .careAllowance, .dependantsPension], suspensionWages: .none),
        // Three rates and a lag: allowances at 2% from their third year, care 4.5%, the pension 3%.
        rules(indexation: ClaimRules.Indexation(allowancesPerYear: 0.02, carePerYear: 0.045, pensionPerYear: 0.03, lagYears: 2))
    ]

    /// Variants with mortality improvement: the scheduler's operations are not the reference's,
    /// so they agree to rounding (``schedulesWithImprovementAreTheRulesToAFen(variant:)``).
    static let improvedVariants: [ClaimRules] = [
        rules(improvement: 0.015), rules(indexation: .uniform(0.02), platformPays: [], suspensionWages: .fund, improvement: 0.025),
        rules(table: LifeTable(male: .init(a: 0.002, b: 0, c: 1.1), female: .init(a: 0.001, b: 1e-5, c: 1), loading: 1), improvement: 0.01)
    ]

    static func facts(_ severity: Severity, age: Double, male: Bool, care: Bool, reportMonth: Int) -> ClaimFacts {
        let dependants =
            severity == .death
            ? [Dependant(kind: .child, age: age / 7), Dependant(kind: .parent, age: age + 27.3), Dependant(kind: .spouse, age: 55 + age / 9)]
            : []
        return ClaimFacts(
            severity: severity, reportMonth: reportMonth, wageBaseYuan: 7_345.25, urbanIncomePreviousYearYuan: 51_821,
            medicalCostYuan: 18_004.555, needsCare: care, daysOff: 40, ageYears: age, isMale: male, dependants: dependants)
    }

    @Test(arguments: ruleVariants.indices)
    func schedulesAreTheRulesReadPlainly(variant: Int) {
        let rules = Self.ruleVariants[variant]
        let tabulated = ClaimScheduler(rules: rules)
        let untabulated = ClaimScheduler(rules: rules, tabulated: false)
        var checked = 0
        for severity in Severity.allCases {
            for age in [0.4, 18, 29.77, 45.5, 62.99, 71, 96.2, 109.95] {
                for male in [true, false] {
                    for care in severity.grade.map({ $0 <= 4 }) == true ? [false, true] : [false] {
                        // A report month far enough out that indexation runs beyond its table.
                        for reportMonth in [0, 17, 700] {
                            let facts = Self.facts(severity, age: age, male: male, care: care, reportMonth: reportMonth)
                            let expected = Self.reference(rules, facts)
                            #expect(tabulated.schedule(for: facts) == expected, "\(severity) age \(age) male \(male) care \(care)")
                            #expect(untabulated.schedule(for: facts) == expected, "\(severity) age \(age) male \(male) care \(care)")
                            #expect(rules.schedule(for: facts) == expected)
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 400)
    }

    /// With improvement every payment is the rules' to a fen (the same count, in the same
    /// months), and the tables change no bit; improvement only raises survival after the table's
    /// year, so every life stream pays at least what it pays without.
    @Test(arguments: improvedVariants.indices)
    func schedulesWithImprovementAreTheRulesToAFen(variant: Int) {
        let rules = Self.improvedVariants[variant]
        var unimproved = rules
        unimproved.lifetime.improvementPerYear = 0
        let tabulated = ClaimScheduler(rules: rules)
        let untabulated = ClaimScheduler(rules: rules, tabulated: false)
        var checked = 0
        for severity in [Severity.grade(1), .grade(3), .grade(5), .death] {
            for age in [18, 45.5, 71] {
                for male in [true, false] {
                    for reportMonth in [0, 17, 700] {
                        let facts = Self.facts(severity, age: age, male: male, care: true, reportMonth: reportMonth)
                        let expected = Self.reference(rules, facts)
                        let schedule = tabulated.schedule(for: facts)
                        #expect(untabulated.schedule(for: facts) == schedule)
                        #expect(schedule.fundPayments.count == expected.fundPayments.count, "\(severity) age \(age)")
                        for (a, b) in zip(schedule.fundPayments, expected.fundPayments) {
                            #expect(a.month == b.month && a.item == b.item && abs(a.amount - b.amount) <= 1, "\(severity) age \(age) \(a) \(b)")
                        }
                        let without = unimproved.schedule(for: facts)
                        #expect(schedule.fundPayments.reduce(0) { $0 + $1.amount } >= without.fundPayments.reduce(0) { $0 + $1.amount })
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 72)
    }

    /// The tables' entries are what a schedule computed per payment before them.
    @Test(arguments: ruleVariants.indices)
    func tableEntriesAreTheDirectValues(variant: Int) {
        let rules = Self.ruleVariants[variant]
        let scheduler = ClaimScheduler(rules: rules)
        let index = rules.indexation
        for (table, rate) in [
            (scheduler.allowanceIndex, index.allowancesPerYear), (scheduler.careIndex, index.carePerYear),
            (scheduler.pensionIndex, index.pensionPerYear)
        ] {
            #expect(table.factors.count == ClaimScheduler.tabulatedYears)
            for years in 0..<(ClaimScheduler.tabulatedYears + 20) {
                let direct = PortableMath.pow(1 + rate, Double(years))
                #expect(table.factor(years: years).bitPattern == direct.bitPattern, "years \(years)")
            }
        }
        let table = rules.lifetime.lifeTable
        for male in [true, false, nil] as [Bool?] {
            for age in [0.0, 33.3, 80] {
                let curve = SurvivalCurve(
                    table: table, male: male, age: age, multiplier: 2, malePowers: scheduler.malePowers, femalePowers: scheduler.femalePowers)
                for months in 0..<(ClaimScheduler.tabulatedMonths + 30) {
                    let direct = table.survival(male: male, age: age, years: Double(months) / 12, multiplier: 2)
                    #expect(
                        curve.survival(months: months).bitPattern == direct.bitPattern, "male \(String(describing: male)) age \(age) months \(months)"
                    )
                }
            }
        }
    }

    @Test func everyItemsIndexIsItsPositionAmongAllCases() {
        for (position, item) in BenefitItem.allCases.enumerated() { #expect(item.index == position, "\(item)") }
    }

    /// The present value with the discount's log computed once is Σ amount × pow(discount, lag).
    @Test(arguments: [0.997_944_2, 1, 1.001])
    func presentValueIsTheSumOfDiscountedPayments(discount: Double) {
        let rules = Self.rules()
        for severity in [Severity.grade(2), .grade(6), .death, .medicalOnly] {
            let schedule = rules.schedule(for: Self.facts(severity, age: 37, male: true, care: true, reportMonth: 3))
            for month in [0, 3, 11] {
                let expected = schedule.fundPayments.reduce(0.0) {
                    $0 + Double($1.amount) * PortableMath.pow(discount, Double($1.month - month))
                }
                #expect(schedule.fundPresentValue(at: month, monthlyDiscount: discount).bitPattern == expected.bitPattern)
            }
        }
    }
}
