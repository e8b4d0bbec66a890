import Foundation
import InjurySimCore

/// Runs one replication: builds the shard, platform and fund actors, then drives the month
/// barrier — step every shard in a task group, merge in shard order, settle platforms and
/// funds, record the month.
public struct ReplicationCoordinator: Sendable {
    public let scenario: Scenario
    public let plans: [ShardPlan]
    public let calendar: SimulationCalendar

    public init(scenario: Scenario) {
        self.scenario = scenario
        self.plans = PopulationPlan.shards(scenario)
        self.calendar = SimulationCalendar(start: scenario.startMonth, months: scenario.months)
    }

    /// Runs replication `replication` to the horizon.
    public func run(replication: Int) async -> ReplicationResult {
        let inputs = ReplicationInputs(scenario: scenario, replication: replication)
        let s = scenario
        let provinceCount = s.provinces.count
        let platformCount = s.platforms.count
        let poolCount = s.poolCount
        let poolOf = s.poolOfProvince
        let fractions = s.poolSampleFractions
        var result = ReplicationResult(replication: replication, months: s.months, poolCount: poolCount,
                                       sectorCount: s.sectors.count)
        result.adminCostShare = inputs.adminCostShare

        let shards = await makeShards(inputs: inputs)
        let monthlyDiscount = PortableMath.pow(1 + s.fund.liabilityDiscountRatePerYear, -1.0 / 12)
        // The paid bases of the float read each platform's reported claims; reserves only for one.
        let float = s.rateFloat
        let platformsReadClaims = float.enabled && float.basis != .foresight
        let reserveDiscount = float.enabled && float.basis == .paidPlusReserves ? monthlyDiscount : nil
        let platforms = s.platforms.indices.map {
            PlatformActor(ledger: PlatformLedger(benchmarkYuanPerOrder: inputs.platformRateYuan[$0], provinces: provinceCount,
                                                 reserveDiscount: reserveDiscount))
        }
        var initialCash = [Fen](repeating: 0, count: poolCount)
        for (index, province) in s.provinces.enumerated() {
            initialCash[poolOf[index]] += Money.fen(yuan: province.initialBalanceYuan * fractions[poolOf[index]])
        }
        let funds = (0..<poolCount).map {
            FundActor(ledger: FundLedger(initialCash: initialCash[$0], shortfall: s.fund.shortfall,
                                         liabilityDiscountRatePerYear: s.fund.liabilityDiscountRatePerYear))
        }
        var pipeline = ClaimPipeline()
        var insuredSoFar = [Int64](repeating: 0, count: poolCount)
        var recognisedSoFar = [Int64](repeating: 0, count: poolCount)
        var paidSoFar = [Fen](repeating: 0, count: poolCount)

        for month in 0..<s.months {
            let contexts = monthContexts(inputs: inputs, month: month)
            let firstDay = calendar.firstDays[month]
            let dayCount = calendar.firstDays[month + 1] - firstDay

            // (2) Step every shard; (3) merge in shard order.
            let stepped = await withTaskGroup(of: (Int, ShardMonthResult).self) { group in
                for (index, shard) in shards.enumerated() {
                    let context = contexts[plans[index].province]
                    group.addTask { (index, await shard.step(month: month, firstDay: firstDay, dayCount: dayCount, contexts: context)) }
                }
                var ordered = [ShardMonthResult?](repeating: nil, count: shards.count)
                for await (index, value) in group { ordered[index] = value }
                return ordered.map { $0! }
            }

            var orders = [[Int64]](repeating: [Int64](repeating: 0, count: provinceCount), count: platformCount)
            var incurred = [[Double]](repeating: [Double](repeating: 0, count: provinceCount), count: platformCount)
            for (index, shardResult) in stepped.enumerated() {
                let province = plans[index].province
                let pool = poolOf[province]
                for totals in shardResult.segments {
                    orders[totals.platform][province] += totals.orders
                    result.add(totals.orders, month: month, pool: pool, metric: .orders)
                    result.add(totals.workedDays, month: month, pool: pool, metric: .workedDays)
                    result.add(totals.activeWorkers, month: month, pool: pool, metric: .activeWorkers)
                    insuredSoFar[pool] += totals.newlyInsured
                    result.coveredWorkerDays += totals.coveredWorkerDays
                    let sector = s.platforms[totals.platform].sector
                    result.ordersBySector[pool * s.sectors.count + sector] += totals.orders
                }
                result.simulatedAccidents += Int64(shardResult.accidents.count)
                for event in shardResult.accidents {
                    result.add(1, month: month, pool: pool, metric: .accidents)
                    let claim = buildClaim(event, inputs: inputs, month: month)
                    var presentValue = 0.0
                    if claim.recognised {
                        presentValue = claim.schedule.fundPresentValue(at: month, monthlyDiscount: monthlyDiscount)
                        let sector = s.platforms[Int(event.platform)].sector
                        result.incurredBySector[pool * s.sectors.count + sector] += presentValue
                        incurred[Int(event.platform)][province] += presentValue
                    }
                    // Claims reported after the horizon stay in the pipeline: they are owed (IBNR).
                    pipeline.add(ClaimPipeline.Claim(
                        pool: pool, province: province, platform: Int(event.platform), severity: event.severity, recognised: claim.recognised,
                        fundPayments: claim.schedule.fundPayments,
                        platformPaid: claim.schedule.platformPayments.reduce(0) { $0 + $1.amount },
                        accidentMonth: month, presentValueAtAccident: presentValue), reportMonth: claim.reportMonth)
                }
            }
            for pool in 0..<poolCount {
                result.set(insuredSoFar[pool], month: month, pool: pool, metric: .insuredPersons)
            }

            // Claims reported this month reach their fund.
            var reported = [[[Payment]]](repeating: [], count: poolCount)
            var platformReports = [[PlatformLedger.ReportedClaim]](repeating: [], count: platformCount)
            for claim in pipeline.takeReported(in: month) {
                let severityMetric: Metric
                switch claim.severity.group {
                case .medicalOnly: severityMetric = .claimsMedicalOnly
                case .grade7to10: severityMetric = .claimsGrade7to10
                case .grade5to6: severityMetric = .claimsGrade5to6
                case .grade1to4: severityMetric = .claimsGrade1to4
                case .death: severityMetric = .claimsDeath
                }
                if claim.recognised {
                    recognisedSoFar[claim.pool] += 1
                    result.add(1, month: month, pool: claim.pool, metric: .claimsRecognised)
                    result.add(1, month: month, pool: claim.pool, metric: severityMetric)
                    result.add(claim.platformPaid, month: month, pool: claim.pool, metric: .platformPaid)
                    reported[claim.pool].append(claim.fundPayments)
                    if platformsReadClaims {
                        platformReports[claim.platform].append(PlatformLedger.ReportedClaim(province: claim.province, payments: claim.fundPayments))
                    }
                } else {
                    result.add(1, month: month, pool: claim.pool, metric: .claimsUnrecognised)
                }
            }

            // Platforms remit last month's contributions, book this month's orders and close the
            // month's claims experience (after this month's reports, so they count in it).
            var contributions = [Fen](repeating: 0, count: poolCount)
            for (index, platform) in platforms.enumerated() {
                let share = (0..<provinceCount).map { shockProduct(inputs, month: month, province: $0, platform: index, \.platformPayment) }
                let (paid, booked) = await platform.closeMonth(paymentShare: share, orders: orders[index], incurred: incurred[index],
                                                               reported: platformReports[index])
                for (province, amount) in paid.enumerated() { contributions[poolOf[province]] += amount }
                for (province, amount) in booked.enumerated() { result.add(amount, month: month, pool: poolOf[province], metric: .contributionsBooked) }
            }

            // (4) Funds close their books; the claims still unreported are valued beside them.
            let ibnr = pipeline.reserve(atEndOf: month, pools: poolCount, monthlyDiscount: monthlyDiscount)
            for (pool, fund) in funds.enumerated() {
                let investmentReturn = inputs.investmentReturnPerYear * investmentMultiplier(inputs, month: month, pool: pool, poolOf: poolOf)
                let books = await fund.close(month: month, contributions: contributions[pool], reported: reported[pool],
                                             adminCostShare: inputs.adminCostShare, investmentReturnPerYear: investmentReturn)
                record(books, ibnr: Money.fen(ibnr[pool]), month: month, pool: pool, into: &result)
                paidSoFar[pool] += books.benefitsPaid
                result.set(paidSoFar[pool], month: month, pool: pool, metric: .benefitsPaidCumulative)
                result.set(recognisedSoFar[pool], month: month, pool: pool, metric: .claimsRecognisedCumulative)
            }

            // Rates float once a year, effective from the review month.
            if float.enabled && month + 1 < s.months && s.startMonth.adding(months: month + 1).month == float.reviewMonth {
                for platform in platforms { _ = await platform.review(rule: float) }
            }
        }
        result.scalePools(by: fractions.map { 1 / $0 })
        result.sumPools()
        return result
    }

