import Foundation

/// One replication's draw of every uncertain input: one plausible world.
///
/// Each input is drawn from its own stream keyed by (seed, replication, field path), so adding an
/// uncertain input does not shift the draws of the others, and replication r of two scenarios
/// sees the same world wherever their inputs agree (common random numbers).
public struct ReplicationInputs: Sendable {
    package struct Sector: Sendable {
        package var ordersPerHour: Double
        package var shiftHours: Double
        package var shiftHoursSpread: Double
        package var fullTimeDailyProbability: Double
        package var occasionalDailyProbability: Double
        package var occasionalShare: Double
        package var claimsPerOrder: Double
        package var recognitionProbability: Double
        /// Normalised severity probabilities, by ``Severity`` raw value.
        package var severity: [Double]
        package var medicalCostMeanYuan: [Double]
        package var medicalCostSigma: Double
        package var recoveryDays: [Double]
        package var churnPerMonth: Double
        package var ordersGrowthPerYear: Double
        package var multiPlatformShare: Double
    }

    public struct Shock: Sendable {
        /// Active flag per month index.
        package var active: [Bool]
        package var orders: Double
        package var claimFrequency: Double
        package var severity: Double
        package var medicalCost: Double
        package var platformPayment: Double
        package var investmentReturn: Double
    }

    package var replication: Int
    /// The replication's root stream: shards, workers and claims derive their streams from it.
    package var key: StreamKey
    package var sectors: [Sector]
    package var provinceWageYuan: [Double]
    package var provinceRisk: [Double]
    package var platformRateYuan: [Double]
    package var platformRisk: [Double]
    package var extraRiskPerLongHour: Double
    package var newWorkerMultiplier: Double
    package var wageGrowthPerYear: Double
    package var urbanIncomeGrowthPerYear: Double
    package var reportingDelayDays: Double
    package var medicalInflationPerYear: Double
    package var claimRules: ClaimRules
    package var careNeedProbability: [Double]
    /// Expected qualifying dependants per death: children, parents, spouse.
    package var dependantsPerDeath: (children: Double, parents: Double, spouse: Double)
    /// The share of contributions the fund spends on administration: 0 unless the scenario
    /// charges the fund for it (`fund.chargeAdminCost`).
    package var adminCostShare: Double
    package var investmentReturnPerYear: Double
    public var shocks: [Shock]

