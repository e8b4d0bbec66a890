/// A complete scenario as the model sees it, after decoding and validation.
///
/// Names refer to each other by index (a platform's sector, a province's worker counts), so the
/// engine never looks anything up by string. Numbers that may be uncertain are ``Param``s;
/// ``ReplicationInputs`` holds one replication's draw of them.
public struct Scenario: Sendable {
    /// How provinces share a fund.
    package enum Pooling: String, Sendable, CaseIterable { case province, national }
    /// What a fund does when its cash cannot cover what falls due.
    package enum Shortfall: String, Sendable, CaseIterable { case borrow, `defer` }
    /// Who pays wages during time off work (Regulations Art. 33; none in the pilot by default).
    package enum SuspensionWagesPayer: String, Sendable, CaseIterable { case none, fund, platform }

    public var name: String
    package var description: String
    public var startMonth: YearMonth
    public var months: Int
    package var seed: UInt64
    package var replications: Int
    /// Share of the population simulated; counts and money are scaled back up by 1 / fraction.
    package var sampleFraction: Double
    /// When false every ``Param`` takes its central value: only process noise remains.
    public var uncertainty: Bool
    /// The language of the report page (`en` or `zh`) unless the command line's `--lang` says otherwise.
    package var reportLanguage = "en"
    /// Workers per shard actor (a performance knob; results do not depend on thread count).
    public var shardSize: Int
    package var pooling: Pooling
    package var sectors: [Sector]
    package var provinces: [Province]
    package var platforms: [Platform]
    package var risk: Risk
    public var benefits: Benefits
    package var fund: Fund
    /// The economic basis (returns, discounting, growth, indexation, mortality improvement);
    /// neutral unless set (a scenario file's defaults are the decoder's).
    package var basis: Basis = .neutral
    /// How the fund is judged (the financing method, its reserve target, the premium's periods).
    package var financing: Financing = .standard
    /// Display names in English and Chinese of the scenario and its names (``Labels``); the
    /// names themselves stay the keys of files and command lines.
    package var labels = Labels()
    package var rateFloat: RateFloatRule
    /// The two-tier assignment of per-order rates (`rateTiers`), applied in this phase; nil: none.
    package var rateTiers: RateTierRule?
    package var rollout: [RolloutPhase]
    public var shocks: [Shock]
    /// Published figures the run reports itself against (calibration checkpoints).
    package var published: [PublishedFigures] = []
    /// A pool with fewer simulated slots than this at `sampleFraction` is sampled at a higher
    /// fraction (up to 1), so small pools are not reduced to a few hundred workers. The default
    /// is a scenario file's (``defaultMinimumSampledWorkersPerPool``), so a scenario built in code
    /// samples as a file that leaves the field out.
    package var minimumSampledWorkersPerPool: Int = Scenario.defaultMinimumSampledWorkersPerPool
    /// `minimumSampledWorkersPerPool` when a scenario file does not set it.
    package static let defaultMinimumSampledWorkersPerPool = 5000
    /// The earlier phases this scenario continues (`"continues"`), earliest first, each as its
    /// own file says (its own `continues` resolved into this list). See ``phasesToRun``.
    package var earlierPhases: [Scenario] = []
    /// The name of the phase this one continues (for the manifest).
    package var continues: String?
    /// The decisive assumptions the verdict is also shown under (`"choices"`): each a setting as
    /// `--set` writes it and the scenario it makes (its own choices empty). `run` runs every
    /// choice's scenario with the same seed, so the worlds and their chance are the same and only
    /// the setting differs.
    package var choices: [Choice] = []
    /// The most choices a scenario may declare.
    package static let maximumChoices = 8

    /// One choice: its setting (`PATH=VALUE`) and the scenario with it.
    package struct Choice: Sendable {
        package var setting: String
        package var scenario: Scenario

        package init(setting: String, scenario: Scenario) {
            self.setting = setting
            self.scenario = scenario
        }
    }

    /// A variance-based sensitivity study's design (`injurysim sobol`): which replication's streams
    /// each replication draws its inputs and its chance from. Never read from a file; nil: every
    /// replication draws from its own streams.
    package var saltelli: SaltelliDesign?
    /// A round of conditioning's worlds (`injurysim condition`): each replication's uniform of
    /// every uncertain input, proposed from the earlier round. Never read from a file.
    package var proposed: ProposedInputs?

