/// A complete scenario as the model sees it, after decoding and validation.
///
/// Names refer to each other by index (a platform's sector, a province's worker counts), so the
/// engine never looks anything up by string. Numbers that may be uncertain are ``Param``s;
/// ``ReplicationInputs`` holds one replication's draw of them.
public struct Scenario: Sendable {
    /// How provinces share a fund.
    public enum Pooling: String, Sendable, CaseIterable { case province, national }
    /// What a fund does when its cash cannot cover what falls due.
    public enum Shortfall: String, Sendable, CaseIterable { case borrow, `defer` }
    /// Who pays wages during time off work (Regulations Art. 33; none in the pilot by default).
    public enum SuspensionWagesPayer: String, Sendable, CaseIterable { case none, fund, platform }

    public var name: String
    public var description: String
    public var startMonth: YearMonth
    public var months: Int
    public var seed: UInt64
    public var replications: Int
    /// Share of the population simulated; counts and money are scaled back up by 1 / fraction.
    public var sampleFraction: Double
    /// When false every ``Param`` takes its central value: only process noise remains.
    public var uncertainty: Bool
    /// The language of the report page (`en` or `zh`) unless the command line's `--lang` says otherwise.
    public var reportLanguage = "en"
    /// Workers per shard actor (a performance knob; results do not depend on thread count).
    public var shardSize: Int
    public var pooling: Pooling
    public var sectors: [Sector]
    public var provinces: [Province]
    public var platforms: [Platform]
    public var risk: Risk
    public var benefits: Benefits
    public var fund: Fund
    public var rateFloat: RateFloatRule
    public var rollout: [RolloutPhase]
    public var shocks: [Shock]
    /// Published figures the run reports itself against (calibration checkpoints).
    public var published: [PublishedFigures] = []
    /// A pool with fewer simulated slots than this at `sampleFraction` is sampled at a higher
    /// fraction (up to 1), so small pools are not reduced to a few hundred workers.
    public var minimumSampledWorkersPerPool: Int = 0
    /// Parts of a valid scenario that cannot matter in this run (a shock or phase after the
    /// horizon), said to the user as warnings.
    public var warnings: [String] = []

    public init(name: String, description: String, startMonth: YearMonth, months: Int, seed: UInt64,
                replications: Int, sampleFraction: Double, uncertainty: Bool, shardSize: Int,
                pooling: Pooling, sectors: [Sector], provinces: [Province], platforms: [Platform],
                risk: Risk, benefits: Benefits, fund: Fund, rateFloat: RateFloatRule,
                rollout: [RolloutPhase], shocks: [Shock]) {
        self.name = name
        self.description = description
        self.startMonth = startMonth
        self.months = months
        self.seed = seed
        self.replications = replications
        self.sampleFraction = sampleFraction
        self.uncertainty = uncertainty
        self.shardSize = shardSize
        self.pooling = pooling
        self.sectors = sectors
        self.provinces = provinces
        self.platforms = platforms
        self.risk = risk
        self.benefits = benefits
        self.fund = fund
        self.rateFloat = rateFloat
        self.rollout = rollout
        self.shocks = shocks
    }

    /// A sector: how its workers work and how often and how badly they are hurt.
    public struct Sector: Sendable {
        public var name: String
        public var ordersPerHour: Param
        public var shiftHours: Param
        /// Spread of a person's usual shift length around `shiftHours` (standard deviation, hours).
        public var shiftHoursSpread: Double
        public var fullTimeDaysPerWeek: Param
        public var occasionalDaysPerYear: Param
        public var occasionalShare: Param
        /// Reported claims per million orders at baseline risk.
        public var claimsPerMillionOrders: Param
        public var recognitionProbability: Param
        /// Weights of each ``Severity`` (indexed by raw value); normalised when drawn.
        public var severity: [Param]
        /// Mean medical cost in yuan per ``SeverityGroup`` (indexed by raw value).
        public var medicalCostMeanYuan: [Param]
        /// Log-scale standard deviation of medical costs (heavy tail).
        public var medicalCostSigma: Param
        /// Mean days off work per ``SeverityGroup``; groups that end work ignore it.
        public var recoveryDays: [Param]
        public var churnPerMonth: Param
        public var ordersGrowthPerYear: Param
        /// Shares of new hires by age band (``ageBandEdges``), summing to 1.
        public var ageBands: [Double]
        /// Share of men among new hires.
        public var maleShare: Double

        /// Age bands at hire: 18–19, 20–29, 30–39, 40–49, 50–59 (uniform within a band).
        public static let ageBandEdges: [Double] = [18, 20, 30, 40, 50, 60]
        /// Delivery riders' profile (domain reference part 2, topic 1): 4/38/38/16/4%, mean ≈ 33.
        public static let deliveryAgeBands: [Double] = [0.04, 0.38, 0.38, 0.16, 0.04]

