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
        /// Yearly reduction f of every hazard by calendar time, μₓ(t) = μₓ(0)·(1 − f)^t, with t
        /// counted from the life table's year (financing reference §4); 0: no improvement.
        package var improvementPerYear: Double = 0
        /// Years from the life table's year to month 0 of the schedules' months (the phase start).
        package var yearsFromTableToStart: Double = 0

        package init(
            lifeTable: LifeTable, disabledMortality: [Double], retirementAgeMen: Double, retirementAgeWomen: Double,
            pensionYuanPerMonth: Double, childSupportAge: Double, improvementPerYear: Double = 0, yearsFromTableToStart: Double = 0
        ) {
            self.improvementPerYear = improvementPerYear
            self.yearsFromTableToStart = yearsFromTableToStart
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
    /// How allowances, care and pensions in payment are adjusted year by year.
    package var indexation: Indexation
    package var platformPays: Set<BenefitItem>
    package var suspensionWages: Scenario.SuspensionWagesPayer
    package var lifetime: Lifetime
    /// How long grade 1–4 allowances are paid.
    package var grade1to4Allowance: AllowanceTerm = .life

    package init(
        medicalLagMonths: Int, appraisalLagMonths: Int, deathLagMonths: Int, careLevel: [Double], indexation: Indexation,
        platformPays: Set<BenefitItem>, suspensionWages: Scenario.SuspensionWagesPayer, lifetime: Lifetime
    ) {
        self.medicalLagMonths = medicalLagMonths
        self.appraisalLagMonths = appraisalLagMonths
        self.deathLagMonths = deathLagMonths
        self.lifetime = lifetime
        self.careLevel = careLevel
        self.indexation = indexation
        self.platformPays = platformPays
        self.suspensionWages = suspensionWages
    }

    /// The yearly adjustments of benefits in payment (Regulations Art. 40: by wages and living
    /// costs, the method provincial; financing reference §3): allowances of grades 1–6 and
    /// dependants' pensions at one rate after a lag, care at wage growth (a share of the current
    /// wage), the basic pension that replaces a grade 1–4 allowance at its own rate.
    package struct Indexation: Sendable, Equatable {
        /// Disability allowances (grades 1–6) and dependants' pensions.
        package var allowancesPerYear: Double
        /// Care allowances (a share of the current average wage: wage growth).
        package var carePerYear: Double
        /// The basic pension a grade 1–4 worker draws after retirement, from the chain's start.
        package var pensionPerYear: Double
        /// Whole years an allowance or pension is paid at its award level before its first
        /// adjustment (0: every anniversary of the award).
        package var lagYears: Int

        package init(allowancesPerYear: Double, carePerYear: Double, pensionPerYear: Double, lagYears: Int = 0) {
            self.allowancesPerYear = allowancesPerYear
            self.carePerYear = carePerYear
            self.pensionPerYear = pensionPerYear
            self.lagYears = lagYears
        }

        /// Every stream at `rate`, without lag.
        package static func uniform(_ rate: Double) -> Indexation {
            Indexation(allowancesPerYear: rate, carePerYear: rate, pensionPerYear: rate)
        }
    }

    /// The schedule of a recognised claim. The arithmetic is ``ClaimScheduler``'s; a
    /// replication's claims share one scheduler, whose tables hold what this computes per claim.
    package func schedule(for facts: ClaimFacts) -> ClaimSchedule {
        ClaimScheduler(rules: self, tabulated: false).schedule(for: facts)
    }
}
