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
        package var ordersSaturation: Double = 1
        package var workersGrowthPerYear: Double = 0
        package var workersSaturation: Double = 1
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
    /// The basis's wage growth, and each province's (the basis's plus the province's premium).
    package var wageGrowthPerYear: Double
    package var provinceWageGrowthPerYear: [Double]
    package var pensionIncreasePerYear: Double
    package var mortalityImprovementPerYear: Double
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
    /// The rate liabilities, capital values, break-even costs and the IBNR are discounted at
    /// (``Scenario/Basis/discountRate(investmentReturn:)``).
    package var discountRatePerYear: Double
    public var shocks: [Shock]
    /// The tier rule's paid-ratio threshold (nil without a rule): drawn on its own stream.
    package var paidRatioThreshold: Double?

    /// Draws replication `replication` of `scenario`. A phase that starts `monthsIntoChain`
    /// months into a chain draws its random shocks' arrivals on the chain's months, from the
    /// chain's start, so a shock that arrived before the cut runs on into this phase.
    /// `drew`, when given, hears each declared input's stream path and the value drawn or taken.
    public init(scenario: Scenario, replication: Int, monthsIntoChain: Int = 0) {
        self.init(scenario: scenario, replication: replication, monthsIntoChain: monthsIntoChain, drew: nil)
    }

    /// Replication `replication`'s root stream at `seed`: every draw of the replication derives from it.
    package static func rootKey(seed: UInt64, replication: Int) -> StreamKey {
        StreamKey(seed: seed).child(UInt64(replication))
    }

    package init(scenario: Scenario, replication: Int, monthsIntoChain: Int = 0, drew: ((InputPath, Double) -> Void)?) {
        self.replication = replication
        // The replication's chance; a sensitivity study's design may take it from another world.
        let root = scenario.chanceRoot(replication: replication)
        self.key = root
        let uncertain = scenario.uncertainty
        /// The input at `path`, drawn on the stream the path names.
        func value(_ param: Param, _ path: InputPath) -> Double {
            let x = uncertain ? param.value(at: scenario.inputUniform(path.streamName, replication: replication)) : param.central
            drew?(path, x)
            return x
        }
        func value<Owner>(_ owner: Owner, _ scope: InputPath.Scope, _ key: String, in fields: [InputField<Owner>]) -> Double {
            value(owner[keyPath: Scenario.field(key, in: fields).single!], InputPath(scope, key))
        }
        /// A keyed field's members, in list order; list entries past the declared members (no
        /// member in the file) keep their fixed value.
        func values<Owner>(_ owner: Owner, _ scope: InputPath.Scope, _ key: String, in fields: [InputField<Owner>]) -> [Double] {
            let field = Scenario.field(key, in: fields)
            let list = owner[keyPath: field.keyed!], members = field.members
            return list.indices.map { $0 < members.count ? value(list[$0], InputPath(scope, key, member: members[$0])) : list[$0].central }
        }
        sectors = scenario.sectors.map { s in
            // A sector drawn as another reads that sector's streams.
            let scope = InputPath.Scope.sector(s.drawnAs ?? s.name)
            func v(_ key: String) -> Double { value(s, scope, key, in: Scenario.sectorInputs) }
            let weights = values(s, scope, "severity", in: Scenario.sectorInputs)
            let total = weights.reduce(0, +)
            return Sector(
                ordersPerHour: v("ordersPerHour"),
                shiftHours: v("shiftHours"),
                shiftHoursSpread: s.shiftHoursSpread,
                fullTimeDailyProbability: min(1, v("fullTimeDaysPerWeek") / 7),
                occasionalDailyProbability: min(1, v("occasionalDaysPerYear") / 365),
                occasionalShare: v("occasionalShare"),
                claimsPerOrder: v("claimsPerMillionOrders") / 1_000_000,
                recognitionProbability: v("recognitionProbability"),
                severity: weights.map { total > 0 ? $0 / total : 0 },
                medicalCostMeanYuan: values(s, scope, "medicalCostMeanYuan", in: Scenario.sectorInputs),
                medicalCostSigma: v("medicalCostSigma"),
                recoveryDays: values(s, scope, "recoveryDays", in: Scenario.sectorInputs),
                churnPerMonth: v("churnPerMonth"),
                ordersGrowthPerYear: v("ordersGrowthPerYear"),
                ordersSaturation: v("ordersSaturation"),
                workersGrowthPerYear: v("workersGrowthPerYear"),
                workersSaturation: v("workersSaturation"),
                multiPlatformShare: v("multiPlatformShare"))
        }
        provinceWageYuan = scenario.provinces.map { value($0, .province($0.name), "averageMonthlyWageYuan", in: Scenario.provinceInputs) }
        provinceRisk = scenario.provinces.map { value($0, .province($0.name), "riskMultiplier", in: Scenario.provinceInputs) }
        platformRateYuan = scenario.platforms.map { value($0, .platform($0.name), "ratePerOrderYuan", in: Scenario.platformInputs) }
        platformRisk = scenario.platforms.map { value($0, .platform($0.name), "riskMultiplier", in: Scenario.platformInputs) }
        extraRiskPerLongHour = value(scenario.risk, .risk, "extraRiskPerLongHour", in: Scenario.riskInputs)
        newWorkerMultiplier = value(scenario.risk, .risk, "newWorkerMultiplier", in: Scenario.riskInputs)
        let b = scenario.benefits
        let basis = scenario.basis
        wageGrowthPerYear = value(basis, .basis, "wageGrowthPerYear", in: Scenario.basisInputs)
        let wageGrowth = wageGrowthPerYear
        provinceWageGrowthPerYear = scenario.provinces.map {
            wageGrowth + value($0, .province($0.name), "wageGrowthPremiumPerYear", in: Scenario.provinceInputs)
        }
        urbanIncomeGrowthPerYear = value(b, .benefits, "urbanIncomeGrowthPerYear", in: Scenario.benefitInputs)
        reportingDelayDays = value(b, .benefits, "reportingDelayDays", in: Scenario.benefitInputs)
        medicalInflationPerYear = value(basis, .basis, "medicalInflationPerYear", in: Scenario.basisInputs)
        pensionIncreasePerYear = value(basis, .basis, "pensionIncreasePerYear", in: Scenario.basisInputs)
        mortalityImprovementPerYear = value(basis, .basis, "mortalityImprovementPerYear", in: Scenario.basisInputs)
        careNeedProbability = b.careNeedProbability
        var lifeTable = b.lifeTable
        lifeTable.loading = value(b, .benefits, "mortalityLoading", in: Scenario.benefitInputs)
        let lifetime = ClaimRules.Lifetime(
            lifeTable: lifeTable, disabledMortality: b.disabledMortality, retirementAgeMen: b.retirementAgeMen,
            retirementAgeWomen: b.retirementAgeWomen,
            pensionYuanPerMonth: value(b, .benefits, "pensionAfterRetirementYuan", in: Scenario.benefitInputs),
            childSupportAge: b.childSupportAge, improvementPerYear: mortalityImprovementPerYear,
            yearsFromTableToStart: Double(scenario.startMonth.months(since: YearMonth(year: basis.mortalityTableYear, month: 1))) / 12)
        dependantsPerDeath = (
            value(b, .benefits, "childrenPerDeath", in: Scenario.benefitInputs), value(b, .benefits, "parentsPerDeath", in: Scenario.benefitInputs),
            value(b, .benefits, "spousePerDeath", in: Scenario.benefitInputs)
        )
        claimRules = ClaimRules(
            medicalLagMonths: b.medicalLagMonths, appraisalLagMonths: b.appraisalLagMonths,
            deathLagMonths: b.deathLagMonths, careLevel: b.careLevel, indexation: .uniform(0), platformPays: b.platformPays,
            suspensionWages: b.suspensionWages, lifetime: lifetime)
        claimRules.grade1to4Allowance = b.grade1to4Allowance
        claimRules.indexation = Self.indexation(basis: basis, wageGrowth: wageGrowthPerYear, pensionIncrease: pensionIncreasePerYear)
        // The share's own stream is read only when used; no other draw depends on it.
        adminCostShare = scenario.fund.chargeAdminCost ? value(scenario.fund, .fund, "adminCostShare", in: Scenario.fundInputs) : 0
        investmentReturnPerYear = value(basis, .basis, "investmentReturnPerYear", in: Scenario.basisInputs)
        discountRatePerYear = basis.discountRate(investmentReturn: investmentReturnPerYear)
        basisForRules = basis
        paidRatioThreshold = scenario.rateTiers.map { value($0, .rateTiers, "paidRatioThreshold", in: Scenario.rateTierInputs) }
        shocks = scenario.shocks.map { shock in
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
                active: active, orders: value(shock, .shock(shock.name), "orders", in: Scenario.shockInputs),
                claimFrequency: value(shock, .shock(shock.name), "claimFrequency", in: Scenario.shockInputs),
                severity: value(shock, .shock(shock.name), "severity", in: Scenario.shockInputs),
                medicalCost: value(shock, .shock(shock.name), "medicalCost", in: Scenario.shockInputs),
                platformPayment: value(shock, .shock(shock.name), "platformPayment", in: Scenario.shockInputs),
                investmentReturn: value(shock, .shock(shock.name), "investmentReturn", in: Scenario.shockInputs))
        }
    }

    /// The basis, for the claim rules of each province.
    private var basisForRules: Scenario.Basis

    /// The benefit wage base of a province in a calendar year, yuan per month: the scenario's
    /// wage is that of `startYear` (the chain's first year).
    package func wageBase(province: Int, year: Int, startYear: Int) -> Double {
        provinceWageYuan[province] * PortableMath.pow(1 + provinceWageGrowthPerYear[province], Double(year - startYear))
    }

    /// The indexation of benefits in payment for a wage growth: care at wage growth, the basic
    /// pension at the pension increase, allowances and dependants' pensions by the basis's rule.
    package static func indexation(basis: Scenario.Basis, wageGrowth: Double, pensionIncrease: Double) -> ClaimRules.Indexation {
        ClaimRules.Indexation(
            allowancesPerYear: basis.allowanceRate(wageGrowth: wageGrowth, pensionIncrease: pensionIncrease), carePerYear: wageGrowth,
            pensionPerYear: pensionIncrease, lagYears: basis.indexationLagYears)
    }

    /// The claim rules of a province's claims: its own wage growth indexes care (and allowances
    /// when they follow wages).
    package func claimRules(province: Int) -> ClaimRules {
        var rules = claimRules
        rules.indexation = Self.indexation(
            basis: basisForRules, wageGrowth: provinceWageGrowthPerYear[province], pensionIncrease: pensionIncreasePerYear)
        return rules
    }

    /// National urban per-capita disposable income of `year`: from the table, grown from its
    /// latest year when the table stops.
    package static func urbanIncome(year: Int, table: [Int: Double], growth: Double) -> Double {
        if let value = table[year] { return value }
        guard let last = table.keys.filter({ $0 < year }).max() ?? table.keys.min(), let base = table[last] else { return 0 }
        return base * PortableMath.pow(1 + growth, Double(year - last))
    }
}