        public init(name: String, ordersPerHour: Param, shiftHours: Param, shiftHoursSpread: Double,
                    fullTimeDaysPerWeek: Param, occasionalDaysPerYear: Param, occasionalShare: Param,
                    claimsPerMillionOrders: Param, recognitionProbability: Param, severity: [Param],
                    medicalCostMeanYuan: [Param], medicalCostSigma: Param, recoveryDays: [Param],
                    churnPerMonth: Param, ordersGrowthPerYear: Param, ageBands: [Double] = Sector.deliveryAgeBands,
                    maleShare: Double = 0.93) {
            self.ageBands = ageBands
            self.maleShare = maleShare
            self.name = name
            self.ordersPerHour = ordersPerHour
            self.shiftHours = shiftHours
            self.shiftHoursSpread = shiftHoursSpread
            self.fullTimeDaysPerWeek = fullTimeDaysPerWeek
            self.occasionalDaysPerYear = occasionalDaysPerYear
            self.occasionalShare = occasionalShare
            self.claimsPerMillionOrders = claimsPerMillionOrders
            self.recognitionProbability = recognitionProbability
            self.severity = severity
            self.medicalCostMeanYuan = medicalCostMeanYuan
            self.medicalCostSigma = medicalCostSigma
            self.recoveryDays = recoveryDays
            self.churnPerMonth = churnPerMonth
            self.ordersGrowthPerYear = ordersGrowthPerYear
        }
    }

    /// A province (or city): its wage base, risk, and workers.
    public struct Province: Sendable {
        public var name: String
        /// Previous-year average monthly wage at the start year: the benefit wage base.
        public var averageMonthlyWageYuan: Param
        public var riskMultiplier: Param
        /// Workers by sector index.
        public var workers: [Int]
        /// Platform shares overriding the platforms' national shares: platform index → share.
        public var platformShares: [Int: Double]
        public var initialBalanceYuan: Double
        /// The fund this region pays into under provincial pooling: a city names its province;
        /// nil means the region's own name.
        public var pool: String?

        /// The pool name under provincial pooling.
        public var poolName: String { pool ?? name }

        public init(name: String, averageMonthlyWageYuan: Param, riskMultiplier: Param, workers: [Int],
                    platformShares: [Int: Double], initialBalanceYuan: Double) {
            self.name = name
            self.averageMonthlyWageYuan = averageMonthlyWageYuan
            self.riskMultiplier = riskMultiplier
            self.workers = workers
            self.platformShares = platformShares
            self.initialBalanceYuan = initialBalanceYuan
        }
    }

    /// A platform: its sector, its per-order rate and its share of the sector's workers.
    public struct Platform: Sendable {
        public var name: String
        public var sector: Int
        public var ratePerOrderYuan: Param
        public var shareOfSector: Double
        public var riskMultiplier: Param

        public init(name: String, sector: Int, ratePerOrderYuan: Param, shareOfSector: Double, riskMultiplier: Param) {
            self.name = name
            self.sector = sector
            self.ratePerOrderYuan = ratePerOrderYuan
            self.shareOfSector = shareOfSector
            self.riskMultiplier = riskMultiplier
        }
    }

    /// Risk factors beyond the sector's base claim rate.
    public struct Risk: Sendable {
        /// Shift length above which fatigue adds risk.
        public var longShiftHours: Double
        /// Extra risk per hour above `longShiftHours` (0.1 = +10% per hour).
        public var extraRiskPerLongHour: Param
        /// Days after joining during which a worker counts as inexperienced.
        public var newWorkerDays: Int
        public var newWorkerMultiplier: Param

        public init(longShiftHours: Double, extraRiskPerLongHour: Param, newWorkerDays: Int, newWorkerMultiplier: Param) {
            self.longShiftHours = longShiftHours
            self.extraRiskPerLongHour = extraRiskPerLongHour
            self.newWorkerDays = newWorkerDays
            self.newWorkerMultiplier = newWorkerMultiplier
        }
    }


    /// The funds' money rules.
    public struct Fund: Sendable {
        /// Whether the fund pays administration: agency costs are budget-funded (Social Insurance
        /// Law, Art. 72), so by default it does not, and `adminCostShare` is not used.
        public var chargeAdminCost: Bool
        /// Administration as a share of contributions, deducted only when `chargeAdminCost`.
        public var adminCostShare: Param
        public var investmentReturnPerYear: Param
        public var liabilityDiscountRatePerYear: Double
        public var shortfall: Shortfall

        public init(chargeAdminCost: Bool, adminCostShare: Param, investmentReturnPerYear: Param,
                    liabilityDiscountRatePerYear: Double, shortfall: Shortfall) {
            self.chargeAdminCost = chargeAdminCost
            self.adminCostShare = adminCostShare
            self.investmentReturnPerYear = investmentReturnPerYear
            self.liabilityDiscountRatePerYear = liabilityDiscountRatePerYear
            self.shortfall = shortfall
        }
    }

