extension Scenario {
    /// A one-province, one-sector, one-platform world with every input fixed and every multiplier
    /// neutral, so expected values have closed forms: full-time workers work every day, shifts
    /// are 8 h for everyone (3 orders an hour), no churn, no time off, no fatigue or inexperience;
    /// every claim medical-only at ¥5,000 with no spread; no growth, delays, lags or dependants;
    /// an empty fund that borrows, charges no administration, earns and discounts nothing; the
    /// rate float off; everyone covered from the first month (January 2024). The model checks
    /// (`validate-model`) and the engine's tests start from it and change what they are about.
    package static func neutral(
        name: String, seed: UInt64, workers: Int, months: Int, replications: Int = 1, claimsPerMillion: Double,
        ratePerOrderYuan: Double = 0.07, sectorName: String = "sector", provinceName: String = "province"
    ) -> Scenario {
        func p(_ v: Double) -> Param { .fixed(v) }
        var severity = [Param](repeating: p(0), count: Severity.allCases.count)
        severity[Severity.medicalOnly.rawValue] = p(1)
        let sector = Scenario.Sector(
            name: sectorName, ordersPerHour: p(3), shiftHours: p(8), shiftHoursSpread: 0, fullTimeDaysPerWeek: p(7),
            occasionalDaysPerYear: p(0), occasionalShare: p(0), claimsPerMillionOrders: p(claimsPerMillion),
            recognitionProbability: p(1), severity: severity, medicalCostMeanYuan: SeverityGroup.allCases.map { _ in p(5000) },
            medicalCostSigma: p(0), recoveryDays: SeverityGroup.allCases.map { _ in p(0) }, churnPerMonth: p(0),
            ordersGrowthPerYear: p(0))
        let start = YearMonth(year: 2024, month: 1)
        return Scenario(
            name: name, description: "", startMonth: start, months: months, seed: seed, replications: replications,
            sampleFraction: 1, uncertainty: false, shardSize: 65536, pooling: .province, sectors: [sector],
            provinces: [
                Scenario.Province(
                    name: provinceName, averageMonthlyWageYuan: p(9000), riskMultiplier: p(1), workers: [workers],
                    platformShares: [:], initialBalanceYuan: 0)
            ],
            platforms: [
                Scenario.Platform(name: "platform", sector: 0, ratePerOrderYuan: p(ratePerOrderYuan), shareOfSector: 1, riskMultiplier: p(1))
            ],
            risk: Scenario.Risk(longShiftHours: 24, extraRiskPerLongHour: p(0), newWorkerDays: 0, newWorkerMultiplier: p(1)),
            benefits: Scenario.Benefits(
                urbanIncomeByYear: [2023: 51821], urbanIncomeGrowthPerYear: p(0), reportingDelayDays: p(0),
                medicalLagMonths: 0, appraisalLagMonths: 0, deathLagMonths: 0,
                careNeedProbability: [1, 1, 0.5, 0.2], careLevel: [0.5, 0.4, 0.3, 0.3], platformPays: [], suspensionWages: .none,
                childrenPerDeath: p(0), parentsPerDeath: p(0), spousePerDeath: p(0)),
            fund: Scenario.Fund(chargeAdminCost: false, adminCostShare: p(0), shortfall: .borrow),
            rateFloat: RateFloatRule(
                enabled: false, reviewMonth: 1, basis: .paid, windowMonths: 12, targetLossRatio: 0.8,
                lossRatioPerStep: 0.1, stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12),
            rollout: [Scenario.RolloutPhase(start: start, provinces: nil, sectors: nil, platforms: nil, rampMonths: 0, takeUp: 1)],
            shocks: [])
    }
}