    /// Draws replication `replication` of `scenario`. A phase that starts `monthsIntoChain`
    /// months into a chain draws its random shocks' arrivals on the chain's months, from the
    /// chain's start, so a shock that arrived before the cut runs on into this phase.
    public init(scenario: Scenario, replication: Int, monthsIntoChain: Int = 0) {
        self.replication = replication
        let root = StreamKey(seed: scenario.seed).child(UInt64(replication))
        self.key = root
        let uncertain = scenario.uncertainty
        func value(_ param: Param, _ path: String) -> Double {
            uncertain ? param.draw(root.child(named: "input/" + path)) : param.central
        }
        sectors = scenario.sectors.map { s in
            let p = "sectors." + (s.drawnAs ?? s.name) + "."
            let weights = Severity.allCases.map { value(s.severity[$0.rawValue], p + "severity." + $0.key) }
            let total = weights.reduce(0, +)
            return Sector(
                ordersPerHour: value(s.ordersPerHour, p + "ordersPerHour"),
                shiftHours: value(s.shiftHours, p + "shiftHours"),
                shiftHoursSpread: s.shiftHoursSpread,
                fullTimeDailyProbability: min(1, value(s.fullTimeDaysPerWeek, p + "fullTimeDaysPerWeek") / 7),
                occasionalDailyProbability: min(1, value(s.occasionalDaysPerYear, p + "occasionalDaysPerYear") / 365),
                occasionalShare: value(s.occasionalShare, p + "occasionalShare"),
                claimsPerOrder: value(s.claimsPerMillionOrders, p + "claimsPerMillionOrders") / 1_000_000,
                recognitionProbability: value(s.recognitionProbability, p + "recognitionProbability"),
                severity: weights.map { total > 0 ? $0 / total : 0 },
                medicalCostMeanYuan: SeverityGroup.allCases.map { value(s.medicalCostMeanYuan[$0.rawValue], p + "medicalCostMeanYuan." + $0.key) },
                medicalCostSigma: value(s.medicalCostSigma, p + "medicalCostSigma"),
                recoveryDays: SeverityGroup.allCases.map { value(s.recoveryDays[$0.rawValue], p + "recoveryDays." + $0.key) },
                churnPerMonth: value(s.churnPerMonth, p + "churnPerMonth"),
                ordersGrowthPerYear: value(s.ordersGrowthPerYear, p + "ordersGrowthPerYear"),
                multiPlatformShare: value(s.multiPlatformShare, p + "multiPlatformShare"))
        }
        provinceWageYuan = scenario.provinces.map { value($0.averageMonthlyWageYuan, "provinces." + $0.name + ".averageMonthlyWageYuan") }
        provinceRisk = scenario.provinces.map { value($0.riskMultiplier, "provinces." + $0.name + ".riskMultiplier") }
        platformRateYuan = scenario.platforms.map { value($0.ratePerOrderYuan, "platforms." + $0.name + ".ratePerOrderYuan") }
        platformRisk = scenario.platforms.map { value($0.riskMultiplier, "platforms." + $0.name + ".riskMultiplier") }
        extraRiskPerLongHour = value(scenario.risk.extraRiskPerLongHour, "risk.extraRiskPerLongHour")
        newWorkerMultiplier = value(scenario.risk.newWorkerMultiplier, "risk.newWorkerMultiplier")
        let b = scenario.benefits
        wageGrowthPerYear = value(b.wageGrowthPerYear, "benefits.wageGrowthPerYear")
        urbanIncomeGrowthPerYear = value(b.urbanIncomeGrowthPerYear, "benefits.urbanIncomeGrowthPerYear")
        reportingDelayDays = value(b.reportingDelayDays, "benefits.reportingDelayDays")
        medicalInflationPerYear = value(b.medicalInflationPerYear, "benefits.medicalInflationPerYear")
        careNeedProbability = b.careNeedProbability
        var lifeTable = b.lifeTable
        lifeTable.loading = value(b.mortalityLoading, "benefits.mortalityLoading")
        let lifetime = ClaimRules.Lifetime(
            lifeTable: lifeTable, disabledMortality: b.disabledMortality, retirementAgeMen: b.retirementAgeMen,
            retirementAgeWomen: b.retirementAgeWomen,
            pensionYuanPerMonth: value(b.pensionAfterRetirementYuan, "benefits.pensionAfterRetirementYuan"),
            childSupportAge: b.childSupportAge)
        dependantsPerDeath = (
            value(b.childrenPerDeath, "benefits.childrenPerDeath"), value(b.parentsPerDeath, "benefits.parentsPerDeath"),
            value(b.spousePerDeath, "benefits.spousePerDeath")
        )
        claimRules = ClaimRules(
            medicalLagMonths: b.medicalLagMonths, appraisalLagMonths: b.appraisalLagMonths,
            deathLagMonths: b.deathLagMonths, careLevel: b.careLevel, indexationPerYear: 0, platformPays: b.platformPays,
            suspensionWages: b.suspensionWages, lifetime: lifetime)
        claimRules.indexationPerYear = wageGrowthPerYear
        // The share's own stream is read only when used; no other draw depends on it.
        adminCostShare = scenario.fund.chargeAdminCost ? value(scenario.fund.adminCostShare, "fund.adminCostShare") : 0
        investmentReturnPerYear = value(scenario.fund.investmentReturnPerYear, "fund.investmentReturnPerYear")
        shocks = scenario.shocks.map { shock in
            let p = "shocks." + shock.name + "."
            var active = [Bool](repeating: false, count: scenario.months)
            if let start = shock.start {
                let first = start.months(since: scenario.startMonth)
                // A shock outside the horizon (a warning at validation) marks no month.
                let from = max(0, first), to = min(scenario.months, first + shock.months)
                if from < to { for m in from..<to { active[m] = true } }
            } else if shock.probabilityPerYear > 0 {
                // A random shock starts in any month with probability p/12, drawn per replication.
                let arrivals = root.child(named: "shock-arrivals/" + shock.name)
                let monthly = shock.probabilityPerYear / 12
                let offset = max(0, monthsIntoChain)
                for m in 0..<(offset + scenario.months) where arrivals.uniform(UInt64(m)) < monthly {
                    for k in max(m, offset)..<max(offset, min(offset + scenario.months, m + shock.months)) { active[k - offset] = true }
                }
            }
            return Shock(
                active: active, orders: value(shock.orders, p + "orders"),
                claimFrequency: value(shock.claimFrequency, p + "claimFrequency"),
                severity: value(shock.severity, p + "severity"),
                medicalCost: value(shock.medicalCost, p + "medicalCost"),
                platformPayment: value(shock.platformPayment, p + "platformPayment"),
                investmentReturn: value(shock.investmentReturn, p + "investmentReturn"))
        }
    }

    /// The benefit wage base of a province in a calendar year, yuan per month: the scenario's
    /// wage is that of `startYear` (the chain's first year).
    package func wageBase(province: Int, year: Int, startYear: Int) -> Double {
        provinceWageYuan[province] * PortableMath.pow(1 + wageGrowthPerYear, Double(year - startYear))
    }

    /// National urban per-capita disposable income of `year`: from the table, grown from its
    /// latest year when the table stops.
    package static func urbanIncome(year: Int, table: [Int: Double], growth: Double) -> Double {
        if let value = table[year] { return value }
        guard let last = table.keys.filter({ $0 < year }).max() ?? table.keys.min(), let base = table[last] else { return 0 }
        return base * PortableMath.pow(1 + growth, Double(year - last))
    }
}