    /// A rollout phase: from `start`, these provinces × sectors × platforms are covered, ramping
    /// up to `takeUp` over `rampMonths`.
    public struct RolloutPhase: Sendable {
        public var start: YearMonth
        /// Province indices, or nil for all.
        public var provinces: [Int]?
        public var sectors: [Int]?
        public var platforms: [Int]?
        public var rampMonths: Int
        public var takeUp: Double

        public init(start: YearMonth, provinces: [Int]?, sectors: [Int]?, platforms: [Int]?, rampMonths: Int, takeUp: Double) {
            self.start = start
            self.provinces = provinces
            self.sectors = sectors
            self.platforms = platforms
            self.rampMonths = rampMonths
            self.takeUp = takeUp
        }

        /// True when the phase covers this province and platform.
        public func matches(province: Int, platform: Int, sector: Int) -> Bool {
            (provinces?.contains(province) ?? true) && (sectors?.contains(sector) ?? true)
                && (platforms?.contains(platform) ?? true)
        }

        /// The share covered `monthIndex` months after the scenario start.
        public func share(at month: YearMonth) -> Double {
            let elapsed = month.months(since: start)
            if elapsed < 0 { return 0 }
            if rampMonths <= 0 { return takeUp }
            return takeUp * min(1, Double(elapsed + 1) / Double(rampMonths))
        }
    }

    /// A shock: multipliers over a window of months, on a fixed date or arriving at random.
    public struct Shock: Sendable {
        public var name: String
        /// Fixed start, or nil when the shock arrives at random.
        public var start: YearMonth?
        /// Chance per year that the shock starts (random shocks only).
        public var probabilityPerYear: Double
        public var months: Int
        public var provinces: [Int]?
        public var sectors: [Int]?
        public var platforms: [Int]?
        public var orders: Param
        public var claimFrequency: Param
        /// Multiplier on the weights of every severity above medical-only.
        public var severity: Param
        public var medicalCost: Param
        /// Share of contributions the affected platforms actually pay (0 = default).
        public var platformPayment: Param
        public var investmentReturn: Param

        public init(name: String, start: YearMonth?, probabilityPerYear: Double, months: Int, provinces: [Int]?,
                    sectors: [Int]?, platforms: [Int]?, orders: Param, claimFrequency: Param, severity: Param,
                    medicalCost: Param, platformPayment: Param, investmentReturn: Param) {
            self.name = name
            self.start = start
            self.probabilityPerYear = probabilityPerYear
            self.months = months
            self.provinces = provinces
            self.sectors = sectors
            self.platforms = platforms
            self.orders = orders
            self.claimFrequency = claimFrequency
            self.severity = severity
            self.medicalCost = medicalCost
            self.platformPayment = platformPayment
            self.investmentReturn = investmentReturn
        }

        /// True when the shock touches this province and platform.
        public func matches(province: Int, platform: Int, sector: Int) -> Bool {
            (provinces?.contains(province) ?? true) && (sectors?.contains(sector) ?? true)
                && (platforms?.contains(platform) ?? true)
        }
    }

    /// Figures published for the real scheme at a month, to compare the simulation with.
    public struct PublishedFigures: Sendable {
        public var month: YearMonth
        /// Persons insured since the start (cumulative).
        public var insuredPersons: Double?
        /// Recognised occupational injuries since the start.
        public var recognisedInjuries: Double?
        /// Benefits paid since the start, yuan.
        public var benefitsPaidYuan: Double?
        public var source: String

        public init(month: YearMonth, insuredPersons: Double?, recognisedInjuries: Double?, benefitsPaidYuan: Double?, source: String) {
            self.month = month
            self.insuredPersons = insuredPersons
            self.recognisedInjuries = recognisedInjuries
            self.benefitsPaidYuan = benefitsPaidYuan
            self.source = source
        }
    }

    /// The pools' names, in index order: "national", or each region's pool name (its own name
    /// unless it names another, as cities do that share their province's fund) in first-seen order.
    public var poolNames: [String] {
        if pooling == .national { return ["national"] }
        var names: [String] = []
        for province in provinces where !names.contains(province.poolName) { names.append(province.poolName) }
        return names
    }

    /// The number of fund pools.
    public var poolCount: Int { poolNames.count }

    /// The pool of every region, by region index (compute once; it scans the regions).
    public var poolOfProvince: [Int] {
        let names = poolNames
        return provinces.map { pooling == .national ? 0 : names.firstIndex(of: $0.poolName) ?? 0 }
    }

    /// The sample fraction of every pool: `sampleFraction`, raised for small pools so that each
    /// simulates at least `minimumSampledWorkersPerPool` slots (or all of them).
    public var poolSampleFractions: [Double] {
        let pools = poolOfProvince
        var workers = [Double](repeating: 0, count: poolCount)
        for (index, province) in provinces.enumerated() { workers[pools[index]] += Double(province.workers.reduce(0, +)) }
        return workers.map { total in
            total <= 0 ? sampleFraction : min(1, max(sampleFraction, Double(minimumSampledWorkersPerPool) / total))
        }
    }

    /// The pool that serves a region.
    public func pool(ofProvince province: Int) -> Int { poolOfProvince[province] }
}