    /// One input given as a distribution: where it is in the scenario file, its shape, and the
    /// path of the stream it is drawn on when that is another sector's (``Sector/drawnAs``).
    package struct UncertainInput: Sendable, Equatable {
        package var path: String
        package var param: Param
        /// The stream's path when it is not `path` (a sector drawn as another), else nil.
        package var drawnAs: String?

        package init(path: String, param: Param, drawnAs: String? = nil) {
            self.path = path
            self.param = param
            self.drawnAs = drawnAs
        }
    }
    /// Parts of a valid scenario that cannot matter in this run (a shock or phase after the
    /// horizon), said to the user as warnings.
    package var warnings: [String] = []

    package init(
        name: String, description: String, startMonth: YearMonth, months: Int, seed: UInt64,
        replications: Int, sampleFraction: Double, uncertainty: Bool, shardSize: Int,
        pooling: Pooling, sectors: [Sector], provinces: [Province], platforms: [Platform],
        risk: Risk, benefits: Benefits, fund: Fund, rateFloat: RateFloatRule,
        rollout: [RolloutPhase], shocks: [Shock]
    ) {
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
    package struct Sector: Sendable {
        package var name: String
        package var ordersPerHour: Param
        package var shiftHours: Param
        /// Spread of a person's usual shift length around `shiftHours` (standard deviation, hours).
        package var shiftHoursSpread: Double
        package var fullTimeDaysPerWeek: Param
        package var occasionalDaysPerYear: Param
        package var occasionalShare: Param
        /// Reported claims per million orders at baseline risk.
        package var claimsPerMillionOrders: Param
        package var recognitionProbability: Param
        /// Weights of each ``Severity`` (indexed by raw value); normalised when drawn.
        package var severity: [Param]
        /// Mean medical cost in yuan per ``SeverityGroup`` (indexed by raw value).
        package var medicalCostMeanYuan: [Param]
        /// Log-scale standard deviation of medical costs (heavy tail).
        package var medicalCostSigma: Param
        /// Mean days off work per ``SeverityGroup``; groups that end work ignore it.
        package var recoveryDays: [Param]
        package var churnPerMonth: Param
        package var ordersGrowthPerYear: Param
        /// The ceiling of orders per hour as a multiple of the chain's starting level (1: none,
        /// orders grow by `ordersGrowthPerYear` for ever; ``GrowthPath``).
        package var ordersSaturation: Param = .fixed(1)
        /// Initial yearly growth of the sector's workers, and their ceiling as a multiple of the
        /// starting workers (``GrowthPath``; 1: the workers do not grow). Slots are allocated for
        /// the largest ceiling the input can draw; a slot holds a worker while its take-up
        /// position is below m(t) / that ceiling.
        package var workersGrowthPerYear: Param = .fixed(0)
        package var workersSaturation: Param = .fixed(1)
        /// Shares of new hires by age band (``ageBandEdges``), summing to 1.
        package var ageBands: [Double]
        /// Share of men among new hires.
        package var maleShare: Double
        /// Share of persons who also work for another platform (one person, two slots).
        package var multiPlatformShare: Param = .fixed(0)
        /// The sector whose random streams draw this one's uncertain inputs (`"drawnAs"`; nil: its
        /// own name). A sector that merges or renames an earlier phase's sector of a chain names
        /// it, so each replication keeps its inputs' quantiles across the cut.
        package var drawnAs: String? = nil

        /// Age bands at hire: 18–19, 20–29, 30–39, 40–49, 50–59 (uniform within a band).
        package static let ageBandEdges: [Double] = [18, 20, 30, 40, 50, 60]
        /// Delivery riders' profile (domain reference part 2, topic 1): 4/38/38/16/4%, mean ≈ 33.
        package static let deliveryAgeBands: [Double] = [0.04, 0.38, 0.38, 0.16, 0.04]

        package init(
            name: String, ordersPerHour: Param, shiftHours: Param, shiftHoursSpread: Double,
            fullTimeDaysPerWeek: Param, occasionalDaysPerYear: Param, occasionalShare: Param,
            claimsPerMillionOrders: Param, recognitionProbability: Param, severity: [Param],
            medicalCostMeanYuan: [Param], medicalCostSigma: Param, recoveryDays: [Param],
            churnPerMonth: Param, ordersGrowthPerYear: Param, ageBands: [Double] = Sector.deliveryAgeBands,
            maleShare: Double = 0.93, multiPlatformShare: Param = .fixed(0), drawnAs: String? = nil
        ) {
            self.drawnAs = drawnAs
            self.multiPlatformShare = multiPlatformShare
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
    package struct Province: Sendable {
        package var name: String
        /// Previous-year average monthly wage at the start year: the benefit wage base.
        package var averageMonthlyWageYuan: Param
        package var riskMultiplier: Param
        /// Workers by sector index.
        package var workers: [Int]
        /// Platform shares overriding the platforms' national shares: platform index → share.
        package var platformShares: [Int: Double]
        package var initialBalanceYuan: Double
        /// Wage growth above (or below) the basis's, a year: the province's wage base and the
        /// benefits indexed to wages grow by the sum.
        package var wageGrowthPremiumPerYear: Param = .fixed(0)
        /// The fund this region pays into under provincial pooling: a city names its province;
        /// nil means the region's own name.
        package var pool: String?

        /// The pool name under provincial pooling.
        package var poolName: String { pool ?? name }

        package init(
            name: String, averageMonthlyWageYuan: Param, riskMultiplier: Param, workers: [Int],
            platformShares: [Int: Double], initialBalanceYuan: Double
        ) {
            self.name = name
            self.averageMonthlyWageYuan = averageMonthlyWageYuan
            self.riskMultiplier = riskMultiplier
            self.workers = workers
            self.platformShares = platformShares
            self.initialBalanceYuan = initialBalanceYuan
        }
    }

    /// A platform: its sector, its per-order rate and its share of the sector's workers.
    package struct Platform: Sendable {
        package var name: String
        package var sector: Int
        package var ratePerOrderYuan: Param
        package var shareOfSector: Double
        package var riskMultiplier: Param

        package init(name: String, sector: Int, ratePerOrderYuan: Param, shareOfSector: Double, riskMultiplier: Param) {
            self.name = name
            self.sector = sector
            self.ratePerOrderYuan = ratePerOrderYuan
            self.shareOfSector = shareOfSector
            self.riskMultiplier = riskMultiplier
        }
    }

    /// Risk factors beyond the sector's base claim rate.
    package struct Risk: Sendable {
        /// Shift length above which fatigue adds risk.
        package var longShiftHours: Double
        /// Extra risk per hour above `longShiftHours` (0.1 = +10% per hour).
        package var extraRiskPerLongHour: Param
        /// Days after joining during which a worker counts as inexperienced.
        package var newWorkerDays: Int
        package var newWorkerMultiplier: Param

        package init(longShiftHours: Double, extraRiskPerLongHour: Param, newWorkerDays: Int, newWorkerMultiplier: Param) {
            self.longShiftHours = longShiftHours
            self.extraRiskPerLongHour = extraRiskPerLongHour
            self.newWorkerDays = newWorkerDays
            self.newWorkerMultiplier = newWorkerMultiplier
        }
    }

    /// The funds' money rules.
    package struct Fund: Sendable {
        /// Whether the fund pays administration: agency costs are budget-funded (Social Insurance
        /// Law, Art. 72), so by default it does not, and `adminCostShare` is not used.
        package var chargeAdminCost: Bool
        /// Administration as a share of contributions, deducted only when `chargeAdminCost`.
        package var adminCostShare: Param
        package var shortfall: Shortfall

        package init(chargeAdminCost: Bool, adminCostShare: Param, shortfall: Shortfall) {
            self.chargeAdminCost = chargeAdminCost
            self.adminCostShare = adminCostShare
            self.shortfall = shortfall
        }
    }

    /// A rollout phase: from `start`, these provinces × sectors × platforms are covered, ramping
    /// up to `takeUp` over `rampMonths`.
    package struct RolloutPhase: Sendable {
        package var start: YearMonth
        /// Province indices, or nil for all.
        package var provinces: [Int]?
        package var sectors: [Int]?
        package var platforms: [Int]?
        package var rampMonths: Int
        package var takeUp: Double

        package init(start: YearMonth, provinces: [Int]?, sectors: [Int]?, platforms: [Int]?, rampMonths: Int, takeUp: Double) {
            self.start = start
            self.provinces = provinces
            self.sectors = sectors
            self.platforms = platforms
            self.rampMonths = rampMonths
            self.takeUp = takeUp
        }

        /// True when the phase covers this province and platform.
        package func matches(province: Int, platform: Int, sector: Int) -> Bool {
            (provinces?.contains(province) ?? true) && (sectors?.contains(sector) ?? true)
                && (platforms?.contains(platform) ?? true)
        }

        /// The share covered `monthIndex` months after the scenario start.
        package func share(at month: YearMonth) -> Double {
            let elapsed = month.months(since: start)
            if elapsed < 0 { return 0 }
            if rampMonths <= 0 { return takeUp }
            return takeUp * min(1, Double(elapsed + 1) / Double(rampMonths))
        }
    }

    /// A shock: multipliers over a window of months, on a fixed date or arriving at random.
    public struct Shock: Sendable {
        package var name: String
        /// Fixed start, or nil when the shock arrives at random.
        public var start: YearMonth?
        /// Chance per year that the shock starts (random shocks only).
        package var probabilityPerYear: Double
        package var months: Int
        package var provinces: [Int]?
        package var sectors: [Int]?
        package var platforms: [Int]?
        package var orders: Param
        package var claimFrequency: Param
        /// Multiplier on the weights of every severity above medical-only.
        package var severity: Param
        package var medicalCost: Param
        /// Share of contributions the affected platforms actually pay (0 = default).
        package var platformPayment: Param
        package var investmentReturn: Param

        package init(
            name: String, start: YearMonth?, probabilityPerYear: Double, months: Int, provinces: [Int]?,
            sectors: [Int]?, platforms: [Int]?, orders: Param, claimFrequency: Param, severity: Param,
            medicalCost: Param, platformPayment: Param, investmentReturn: Param
        ) {
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
        package func matches(province: Int, platform: Int, sector: Int) -> Bool {
            (provinces?.contains(province) ?? true) && (sectors?.contains(sector) ?? true)
                && (platforms?.contains(platform) ?? true)
        }
    }

    /// Figures published for the real scheme at a month, to compare the simulation with.
    package struct PublishedFigures: Sendable {
        package var month: YearMonth
        /// Persons insured since the start (cumulative).
        package var insuredPersons: Double?
        /// Recognised occupational injuries since the start.
        package var recognisedInjuries: Double?
        /// Benefits paid since the start, yuan.
        package var benefitsPaidYuan: Double?
        /// Contributions paid since the start, yuan (a platform's or sector's figure).
        package var contributionsYuan: Double?
        /// The figures are one platform's (index) or one sector's; neither: the whole scheme's.
        package var platform: Int?
        package var sector: Int?
        package var source: String
        /// How each figure was observed, by figure name (`recognisedInjuries`, …): the figures a
        /// run conditions its verdict on (``Observation``). A figure without one is compared
        /// only, out of sample.
        package var observations: [String: Observation] = [:]

        package init(month: YearMonth, insuredPersons: Double?, recognisedInjuries: Double?, benefitsPaidYuan: Double?, source: String) {
            self.month = month
            self.insuredPersons = insuredPersons
            self.recognisedInjuries = recognisedInjuries
            self.benefitsPaidYuan = benefitsPaidYuan
            self.source = source
        }
    }

    /// The pools' names, in index order: "national", or each region's pool name (its own name
    /// unless it names another, as cities do that share their province's fund) in first-seen order.
    package var poolNames: [String] {
        if pooling == .national { return ["national"] }
        var names: [String] = []
        for province in provinces where !names.contains(province.poolName) { names.append(province.poolName) }
        return names
    }

    /// The number of fund pools.
    package var poolCount: Int { poolNames.count }

    /// The pool of every region, by region index (compute once; it scans the regions).
    package var poolOfProvince: [Int] {
        let names = poolNames
        return provinces.map { pooling == .national ? 0 : names.firstIndex(of: $0.poolName) ?? 0 }
    }

    /// The sample fraction of every pool: `sampleFraction`, raised for small pools so that each
    /// simulates at least `minimumSampledWorkersPerPool` slots (or all of them).
    package var poolSampleFractions: [Double] {
        let pools = poolOfProvince
        var workers = [Double](repeating: 0, count: poolCount)
        for (index, province) in provinces.enumerated() { workers[pools[index]] += Double(province.workers.reduce(0, +)) }
        return workers.map { total in
            total <= 0 ? sampleFraction : min(1, max(sampleFraction, Double(minimumSampledWorkersPerPool) / total))
        }
    }

    /// The pool that serves a region.
    package func pool(ofProvince province: Int) -> Int { poolOfProvince[province] }
}
