extension Scenario {
    /// The benefit rules and their timing.
    public struct Benefits: Sendable {
        /// National urban per-capita disposable income by year (yuan); later years grow.
        package var urbanIncomeByYear: [Int: Double]
        package var urbanIncomeGrowthPerYear: Param
        package var reportingDelayDays: Param
        package var medicalLagMonths: Int
        package var appraisalLagMonths: Int
        package var deathLagMonths: Int
        /// Survival of injured workers and dependants.
        package var lifeTable: LifeTable
        /// Multiplier of every hazard of the life table (platform workers' excess mortality).
        public var mortalityLoading: Param
        /// Further hazard multiplier after a grade 1…4 disability (index 0 = grade 1).
        package var disabledMortality: [Double]
        package var retirementAgeMen: Double
        package var retirementAgeWomen: Double
        /// Basic pension a grade 1…4 worker draws after retirement, yuan a month at the start.
        public var pensionAfterRetirementYuan: Param
        /// Expected qualifying dependants per death: children, parents, spouse.
        package var childrenPerDeath: Param
        package var parentsPerDeath: Param
        package var spousePerDeath: Param
        package var childSupportAge: Double
        /// Probability that a grade 1…4 case needs care (index 0 = grade 1).
        package var careNeedProbability: [Double]
        /// Care allowance as a share of the wage base (index 0 = grade 1).
        package var careLevel: [Double]
        package var platformPays: Set<BenefitItem>
        package var suspensionWages: SuspensionWagesPayer
        /// How long grade 1–4 allowances are paid (``AllowanceTerm``); the Regulations: for life.
        package var grade1to4Allowance: AllowanceTerm = .life

        package init(
            urbanIncomeByYear: [Int: Double], urbanIncomeGrowthPerYear: Param,
            reportingDelayDays: Param, medicalLagMonths: Int, appraisalLagMonths: Int, deathLagMonths: Int,
            careNeedProbability: [Double], careLevel: [Double], platformPays: Set<BenefitItem>,
            suspensionWages: SuspensionWagesPayer, lifeTable: LifeTable = .chinaProxy, mortalityLoading: Param = .fixed(1.1),
            disabledMortality: [Double] = [4, 3, 2, 1.5], retirementAgeMen: Double = 63, retirementAgeWomen: Double = 58,
            pensionAfterRetirementYuan: Param = .fixed(582), childrenPerDeath: Param = .fixed(0.9),
            parentsPerDeath: Param = .fixed(0.35), spousePerDeath: Param = .fixed(0.05), childSupportAge: Double = 18
        ) {
            self.lifeTable = lifeTable
            self.mortalityLoading = mortalityLoading
            self.disabledMortality = disabledMortality
            self.retirementAgeMen = retirementAgeMen
            self.retirementAgeWomen = retirementAgeWomen
            self.pensionAfterRetirementYuan = pensionAfterRetirementYuan
            self.childrenPerDeath = childrenPerDeath
            self.parentsPerDeath = parentsPerDeath
            self.spousePerDeath = spousePerDeath
            self.childSupportAge = childSupportAge
            self.urbanIncomeByYear = urbanIncomeByYear
            self.urbanIncomeGrowthPerYear = urbanIncomeGrowthPerYear
            self.reportingDelayDays = reportingDelayDays
            self.medicalLagMonths = medicalLagMonths
            self.appraisalLagMonths = appraisalLagMonths
            self.deathLagMonths = deathLagMonths
            self.careNeedProbability = careNeedProbability
            self.careLevel = careLevel
            self.platformPays = platformPays
            self.suspensionWages = suspensionWages
        }
    }
}
