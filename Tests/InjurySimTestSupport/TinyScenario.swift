import InjurySimCore

/// A hand-built one-region, one-sector, one-platform scenario with every input fixed and every
/// multiplier neutral, small enough to simulate in a debug build in well under a second. Tests
/// change the fields they are about.
package enum TinyScenario {
    package static let start = YearMonth(year: 2024, month: 1)

    package static func make(workers: Int = 50, months: Int = 12, claimsPerMillion: Double = 0, ratePerOrderYuan: Double = 0.07) -> Scenario {
        func p(_ v: Double) -> Param { .fixed(v) }
        // Every claim medical-only, costing ¥5,000 with no spread and no time off.
        var severity = [Param](repeating: p(0), count: Severity.allCases.count)
        severity[Severity.medicalOnly.rawValue] = p(1)
        // 3 orders an hour, 8-hour shifts every day, nobody occasional, nobody leaving, no growth.
        let sector = Scenario.Sector(
            name: "delivery", ordersPerHour: p(3), shiftHours: p(8), shiftHoursSpread: 0, fullTimeDaysPerWeek: p(7),
            occasionalDaysPerYear: p(0), occasionalShare: p(0), claimsPerMillionOrders: p(claimsPerMillion),
            recognitionProbability: p(1), severity: severity, medicalCostMeanYuan: SeverityGroup.allCases.map { _ in p(5000) },
            medicalCostSigma: p(0), recoveryDays: SeverityGroup.allCases.map { _ in p(0) }, churnPerMonth: p(0),
            ordersGrowthPerYear: p(0))
        let region = Scenario.Province(
            name: "region", averageMonthlyWageYuan: p(9000), riskMultiplier: p(1), workers: [workers], platformShares: [:],
            initialBalanceYuan: 0)
        let platform = Scenario.Platform(name: "platform", sector: 0, ratePerOrderYuan: p(ratePerOrderYuan), shareOfSector: 1, riskMultiplier: p(1))
        return Scenario(
            name: "tiny", description: "", startMonth: start, months: months, seed: 777, replications: 1, sampleFraction: 1,
            uncertainty: false, shardSize: 65536, pooling: .province, sectors: [sector], provinces: [region], platforms: [platform],
            risk: Scenario.Risk(longShiftHours: 24, extraRiskPerLongHour: p(0), newWorkerDays: 0, newWorkerMultiplier: p(1)),
            // No growth, no delay, no lags, no dependants, nothing paid by the platforms.
            benefits: Scenario.Benefits(
                wageGrowthPerYear: p(0), urbanIncomeByYear: [2023: 51821], urbanIncomeGrowthPerYear: p(0), reportingDelayDays: p(0),
                medicalInflationPerYear: p(0), medicalLagMonths: 0, appraisalLagMonths: 0, deathLagMonths: 0,
                careNeedProbability: [1, 1, 0.5, 0.2], careLevel: [0.5, 0.4, 0.3, 0.3], platformPays: [], suspensionWages: .none,
                childrenPerDeath: p(0), parentsPerDeath: p(0), spousePerDeath: p(0)),
            // An empty fund that borrows, charges no administration, earns nothing and discounts nothing.
            fund: Scenario.Fund(
                chargeAdminCost: false, adminCostShare: p(0), investmentReturnPerYear: p(0), liabilityDiscountRatePerYear: 0,
                shortfall: .borrow),
            // The rate float off (its other fields are the usual rule's).
            rateFloat: RateFloatRule(
                enabled: false, reviewMonth: 1, basis: .paid, windowMonths: 12, targetLossRatio: 0.8, lossRatioPerStep: 0.1,
                stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12),
            // Everyone covered from the first month.
            rollout: [Scenario.RolloutPhase(start: start, provinces: nil, sectors: nil, platforms: nil, rampMonths: 0, takeUp: 1)],
            shocks: [])
    }

    /// The tiny scenario with a second region, a copy of the first named "other" (a pool of
    /// its own under provincial pooling).
    package static func twoRegions() -> Scenario {
        var s = make(claimsPerMillion: 100)
        var second = s.provinces[0]
        second.name = "other"
        s.provinces.append(second)
        return s
    }

    /// A shock with every multiplier neutral, active from `start` for `months` months.
    package static func shock(_ name: String, start: YearMonth?, months: Int, provinces: [Int]? = nil) -> Scenario.Shock {
        Scenario.Shock(
            name: name, start: start, probabilityPerYear: 0, months: months, provinces: provinces, sectors: nil,
            platforms: nil, orders: .fixed(1), claimFrequency: .fixed(1), severity: .fixed(1), medicalCost: .fixed(1),
            platformPayment: .fixed(1), investmentReturn: .fixed(1))
    }
}
