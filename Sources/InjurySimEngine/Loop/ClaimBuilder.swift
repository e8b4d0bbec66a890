import InjurySimCore

/// The claim an accident becomes: reporting delay, recognition, medical cost, care need, the
/// injured person's age and dependants, and the payment schedule — every draw from the injured
/// person's own stream, so a claim does not depend on which shard or thread saw the accident.
package struct ClaimBuilder: Sendable {
    /// What the coordinator needs of a claim.
    package struct Built: Sendable {
        package var recognised: Bool
        /// Month index in which the fund learns of the claim (may lie beyond the horizon).
        package var reportMonth: Int
        /// Empty when the claim is not recognised.
        package var schedule: ClaimSchedule
    }

    package let scenario: Scenario
    package let inputs: ReplicationInputs
    /// The phase's place in its chain: report months are found on the chain's calendar,
    /// inflation and the wage base count from the chain's start.
    package let clock: ChainClock
    /// The age bands of persons hired in earlier phases of the chain.
    private let hiredEarlier: HiredEarlier
    private let shocks: ShockMultipliers
    /// The replication's benefit rules with their tables, shared by its claims.
    /// The scheduler of each province's claims (one shared where their rules agree).
    private let schedulers: [ClaimScheduler]
    /// What a claim reads of its platform's sector, by platform index (read once here rather
    /// than copying the sector's inputs per claim).
    private let perPlatform: [PlatformConstants]
    /// What a claim reads of its accident month, by month index within the horizon (the same
    /// calls a claim made, once a month instead of once a claim).
    private let perMonth: [MonthConstants]
    /// The two inputs a claim reads directly, held here so a claim does not copy the inputs.
    private let reportingDelayDays: Double
    private let careNeedProbability: [Double]

    private struct PlatformConstants {
        var recognitionProbability: Double
        /// The sector's mean medical cost by ``SeverityGroup``, yuan.
        var medicalCostMeanYuan: [Double]
        var medicalCostSigma: Double
        /// exp(−σ²/2): the lognormal median per yuan of mean.
        var medianPerMean: Double
        var ageBands: [Double]
        /// The bands' table, built once (``WorkerAge/Table``).
        var ages: WorkerAge.Table
        var maleShare: Double
    }

    private struct MonthConstants {
        /// Medical inflation since the start.
        var inflation: Double
        /// National urban disposable income of the year before the month's, yuan.
        var urbanIncomePreviousYear: Double
        /// The benefit wage base by province index, yuan a month.
        var wageBaseYuan: [Double]
        /// The active shocks' medical-cost multiplier by `province × platforms + platform`.
        var medicalShock: [Double]
    }

    package init(scenario: Scenario, inputs: ReplicationInputs, clock: ChainClock, hiredEarlier: HiredEarlier = HiredEarlier()) {
        self.scenario = scenario
        self.inputs = inputs
        self.clock = clock
        self.hiredEarlier = hiredEarlier
        self.shocks = ShockMultipliers(scenario: scenario, inputs: inputs)
        var distinct: [ClaimScheduler] = []
        self.schedulers = scenario.provinces.indices.map { province in
            let rules = inputs.claimRules(province: province)
            if let same = distinct.first(where: { $0.rules == rules }) { return same }
            let made = ClaimScheduler(rules: rules)
            distinct.append(made)
            return made
        }
        perPlatform = scenario.platforms.map { platform in
            let sector = inputs.sectors[platform.sector]
            let sigma = sector.medicalCostSigma
            return PlatformConstants(
                recognitionProbability: sector.recognitionProbability, medicalCostMeanYuan: sector.medicalCostMeanYuan,
                medicalCostSigma: sigma, medianPerMean: PortableMath.exp(-sigma * sigma / 2),
                ageBands: scenario.sectors[platform.sector].ageBands,
                ages: WorkerAge.Table(bands: scenario.sectors[platform.sector].ageBands),
                maleShare: scenario.sectors[platform.sector].maleShare)
        }
        let shocks = self.shocks
        perMonth = (0..<scenario.months).map {
            Self.monthConstants(month: $0, scenario: scenario, inputs: inputs, shocks: shocks, clock: clock)
        }
        reportingDelayDays = inputs.reportingDelayDays
        careNeedProbability = inputs.careNeedProbability
    }

    private static func monthConstants(
        month: Int, scenario s: Scenario, inputs: ReplicationInputs, shocks: ShockMultipliers, clock: ChainClock
    ) -> MonthConstants {
        let year = s.startMonth.adding(months: month).year
        return MonthConstants(
            inflation: PortableMath.pow(1 + inputs.medicalInflationPerYear, Double(clock.monthOffset + month) / 12),
            urbanIncomePreviousYear: ReplicationInputs.urbanIncome(
                year: year - 1, table: s.benefits.urbanIncomeByYear, growth: inputs.urbanIncomeGrowthPerYear),
            wageBaseYuan: s.provinces.indices.map { inputs.wageBase(province: $0, year: year, startYear: clock.chainStart.year) },
            medicalShock: s.provinces.indices.flatMap { province in
                s.platforms.indices.map { shocks.product(month: month, province: province, platform: $0, \.medicalCost) }
            })
    }

    /// The claim of `event`, an accident in month index `month`.
    package func claim(for event: AccidentEvent, month: Int) -> Built {
        let day = Int(event.day)
        var cursor = RandomCursor(key: event.person, counter: DrawPurpose.claim.counter(day: day))
        let platform = perPlatform[Int(event.platform)]
        let delay = Int((Sample.standardExponential(&cursor) * reportingDelayDays).rounded(.down))
        let reportMonth = clock.phaseMonth(ofDay: day + delay)
        let recognised = cursor.uniform() < platform.recognitionProbability
        let group = event.severity.group.rawValue
        let constants =
            month >= 0 && month < perMonth.count
            ? perMonth[month] : Self.monthConstants(month: month, scenario: scenario, inputs: inputs, shocks: shocks, clock: clock)
        let medicalShock = constants.medicalShock[Int(event.province) * perPlatform.count + Int(event.platform)]
        let mean = platform.medicalCostMeanYuan[group] * medicalShock * constants.inflation
        let medical = Sample.lognormal(median: mean * platform.medianPerMean, sigma: platform.medicalCostSigma, &cursor)
        let grade = event.severity.grade ?? 11
        let needsCare = grade <= 4 && cursor.uniform() < careNeedProbability[grade - 1]
        guard recognised else {
            return Built(recognised: false, reportMonth: reportMonth, schedule: ClaimSchedule(fundPayments: [], platformPayments: []))
        }
        let earlier = hiredEarlier.people(
            province: Int(event.province), platform: Int(event.platform), platforms: perPlatform.count, hireDay: Int(event.hireDay),
            phaseStartDay: clock.dayOffset)
        let hire =
            earlier.map { WorkerAge.atHire(person: event.person, hireDay: Int(event.hireDay), bands: $0.bands, maleShare: $0.maleShare) }
            ?? WorkerAge.atHire(person: event.person, hireDay: Int(event.hireDay), table: platform.ages, maleShare: platform.maleShare)
        let age = hire.age + Double(day + delay - Int(event.hireDay)) / 365.25
        let dependants = event.severity == .death ? self.dependants(workerAge: age, &cursor) : []
        var facts = ClaimFacts(
            severity: event.severity, reportMonth: reportMonth,
            wageBaseYuan: constants.wageBaseYuan[Int(event.province)],
            urbanIncomePreviousYearYuan: constants.urbanIncomePreviousYear,
            medicalCostYuan: medical, needsCare: needsCare, daysOff: Int(event.daysOff), ageYears: age, isMale: hire.isMale,
            dependants: dependants)
        facts.monthsIntoChain = clock.monthOffset
        return Built(recognised: true, reportMonth: reportMonth, schedule: schedulers[Int(event.province)].schedule(for: facts))
    }

    /// The relatives who qualify for a pension after a death: Poisson numbers of children and
    /// parents, a spouse with the scenario's probability. Children are younger than the support
    /// age and at least 18 years younger than the worker; parents and a spouse qualify only from
    /// age 55 (MOLSS Order No. 18), so their ages are at least 55.
    package func dependants(workerAge: Double, _ cursor: inout RandomCursor) -> [Dependant] {
        let means = inputs.dependantsPerDeath
        var out: [Dependant] = []
        let children = min(12, Sample.poisson(mean: means.children, &cursor))
        let oldestChild = min(scenario.benefits.childSupportAge, max(1, workerAge - 18))
        for _ in 0..<children { out.append(Dependant(kind: .child, age: cursor.uniform() * oldestChild)) }
        let parents = min(4, Sample.poisson(mean: means.parents, &cursor))
        for _ in 0..<parents { out.append(Dependant(kind: .parent, age: max(55, workerAge + 22 + 10 * cursor.uniform()))) }
        if cursor.uniform() < means.spouse { out.append(Dependant(kind: .spouse, age: max(55, workerAge - 5 + 10 * cursor.uniform()))) }
        return out
    }
}