    private func record(_ books: FundMonth, ibnr: Fen, month: Int, pool: Int, into result: inout ReplicationResult) {
        result.set(books.netPosition, month: month, pool: pool, metric: .netPosition)
        result.set(books.cash, month: month, pool: pool, metric: .cash)
        result.set(books.debt, month: month, pool: pool, metric: .debt)
        result.set(books.arrears, month: month, pool: pool, metric: .arrears)
        result.set(books.contributions, month: month, pool: pool, metric: .contributions)
        result.set(books.adminCost, month: month, pool: pool, metric: .adminCost)
        result.set(books.investment, month: month, pool: pool, metric: .investment)
        result.set(books.benefitsPaid, month: month, pool: pool, metric: .benefitsPaid)
        result.set(books.borrowed, month: month, pool: pool, metric: .borrowed)
        result.set(books.repaid, month: month, pool: pool, metric: .repaid)
        result.set(books.liabilities, month: month, pool: pool, metric: .liabilities)
        result.set(ibnr, month: month, pool: pool, metric: .ibnr)
        // Assets (cash and the contributions booked on this month's orders, received next month)
        // less every liability: backstop debt, arrears and reported claims' future payments (both
        // in `liabilities`), and the claims incurred but not yet reported.
        let receivable = result.value(month: month, pool: pool, metric: .contributionsBooked)
        result.set(books.cash + receivable - books.debt - books.liabilities - ibnr, month: month, pool: pool, metric: .solvencyPosition)
    }

