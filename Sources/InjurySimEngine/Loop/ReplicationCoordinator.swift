import Foundation
import InjurySimCore

/// Runs one replication: builds the shard, platform and fund actors, then drives the month
/// barrier — step every shard in a task group, merge in shard order, settle platforms and
/// funds, record the month.
package struct ReplicationCoordinator: Sendable {
    package let scenario: Scenario
    package let plans: [ShardPlan]
    package let calendar: SimulationCalendar
    /// The earlier phases this scenario continues (``Scenario/phasesToRun``), earliest first.
    package let earlierPhases: [ReplicationCoordinator]
    /// Where this phase sits in its chain (all zero and its own horizon when it continues none).
    package let clock: ChainClock
    /// Whether the platforms keep their claims experience (this phase or a later one floats
    /// rates on a paid basis or assigns rate tiers, which read the experience from the chain's
    /// start) and whether it measures case reserves (the `paidPlusReserves` basis).
    package let booksExperience: Bool
    package let measuresReserves: Bool
    /// Who the persons hired in earlier phases are (their age bands).
    package let hiredEarlier: HiredEarlier

    package init(scenario: Scenario) {
        let phases = scenario.phasesToRun
        let chainEnd = scenario.startMonth.adding(months: scenario.months)
        func clock(_ phase: Scenario) -> ChainClock {
            ChainClock(chainStart: scenario.chainStart, phaseStart: phase.startMonth, months: phase.months, chainEnd: chainEnd)
        }
        let all = phases + [scenario]
        let paid = all.map { ($0.rateFloat.enabled && $0.rateFloat.basis != .foresight) || $0.rateTiers != nil }
        let reserves = all.map { $0.rateFloat.enabled && $0.rateFloat.basis == .paidPlusReserves }
        func phase(_ index: Int, earlier: [ReplicationCoordinator]) -> ReplicationCoordinator {
            let c = clock(all[index])
            return ReplicationCoordinator(
                scenario: all[index], clock: c, booksExperience: paid[index...].contains(true),
                measuresReserves: reserves[index...].contains(true),
                hiredEarlier: HiredEarlier(scenario: all[index], phases: Array(all[..<index]), clock: c),
                earlierPhases: earlier)
        }
        self = phase(phases.count, earlier: phases.indices.map { phase($0, earlier: []) })
    }

    private init(
        scenario: Scenario, clock: ChainClock, booksExperience: Bool, measuresReserves: Bool, hiredEarlier: HiredEarlier,
        earlierPhases: [ReplicationCoordinator]
    ) {
        self.hiredEarlier = hiredEarlier
        self.scenario = scenario
        self.plans = PopulationPlan.shards(scenario)
        self.calendar = SimulationCalendar(start: scenario.startMonth, months: scenario.months)
        self.clock = clock
        self.booksExperience = booksExperience
        self.measuresReserves = measuresReserves
        self.earlierPhases = earlierPhases
    }

    /// Runs replication `replication` to the horizon: replication `replication` of every earlier
    /// phase first, each handing its end state to the next (common random numbers: the earlier
    /// phases are the same whatever the later one changes). Throws when its money leaves the
    /// exact range (``MoneyOverflow``): the replication stops in that month, and its error is
    /// the outcome. (A `Result`, not an async typed `throws`: with the typed throw caught inside
    /// the runner's task group, release builds crashed reading the group's results, debug builds
    /// did not; not isolated further.)
    package func checkedRun(replication: Int) async -> Result<ReplicationResult, EngineError> {
        var trace: PairTrace?
        do { return .success(try await run(replication: replication, trace: &trace)) } catch {
            return .failure(Self.engineError(error))
        }
    }

    /// The phases throw only ``EngineError``.
    private static func engineError(_ error: any Error) -> EngineError {
        guard let engine = error as? EngineError else { preconditionFailure("unexpected error \(error)") }
        return engine
    }

    /// ``checkedRun(replication:)`` for scenarios that cannot overflow (tests, fixed reference
    /// runs); it traps if one did. What runs a user's scenario calls ``checkedRun(replication:)``
    /// (``MonteCarloRunner`` does).
    package func run(replication: Int) async -> ReplicationResult {
        switch await checkedRun(replication: replication) {
        case .success(let result): return result
        case .failure(let error): preconditionFailure(error.description)
        }
    }

    /// Replication `replication` with every phase's (province, platform) months traced (traps
    /// on a money overflow, as ``run(replication:)``).
    package func trace(replication: Int) async -> PairTrace {
        var trace: PairTrace? = PairTrace()
        do { _ = try await run(replication: replication, trace: &trace) } catch { preconditionFailure(Self.engineError(error).description) }
        return trace!
    }

    /// Throws only ``EngineError``.
    private func run(replication: Int, trace: inout PairTrace?) async throws -> ReplicationResult {
        var handover: PhaseHandover?
        for (index, phase) in earlierPhases.enumerated() {
            let next = index + 1 < earlierPhases.count ? earlierPhases[index + 1].scenario : scenario
            handover = try await phase.runPhase(replication: replication, opening: handover, handOverTo: next, phase: index, trace: &trace).handover
        }
        return try await runPhase(replication: replication, opening: handover, handOverTo: nil, phase: earlierPhases.count, trace: &trace).result
    }

    /// One phase: the month loop and nothing else. What a claim is comes from `ClaimBuilder`,
    /// what is recorded from `MonthRecorder`; `opening` is the earlier phase's end state, and
    /// with `next` the phase's own end state is handed over; `trace` (when not nil) collects the
    /// pairs' months as phase `phase` of the chain. After each month the fund, platform and
    /// recorder books are asked whether a figure left the exact range; the first one found (in
    /// the order platforms, funds by pool, recorder) stops the phase with its month and place.
    package func runPhase(
        replication: Int, opening: PhaseHandover?, handOverTo next: Scenario?, phase: Int = 0, trace: inout PairTrace?
    ) async throws -> (result: ReplicationResult, handover: PhaseHandover?) {
        let inputs = ReplicationInputs(scenario: scenario, replication: replication, monthsIntoChain: clock.monthOffset)
        let s = scenario
        let poolOf = s.poolOfProvince
        let shocks = ShockMultipliers(scenario: s, inputs: inputs)
        let claims = ClaimBuilder(scenario: s, inputs: inputs, clock: clock, hiredEarlier: hiredEarlier)
        var recorder = MonthRecorder(
            scenario: s, replication: replication, adminCostShare: inputs.adminCostShare, discountRatePerYear: inputs.discountRatePerYear,
            carried: opening?.recorder)
        let shards = await makeShards(inputs: inputs, opening: opening)
        let monthlyDiscount = PortableMath.pow(1 + inputs.discountRatePerYear, -1.0 / 12)
        // The paid bases of the float read each platform's reported claims; reserves only for one.
        let float = s.rateFloat
        let platformsReadClaims = booksExperience
        let platforms = makePlatforms(inputs: inputs, reserveDiscount: measuresReserves ? monthlyDiscount : nil, opening: opening)
        let ledgers = makeFundLedgers(opening: opening, discountRatePerYear: inputs.discountRatePerYear)
        for (pool, ledger) in ledgers.enumerated() { recorder.recordOpening(netPosition: ledger.cash - ledger.debt - ledger.arrears, pool: pool) }
        let funds = ledgers.map(FundActor.init(ledger:))
        var pipeline = opening?.pipeline ?? ClaimPipeline()
        let slots = trace == nil ? [] : PopulationPlan.slotCounts(s)

        let tiersMonth = s.rateTiers.map { $0.effectiveMonth(phaseStart: s.startMonth).months(since: s.startMonth) }
        for month in 0..<s.months {
            // Rates float once a year, effective from the review month (`RateFloatRule.reviews`),
            // each province from its first review.
            let calendarMonth = s.startMonth.adding(months: month)
            if float.reviews(at: calendarMonth, chainMonth: clock.monthOffset + month) {
                for platform in platforms { _ = await platform.review(rule: float, month: calendarMonth) }
            }
            // The tier rule puts its sectors' platforms on their tiers as its month opens (after a
            // review in the same month: the first year is charged at the tier's rate).
            if let tiers = s.rateTiers, month == tiersMonth, let threshold = inputs.paidRatioThreshold {
                let window = tiers.window(chainStart: clock.chainStart)
                for (index, platform) in platforms.enumerated() where tiers.sectors.contains(s.platforms[index].sector) {
                    await platform.assignTiers(tiers, threshold: threshold, window: window, sector: s.platforms[index].sector)
                }
            }
            let contexts = monthContexts(inputs: inputs, month: month)
            let firstDay = clock.dayOffset + calendar.firstDays[month]
            let dayCount = calendar.firstDays[month + 1] - calendar.firstDays[month]
            let chainMonth = clock.monthOffset + month

            // (2) Step every shard; (3) merge in shard order: exposure, accidents, claims.
            let stepped = await withTaskGroup(of: (Int, ShardMonthResult).self) { group in
                for (index, shard) in shards.enumerated() {
                    let context = contexts[plans[index].province]
                    group.addTask { (index, await shard.step(month: chainMonth, firstDay: firstDay, dayCount: dayCount, contexts: context)) }
                }
                var ordered = [ShardMonthResult?](repeating: nil, count: shards.count)
                for await (index, value) in group { ordered[index] = value }
                return ordered.map { $0! }
            }
            let merged = MonthMerge(
                stepped, plans: plans, scenario: s, poolOf: poolOf, month: month, claims: claims, monthlyDiscount: monthlyDiscount,
                recorder: &recorder,
                pipeline: &pipeline)
            var bookedByPair = trace == nil ? [] : [[Fen]](repeating: [], count: s.platforms.count)

            // Claims reported this month reach their fund.
            var reported = [[[Payment]]](repeating: [], count: s.poolCount)
            var platformReports = [[PlatformLedger.ReportedClaim]](repeating: [], count: s.platforms.count)
            for claim in pipeline.takeReported(in: month) {
                recorder.recordReported(claim, month: month, monthlyDiscount: monthlyDiscount)
                guard claim.recognised else { continue }
                reported[claim.pool].append(claim.fundPayments)
                if platformsReadClaims {
                    platformReports[claim.platform].append(PlatformLedger.ReportedClaim(province: claim.province, payments: claim.fundPayments))
                }
            }

            // Platforms remit last month's contributions, book this month's orders and close the
            // month's claims experience (after this month's reports, so they count in it).
            var contributions = [Fen](repeating: 0, count: s.poolCount)
            for (index, platform) in platforms.enumerated() {
                let share = s.provinces.indices.map { shocks.product(month: month, province: $0, platform: index, \.platformPayment) }
                let (paid, booked): ([Fen], [Fen])
                switch await platform.closeMonth(
                    paymentShare: share, orders: merged.orders[index], incurred: merged.incurred[index], reported: platformReports[index])
                {
                case .success(let books): (paid, booked) = books
                case .failure(let overflow):
                    throw EngineError.moneyOverflow(
                        MoneyOverflow(
                            replication: replication, month: calendarMonth, place: "platform " + s.platforms[index].name, figure: overflow.figure))
                }
                // A month's contributions are under the up-front bound (``MoneyRange``): summed unchecked.
                for (province, amount) in paid.enumerated() { contributions[poolOf[province]] += amount }
                if trace != nil { bookedByPair[index] = booked }
                for province in booked.indices where booked[province] != 0 || paid[province] != 0 {
                    recorder.recordContributions(
                        platform: index, booked: booked[province], paid: paid[province], month: month, pool: poolOf[province])
                }
            }

            // (4) Funds close their books; the claims still unreported are valued beside them.
            let ibnr = pipeline.reserve(atEndOf: month, pools: s.poolCount, monthlyDiscount: monthlyDiscount)
            for (pool, fund) in funds.enumerated() {
                let investmentReturn = inputs.investmentReturnPerYear * shocks.investment(month: month, pool: pool)
                let closed = await fund.close(
                    month: month, contributions: contributions[pool], reported: reported[pool],
                    adminCostShare: inputs.adminCostShare, investmentReturnPerYear: investmentReturn)
                let place = "pool " + s.poolNames[pool]
                let books: FundMonth, reserve: Fen
                do throws(FenOverflow) {
                    books = try closed.get()
                    reserve = try CheckedFen.fen(ibnr[pool], "IBNR reserve")
                } catch {
                    throw EngineError.moneyOverflow(MoneyOverflow(replication: replication, month: calendarMonth, place: place, figure: error.figure))
                }
                recorder.recordFund(books, ibnr: reserve, month: month, pool: pool)
            }
            if let overflow = recorder.overflow { throw EngineError.moneyOverflow(overflow) }
            if trace != nil {
                var benchmark: [[Double]] = []
                for platform in platforms { benchmark.append(await platform.baseYuanPerOrder()) }
                trace?.record(
                    phase: phase, scenario: s, month: month, slots: slots, coverage: contexts.map { $0.map(\.coverage) },
                    workforce: contexts.map { $0.map(\.workforceShare) }, orders: merged.orders, active: merged.activeWorkers,
                    newly: merged.newlyInsured, booked: bookedByPair, benchmark: benchmark)
            }
        }
        let result: ReplicationResult
        do throws(MoneyOverflow) { result = try recorder.checkedFinished(sampleFractions: s.poolSampleFractions) } catch {
            throw EngineError.moneyOverflow(error)
        }
        guard let next else { return (result, nil) }
        var shardStates: [ShardState] = []
        for shard in shards { shardStates.append(await shard.currentState()) }
        var fundLedgers: [FundLedger] = []
        for fund in funds { fundLedgers.append(await fund.currentLedger()) }
        var platformLedgers: [PlatformLedger] = []
        for platform in platforms { platformLedgers.append(await platform.currentLedger()) }
        let handover = PhaseHandover.make(
            earlier: s, later: next, plans: plans, shards: shardStates, funds: fundLedgers, platforms: platformLedgers,
            pipeline: pipeline, recorder: recorder)
        return (result, handover)
    }

    /// One platform actor per platform, at the replication's benchmark rates; a platform that
    /// ran in the earlier phase keeps its ledger there (rates after the float, what it owes).
    private func makePlatforms(inputs: ReplicationInputs, reserveDiscount: Double?, opening: PhaseHandover?) -> [PlatformActor] {
        scenario.platforms.indices.map {
            var ledger = PlatformLedger(
                benchmarkYuanPerOrder: inputs.platformRateYuan[$0], provinces: scenario.provinces.count,
                reserveDiscount: reserveDiscount)
            if let opening {
                if let earlier = opening.platforms[$0] {
                    ledger.carry(from: earlier, months: opening.months, provinceOf: opening.provinceOf)
                } else {
                    ledger.carry(from: ledger, months: opening.months, provinceOf: [])
                }
            }
            return PlatformActor(ledger: ledger)
        }
    }

    /// One fund ledger per pool (each held by a fund actor), opening with its provinces' balances
    /// at the sampled scale, or with the earlier phase's books of its provinces and the balances
    /// of its new ones.
    private func makeFundLedgers(opening: PhaseHandover?, discountRatePerYear: Double) -> [FundLedger] {
        let s = scenario
        let poolOf = s.poolOfProvince
        let fractions = s.poolSampleFractions
        var initialCash = [Fen](repeating: 0, count: s.poolCount)
        for (index, province) in s.provinces.enumerated() where !(opening?.carriedProvinces.contains(index) ?? false) {
            initialCash[poolOf[index]] += Money.fen(yuan: province.initialBalanceYuan * fractions[poolOf[index]])
        }
        return initialCash.indices.map { pool in
            FundLedger(
                continuing: opening?.funds[pool] ?? [], months: opening?.months ?? 0, initialCash: initialCash[pool],
                shortfall: s.fund.shortfall, liabilityDiscountRatePerYear: discountRatePerYear)
        }
    }

    /// Builds the actors' initial worker agents, shards in parallel.
    private func makeShards(inputs: ReplicationInputs, opening: PhaseHandover?) async -> [ShardActor] {
        await withTaskGroup(of: (Int, ShardActor).self) { group in
            for index in plans.indices {
                group.addTask { (index, ShardActor(state: shardState(index: index, inputs: inputs, opening: opening))) }
            }
            var shards = [ShardActor?](repeating: nil, count: plans.count)
            for await (index, shard) in group { shards[index] = shard }
            return shards.map { $0! }
        }
    }
}
