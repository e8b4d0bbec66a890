/// ``ClaimRules`` with the constants every schedule reads computed once, for the many claims of
/// one replication: each indexation's factor by whole year, each sex's c^(months / 12) of the
/// life table (of c·e^(−ρ) under mortality improvement) and e^(−ρ months / 12), and which items
/// the platform pays. Every constant is
/// computed with the operations the schedule would apply per payment, so a schedule has the
/// same bits with the tables as without them (`ClaimSchedulerTests`); arguments beyond a table
/// are computed as they come. Pure and immutable; a class, so that the claims share it by
/// reference instead of copying its rules and tables into every call.
package final class ClaimScheduler: Sendable {
    package let rules: ClaimRules
    /// One indexation rate's factors by whole year.
    struct IndexTable: Sendable {
        /// 1 + the yearly rate, and its logarithm.
        let base: Double
        let logBase: Double
        /// The factor after `y` whole years, `[y]` (see ``factor(years:)``).
        let factors: [Double]

        init(rate: Double, years: Int) {
            base = 1 + rate
            logBase = PortableMath.log(base)
            let (base, logBase) = (base, logBase)
            factors = (0..<years).map { IndexTable.factor(years: $0, base: base, logBase: logBase) }
        }

        /// The factor after `years` whole years, from the table where it reaches.
        func factor(years: Int) -> Double {
            if years >= 0 && years < factors.count { return factors[years] }
            return Self.factor(years: years, base: base, logBase: logBase)
        }

        /// PortableMath.pow(base, years) with log base computed once.
        static func factor(years: Int, base: Double, logBase: Double) -> Double {
            let y = Double(years)
            return y == 0 || base == 1 ? 1 : PortableMath.exp(y * logBase)
        }
    }
    /// Allowances and dependants' pensions, care, and the basic pension (``ClaimRules/Indexation``).
    let allowanceIndex: IndexTable
    let careIndex: IndexTable
    let pensionIndex: IndexTable
    /// Whole years before an allowance's first adjustment.
    let lagYears: Int
    /// (c e^(−ρ))^(j / 12) of the male and the female law after `j` months (``SurvivalCurve``;
    /// c^(j / 12) without improvement).
    let malePowers: [Double]
    let femalePowers: [Double]
    /// ρ of the mortality improvement (0: none) and e^(−ρ j / 12) by month j.
    let rho: Double
    let decay: [Double]
    /// Bit ``BenefitItem/index`` set: the platform pays the item itself.
    let platformPaidItems: UInt32

    /// Years of indexation tabulated: a payment falls at most ``LifeTable/oldestAge`` years after
    /// its claim's report month, so this covers claims reported within the first 40 years.
    static let tabulatedYears = Int(LifeTable.oldestAge) + 41
    /// Months of survival powers tabulated: a stream ends before the person is ``LifeTable/oldestAge``.
    static let tabulatedMonths = Int(LifeTable.oldestAge) * 12 + 1

    /// The scheduler of `rules`; with `tabulated` false every constant is computed as it is
    /// needed (one claim, a test's reference).
    package init(rules: ClaimRules, tabulated: Bool = true) {
        self.rules = rules
        let years = tabulated ? Self.tabulatedYears : 0
        allowanceIndex = IndexTable(rate: rules.indexation.allowancesPerYear, years: years)
        careIndex = IndexTable(rate: rules.indexation.carePerYear, years: years)
        pensionIndex = IndexTable(rate: rules.indexation.pensionPerYear, years: years)
        lagYears = max(0, rules.indexation.lagYears)
        var items: UInt32 = 0
        for item in BenefitItem.allCases
        where rules.platformPays.contains(item) || (item == .suspensionWages && rules.suspensionWages == .platform) {
            items |= 1 << UInt32(item.index)
        }
        platformPaidItems = items
        let life = rules.lifetime.lifeTable
        let rho = SurvivalCurve.Improvement.rho(improvementPerYear: rules.lifetime.improvementPerYear)
        self.rho = rho
        let months = tabulated ? Self.tabulatedMonths : 0
        malePowers = (0..<months).map(SurvivalCurve.Sex(life.male, age: 0, rho: rho).power(months:))
        femalePowers = (0..<months).map(SurvivalCurve.Sex(life.female, age: 0, rho: rho).power(months:))
        decay = rho == 0 ? [] : (0..<months).map { SurvivalCurve.Improvement.decay(months: $0, rho: rho) }
    }

    /// The improvement of a curve whose origin is month `origin` of the schedules' months (nil
    /// without improvement).
    func improvement(origin: Int) -> SurvivalCurve.Improvement? {
        guard rho != 0 else { return nil }
        let t0 = rules.lifetime.yearsFromTableToStart + Double(origin) / 12
        return SurvivalCurve.Improvement(rho: rho, decay: decay, atOrigin: PortableMath.exp(-rho * t0))
    }

    /// The schedule of a recognised claim (``ClaimRules`` gives the rules).
    package func schedule(for facts: ClaimFacts) -> ClaimSchedule {
        var schedule = ClaimSchedule(fundPayments: [], platformPayments: [])
        // Room for the one-off payments (medical, suspension wages, subsidy or death grants):
        // one allocation instead of growing from one to two to four.
        schedule.fundPayments.reserveCapacity(3)
        let platformItems = platformPaidItems
        let wage = facts.wageBaseYuan
        let report = facts.reportMonth
        let rules = self.rules
        let lifetime = rules.lifetime
        // Each payment goes to its payer's list as it is made, so both lists keep the order of
        // the payments.
        func add(_ item: BenefitItem, _ month: Int, yuan: Double) {
            let amount = Money.fen(yuan: yuan)
            guard amount > 0 else { return }
            if platformItems & (1 << UInt32(item.index)) != 0 {
                schedule.platformPayments.append(Payment(month: month, amount: amount, item: item))
            } else {
                schedule.fundPayments.append(Payment(month: month, amount: amount, item: item))
            }
        }
        func reserve(_ item: BenefitItem, _ count: Int) {
            if platformItems & (1 << UInt32(item.index)) != 0 {
                schedule.platformPayments.reserveCapacity(schedule.platformPayments.count + count)
            } else {
                schedule.fundPayments.reserveCapacity(schedule.fundPayments.count + count)
            }
        }
        let life = lifetime.lifeTable
        /// A monthly stream from `start` while the person (of `age` at month `origin`, alive
        /// then) is younger than `endAge`: each amount × the probability of being alive.
        func addLifeStream(
            _ item: BenefitItem, from start: Int, origin: Int, age: Double, male: Bool?, multiplier: Double,
            endAge: Double, monthly: (_ k: Int, _ month: Int, _ ageThen: Double) -> Double
        ) {
            let curve = SurvivalCurve(
                table: life, male: male, age: age, multiplier: multiplier, malePowers: malePowers, femalePowers: femalePowers,
                improvement: improvement(origin: origin))
            let limit = min(endAge, LifeTable.oldestAge)
            // At most the months before `limit` (one spare): room reserved once, not doubled.
            let room = (limit - age) * 12 - Double(start - origin) + 2
            if room > 0 && room < 2_000 { reserve(item, Int(room)) }
            var k = 0
            while true {
                let month = start + k
                let years = Double(month - origin) / 12
                let ageThen = age + years
                guard ageThen < limit else { break }
                let alive = curve.survival(months: month - origin)
                guard alive >= ClaimRules.negligibleSurvival else { break }
                add(item, month, yuan: monthly(k, month, ageThen) * alive)
                k += 1
            }
        }
        // An allowance or pension `k` months after its first payment; care; the basic pension
        // `months` after the chain's start.
        let lag = lagYears
        func indexed(_ k: Int) -> Double { allowanceIndex.factor(years: max(0, k / 12 - lag)) }
        func careIndexed(_ k: Int) -> Double { careIndex.factor(years: k / 12) }
        func pensionIndexed(_ months: Int) -> Double { pensionIndex.factor(years: months / 12) }
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
                // Until retirement the allowance; after it the fund tops the basic pension up to the
                // allowance (Art. 35(3)); both for life, at the disabled's mortality. A scenario may
                // state a shorter term (``AllowanceTerm``).
                let multiplier = lifetime.disabledMortality[grade - 1]
                let share = ClaimRules.disabilityAllowanceShare[grade - 1]
                let pension = lifetime.pensionYuanPerMonth
                let term = rules.grade1to4Allowance
                let endAge: Double
                switch term {
                case .life: endAge = LifeTable.oldestAge
                case .toRetirement: endAge = retirementAge
                // The age at the first payment plus n years, less half a month: 12n payments,
                // whatever the rounding of the ages.
                case .years(let n): endAge = facts.ageYears + Double(appraisal + 1 - report) / 12 + n - 1.0 / 24
                }
                addLifeStream(
                    .disabilityAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                    multiplier: multiplier, endAge: endAge
                ) { k, month, ageThen in
                    let allowance = wage * share * indexed(k)
                    guard ageThen >= retirementAge else { return allowance }
                    return max(0, allowance - pension * pensionIndexed(month + facts.monthsIntoChain))
                }
                if facts.needsCare {
                    let level = rules.careLevel[grade - 1]
                    addLifeStream(
                        .careAllowance, from: appraisal + 1, origin: report, age: facts.ageYears, male: facts.isMale,
                        multiplier: multiplier, endAge: LifeTable.oldestAge
                    ) { k, _, _ in wage * level * careIndexed(k) }
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
            let month = report + rules.deathLagMonths
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
        return schedule
    }
}