    /// Builds the actors' initial worker agents, shards in parallel.
    private func makeShards(inputs: ReplicationInputs) async -> [ShardActor] {
        await withTaskGroup(of: (Int, ShardActor).self) { group in
            for index in plans.indices {
                group.addTask { (index, ShardActor(state: shardState(index: index, inputs: inputs))) }
            }
            var shards = [ShardActor?](repeating: nil, count: plans.count)
            for await (index, shard) in group { shards[index] = shard }
            return shards.map { $0! }
        }
    }

    /// The initial worker agents of shard `index` in this replication. Worker streams are keyed
    /// by province and platform names and slot index; only the per-shard order draws depend on
    /// the shard layout, which the scenario fixes (never the thread count).
    package func shardState(index: Int, inputs: ReplicationInputs) -> ShardState {
        let s = scenario
        let plan = plans[index]
        let provinceName = s.provinces[plan.province].name
        let segments = plan.segments.map { segment -> Segment in
            var keyed = segment
            keyed.key = inputs.key.child(named: "slots/" + provinceName + "/" + s.platforms[segment.platform].name)
            return keyed
        }
        let key = inputs.key.child(named: "shard/" + provinceName + "/" + String(plan.indexInProvince))
        let profiles = s.sectors.indices.map { hireProfile(inputs: inputs, sector: $0) }
        return ShardState(province: plan.province, key: key, segments: segments, hire: { profiles[$0] })
    }

    package func hireProfile(inputs: ReplicationInputs, sector: Int) -> HireProfile {
        let x = inputs.sectors[sector]
        return HireProfile(occasionalShare: x.occasionalShare, shiftHours: x.shiftHours, shiftHoursSpread: x.shiftHoursSpread,
                           longShiftHours: scenario.risk.longShiftHours, extraRiskPerLongHour: inputs.extraRiskPerLongHour,
                           churnPerMonth: x.churnPerMonth)
    }

    /// The month's context for every province and platform (rollout share, growth, shocks).
    package func monthContexts(inputs: ReplicationInputs, month: Int) -> [[SegmentMonth]] {
        let s = scenario
        let calendarMonth = s.startMonth.adding(months: month)
        let profiles = s.sectors.indices.map { hireProfile(inputs: inputs, sector: $0) }
        return s.provinces.indices.map { province in
            s.platforms.indices.map { platform in
                let sector = s.platforms[platform].sector
                let x = inputs.sectors[sector]
                var coverage = 0.0
                for phase in s.rollout where phase.matches(province: province, platform: platform, sector: sector) {
                    coverage = max(coverage, phase.share(at: calendarMonth))
                }
                let growth = PortableMath.pow(1 + x.ordersGrowthPerYear, Double(month) / 12)
                let ordersShock = shockProduct(inputs, month: month, province: province, platform: platform, \.orders)
                let claimShock = shockProduct(inputs, month: month, province: province, platform: platform, \.claimFrequency)
                let severityShock = shockProduct(inputs, month: month, province: province, platform: platform, \.severity)
                var weights = x.severity
                for k in 1..<weights.count { weights[k] *= severityShock }
                let total = weights.reduce(0, +)
                var cumulative: [Double] = []
                var running = 0.0
                for w in weights { running += w / total; cumulative.append(running) }
                return SegmentMonth(
                    coverage: coverage, ordersPerHour: x.ordersPerHour * growth * ordersShock,
                    hazardPerOrder: x.claimsPerOrder * inputs.provinceRisk[province] * inputs.platformRisk[platform] * claimShock,
                    fullTimeDailyProbability: x.fullTimeDailyProbability,
                    occasionalDailyProbability: x.occasionalDailyProbability,
                    severityCumulative: cumulative, recoveryDays: x.recoveryDays, hire: profiles[sector],
                    newWorkerDays: s.risk.newWorkerDays, newWorkerMultiplier: inputs.newWorkerMultiplier)
            }
        }
    }

