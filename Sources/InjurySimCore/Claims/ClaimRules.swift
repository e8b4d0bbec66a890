import Foundation

/// The benefit rules (Work Injury Insurance Regulations, Arts. 30–39, as applied to platform
/// workers by the trial measures): claim facts in, payment schedule out. Pure; no randomness.
///
/// Lifetime payments are *expected* payments: each month's amount × the probability that the
/// person is alive then (``LifeTable``), so a schedule is the actuarial value of one life and a
/// pool's cash flow the mean over its lives (the variance of individual lifetimes is left out).
package struct ClaimRules: Sendable, Equatable {
    /// What lifetime payments depend on: survival, retirement, the pension that replaces the
    /// allowance, and how long children are supported.
    package struct Lifetime: Sendable, Equatable {
        package var lifeTable: LifeTable
        /// Hazard multiplier after a grade 1…4 disability (index 0 = grade 1).
        package var disabledMortality: [Double]
        package var retirementAgeMen: Double
        package var retirementAgeWomen: Double
        /// Basic pension a grade 1…4 worker draws after retirement, yuan a month at the scenario
        /// start (indexed like the allowances); the fund tops the allowance up to it (Art. 35(3)).
        package var pensionYuanPerMonth: Double
        /// Children's pensions end at this age (MOLSS Order No. 18, Art. 4).
        package var childSupportAge: Double

        package init(
            lifeTable: LifeTable, disabledMortality: [Double], retirementAgeMen: Double, retirementAgeWomen: Double,
            pensionYuanPerMonth: Double, childSupportAge: Double
        ) {
            self.lifeTable = lifeTable
            self.disabledMortality = disabledMortality
            self.retirementAgeMen = retirementAgeMen
            self.retirementAgeWomen = retirementAgeWomen
            self.pensionYuanPerMonth = pensionYuanPerMonth
            self.childSupportAge = childSupportAge
        }
    }

    /// One-time disability subsidy in months of wage base, grade 1…10 (Arts. 35–37).
    package static let disabilitySubsidyMonths: [Double] = [27, 25, 23, 21, 18, 16, 13, 11, 9, 7]
    /// Monthly disability allowance as a share of the wage base, grades 1…4 (Art. 35).
    package static let disabilityAllowanceShare: [Double] = [0.90, 0.85, 0.80, 0.75]
    /// Monthly allowance when no work is arranged, grades 5 and 6 (Art. 36: 70% and 60%).
    package static let grade5to6AllowanceShare: [Double] = [0.70, 0.60]
    /// Expected payments below this survival probability are dropped (less than a fen).
    static let negligibleSurvival = 1e-6
    /// Funeral grant in months of wage base (Art. 39).
    package static let funeralMonths: Double = 6
    /// One-time death subsidy in years of national urban disposable income (Art. 39).
    package static let deathSubsidyYears: Double = 20

    package var medicalLagMonths: Int
    package var appraisalLagMonths: Int
    package var deathLagMonths: Int
    /// Care allowance share of the wage base, index 0 = grade 1.
    package var careLevel: [Double]
    /// Yearly indexation of allowances and pensions.
    package var indexationPerYear: Double
    package var platformPays: Set<BenefitItem>
    package var suspensionWages: Scenario.SuspensionWagesPayer
    package var lifetime: Lifetime

    package init(
        medicalLagMonths: Int, appraisalLagMonths: Int, deathLagMonths: Int, careLevel: [Double], indexationPerYear: Double,
        platformPays: Set<BenefitItem>, suspensionWages: Scenario.SuspensionWagesPayer, lifetime: Lifetime
    ) {
        self.medicalLagMonths = medicalLagMonths
        self.appraisalLagMonths = appraisalLagMonths
        self.deathLagMonths = deathLagMonths
        self.lifetime = lifetime
        self.careLevel = careLevel
        self.indexationPerYear = indexationPerYear
        self.platformPays = platformPays
        self.suspensionWages = suspensionWages
    }

    /// The schedule of a recognised claim.
    package func schedule(for facts: ClaimFacts) -> ClaimSchedule {
        var payments: [Payment] = []
        let wage = facts.wageBaseYuan
        let report = facts.reportMonth
        func add(_ item: BenefitItem, _ month: Int, yuan: Double) {
            let amount = Money.fen(yuan: yuan)
            if amount > 0 { payments.append(Payment(month: month, amount: amount, item: item)) }
        }
        let life = lifetime.lifeTable
        /// A monthly stream from `start` while the person (of `age` at month `origin`, alive
        /// then) is younger than `endAge`: each amount × the probability of being alive.
        func addLifeStream(
            _ item: BenefitItem, from start: Int, origin: Int, age: Double, male: Bool?, multiplier: Double,
            endAge: Double, monthly: (_ k: Int, _ month: Int, _ ageThen: Double) -> Double
        ) {
            let curve = life.curve(male: male, age: age, multiplier: multiplier)
            var k = 0
            while true {
                let month = start + k
                let years = Double(month - origin) / 12
                let ageThen = age + years
                guard ageThen < min(endAge, LifeTable.oldestAge) else { break }
                let alive = curve.survival(years: years)
                guard alive >= ClaimRules.negligibleSurvival else { break }
                add(item, month, yuan: monthly(k, month, ageThen) * alive)
                k += 1
            }
        }
        // PortableMath.pow(1 + i, years) with its log computed once.
        let indexBase = 1 + indexationPerYear
        let logIndexBase = PortableMath.log(indexBase)
        func indexed(_ k: Int) -> Double {
            let years = Double(k / 12)
            return years == 0 || indexBase == 1 ? 1 : PortableMath.exp(years * logIndexBase)
        }
        let retirementAge = facts.isMale ? lifetime.retirementAgeMen : lifetime.retirementAgeWomen
        let medicalMonth = report + medicalLagMonths
        add(.medical, medicalMonth, yuan: facts.medicalCostYuan)
        if suspensionWages != .none && facts.daysOff > 0 && facts.severity != .death {
            add(.suspensionWages, medicalMonth, yuan: wage * 12 / 365 * Double(facts.daysOff))
        }
        if let grade = facts.severity.grade {
            let appraisal = report + appraisalLagMonths
            add(.disabilitySubsidy, appraisal, yuan: wage * ClaimRules.disabilitySubsidyMonths[grade - 1])
            if grade <= 4 {
                // Until retirement the allowance; after it the fund tops the basic pension up to the
                // allowance (Art. 35(3)); both for life, at the disabled's mortality.
                let multiplier = lifetime.disabledMortality[grade - 1]
                let share = ClaimRules.disabilityAllowanceShare[grade - 1]
                addLifeStream(
                    .disabilityAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                    multiplier: multiplier, endAge: LifeTable.oldestAge
                ) { k, month, ageThen in
                    let allowance = wage * share * indexed(k)
                    guard ageThen >= retirementAge else { return allowance }
                    return max(0, allowance - lifetime.pensionYuanPerMonth * indexed(month))
                }
                if facts.needsCare {
                    let level = careLevel[grade - 1]
                    addLifeStream(
                        .careAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                        multiplier: multiplier, endAge: LifeTable.oldestAge
                    ) { k, _, _ in wage * level * indexed(k) }
                }
            } else if grade <= 6 {
                // Art. 36: when no work is arranged, until retirement (platforms pay by default).
                let share = ClaimRules.grade5to6AllowanceShare[grade - 5]
                addLifeStream(
                    .grade5to6Allowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                    multiplier: 1, endAge: retirementAge
                ) { k, _, _ in wage * share * indexed(k) }
            }
        } else if facts.severity == .death {
            let month = report + deathLagMonths
            add(.deathSubsidy, month, yuan: ClaimRules.deathSubsidyYears * facts.urbanIncomePreviousYearYuan)
            add(.funeralGrant, month, yuan: ClaimRules.funeralMonths * wage)
            // Spouse 40%, each other relative 30%, together at most the wage (Art. 39): shares are
            // scaled down to fit. Children until the support age; parents and spouse for life.
            let totalShare = facts.dependants.reduce(0.0) { $0 + $1.kind.share }
            let scale = totalShare > 1 ? 1 / totalShare : 1
            for dependant in facts.dependants {
                let share = dependant.kind.share * scale
                let endAge = dependant.kind == .child ? lifetime.childSupportAge : LifeTable.oldestAge
                addLifeStream(
                    .dependantsPension, from: month + 1, origin: month, age: dependant.age, male: nil, multiplier: 1,
                    endAge: endAge
                ) { k, _, _ in wage * share * indexed(k) }
            }
        }
        var schedule = ClaimSchedule(fundPayments: [], platformPayments: [])
        let platformItems = Array(platformPays)  // a few items: a scan, no hashing per payment
        for payment in payments {
            let platformPaid =
                platformItems.contains(payment.item)
                || (payment.item == .suspensionWages && suspensionWages == .platform)
            if platformPaid { schedule.platformPayments.append(payment) } else { schedule.fundPayments.append(payment) }
        }
        return schedule
    }
}