    /// The product of one multiplier over the shocks active in this month and place.
    func shockProduct(_ inputs: ReplicationInputs, month: Int, province: Int, platform: Int,
                      _ field: KeyPath<ReplicationInputs.Shock, Double>) -> Double {
        var product = 1.0
        let sector = scenario.platforms[platform].sector
        for (index, shock) in scenario.shocks.enumerated()
        where inputs.shocks[index].active[month] && shock.matches(province: province, platform: platform, sector: sector) {
            product *= inputs.shocks[index][keyPath: field]
        }
        return product
    }

    /// The investment-return multiplier of the shocks active for a pool.
    func investmentMultiplier(_ inputs: ReplicationInputs, month: Int, pool: Int, poolOf: [Int]) -> Double {
        var product = 1.0
        for (index, shock) in scenario.shocks.enumerated() where inputs.shocks[index].active[month] {
            let touches = shock.provinces.map { provinces in
                scenario.pooling == .province ? provinces.contains { poolOf[$0] == pool } : false
            } ?? true
            if touches { product *= inputs.shocks[index].investmentReturn }
        }
        return product
    }

    /// The claim an accident becomes: reporting delay, recognition, medical cost, care need,
    /// and the payment schedule, drawn from the injured person's own stream.
    func buildClaim(_ event: AccidentEvent, inputs: ReplicationInputs, month: Int)
        -> (recognised: Bool, reportMonth: Int, schedule: ClaimSchedule) {
        let s = scenario
        let day = Int(event.day)
        var cursor = RandomCursor(key: event.person, counter: DrawPurpose.claim.counter(day: day))
        let sector = inputs.sectors[s.platforms[Int(event.platform)].sector]
        let delay = Int((Sample.standardExponential(&cursor) * inputs.reportingDelayDays).rounded(.down))
        let reportMonth = calendar.month(ofDay: day + delay)
        let recognised = cursor.uniform() < sector.recognitionProbability
        let group = event.severity.group.rawValue
        let medicalShock = shockProduct(inputs, month: month, province: Int(event.province), platform: Int(event.platform), \.medicalCost)
        let inflation = PortableMath.pow(1 + inputs.medicalInflationPerYear, Double(month) / 12)
        let mean = sector.medicalCostMeanYuan[group] * medicalShock * inflation
        let sigma = sector.medicalCostSigma
        let medical = Sample.lognormal(median: mean * PortableMath.exp(-sigma * sigma / 2), sigma: sigma, &cursor)
        let grade = event.severity.grade ?? 11
        let needsCare = grade <= 4 && cursor.uniform() < inputs.careNeedProbability[grade - 1]
        guard recognised else { return (false, reportMonth, ClaimSchedule(fundPayments: [], platformPayments: [])) }
        let year = s.startMonth.adding(months: month).year
        let sectorInputs = s.sectors[s.platforms[Int(event.platform)].sector]
        let hire = WorkerAge.atHire(person: event.person, hireDay: Int(event.hireDay), bands: sectorInputs.ageBands,
                                    maleShare: sectorInputs.maleShare)
        let age = hire.age + Double(day + delay - Int(event.hireDay)) / 365.25
        let dependants = event.severity == .death ? drawDependants(workerAge: age, inputs: inputs, &cursor) : []
        let facts = ClaimFacts(
            severity: event.severity, reportMonth: reportMonth,
            wageBaseYuan: inputs.wageBase(province: Int(event.province), year: year, startYear: s.startMonth.year),
            urbanIncomePreviousYearYuan: ReplicationInputs.urbanIncome(year: year - 1, table: s.benefits.urbanIncomeByYear,
                                                                       growth: inputs.urbanIncomeGrowthPerYear),
            medicalCostYuan: medical, needsCare: needsCare, daysOff: Int(event.daysOff), ageYears: age, isMale: hire.isMale,
            dependants: dependants)
        return (true, reportMonth, inputs.claimRules.schedule(for: facts))
    }

    /// The relatives who qualify for a pension after a death: Poisson numbers of children and
    /// parents, a spouse with the scenario's probability. Children are younger than the support
    /// age and at least 18 years younger than the worker; parents and a spouse qualify only from
    /// age 55 (MOLSS Order No. 18), so their ages are at least 55.
    func drawDependants(workerAge: Double, inputs: ReplicationInputs, _ cursor: inout RandomCursor) -> [Dependant] {
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
