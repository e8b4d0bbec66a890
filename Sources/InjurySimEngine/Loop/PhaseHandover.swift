import InjurySimCore

/// What one phase of a chain (`"continues"`) hands the next, for one replication: the state at
/// the end of the earlier phase, in the later phase's indices and months.
///
/// Provinces and platforms are matched by name (every one of the earlier phase must exist in
/// the later; the loader checks), a pool of the earlier phase goes to the later pool of its
/// first province, and money is rescaled from the earlier pool's sample fraction to the later
/// pool's. Month indices move back by the earlier phase's length; days run on the chain's clock
/// and carry as they are.
package struct PhaseHandover: Sendable {
    /// One (province, platform) pair's slots: their stream and their workers, in slot order.
    package struct Slots: Sendable {
        package var key: StreamKey
        package var workers: [Worker]
    }

    /// Months the earlier phase ran.
    package var months: Int
    /// Slots by `province × platformCount + platform` of the later phase.
    package var slots: [Int: Slots]
    /// Per later pool: the earlier pools' ledgers that make it up, each with its rescale factor.
    package var funds: [[(ledger: FundLedger, rescale: Double)]]
    /// Later provinces that continue an earlier one (they bring their balance in the ledgers).
    package var carriedProvinces: Set<Int>
    /// Per later platform: its earlier ledger, if it ran in the earlier phase.
    package var platforms: [PlatformLedger?]
    /// Earlier province index → later province index.
    package var provinceOf: [Int]
    /// Claims still to be reported.
    package var pipeline: ClaimPipeline
    /// The recorder's running totals and the platform books.
    package var recorder: MonthRecorder.Carried

    /// The handover from `earlier`'s end state to `later`.
    package static func make(
        earlier: Scenario, later: Scenario, plans: [ShardPlan], shards: [ShardState], funds: [FundLedger],
        platforms: [PlatformLedger], pipeline: ClaimPipeline, recorder: MonthRecorder
    ) -> PhaseHandover {
        let provinceOf = earlier.provinces.map { p in later.provinces.firstIndex { $0.name == p.name }! }
        let platformOf = earlier.platforms.map { p in later.platforms.firstIndex { $0.name == p.name }! }
        let earlierPoolOf = earlier.poolOfProvince
        let laterPoolOf = later.poolOfProvince
        let poolOf = (0..<earlier.poolCount).map { pool in laterPoolOf[provinceOf[earlierPoolOf.firstIndex(of: pool)!]] }
        let earlierFractions = earlier.poolSampleFractions
        let laterFractions = later.poolSampleFractions
        let rescale = (0..<earlier.poolCount).map { laterFractions[poolOf[$0]] / earlierFractions[$0] }

        var slots: [Int: Slots] = [:]
        for (index, plan) in plans.enumerated() {
            let state = shards[index]
            for segment in state.segments {
                let pair = provinceOf[plan.province] * later.platforms.count + platformOf[segment.platform]
                slots[pair, default: Slots(key: segment.key, workers: [])].workers.append(contentsOf: state.workers[segment.range])
            }
        }
        var laterFunds = [[(ledger: FundLedger, rescale: Double)]](repeating: [], count: later.poolCount)
        for (pool, ledger) in funds.enumerated() { laterFunds[poolOf[pool]].append((ledger, rescale[pool])) }
        var laterPlatforms = [PlatformLedger?](repeating: nil, count: later.platforms.count)
        for (platform, ledger) in platforms.enumerated() { laterPlatforms[platformOf[platform]] = ledger }
        let months = earlier.months
        let waiting = pipeline.handedOver(months: months) { claim in
            var c = claim
            let k = rescale[claim.pool]
            c.pool = poolOf[claim.pool]
            c.province = provinceOf[claim.province]
            c.platform = platformOf[claim.platform]
            if k != 1 {
                c.fundPayments = claim.fundPayments.map { Payment(month: $0.month, amount: Money.fen(Double($0.amount) * k), item: $0.item) }
                c.platformPaid = Money.fen(Double(claim.platformPaid) * k)
                c.presentValueAtAccident = claim.presentValueAtAccident * k
            }
            return c
        }
        return PhaseHandover(
            months: months, slots: slots, funds: laterFunds, carriedProvinces: Set(provinceOf),
            platforms: laterPlatforms, provinceOf: provinceOf, pipeline: waiting,
            recorder: recorder.carried(
                pools: later.poolCount, poolOf: poolOf, rescale: rescale, platforms: later.platforms.count, platformOf: platformOf))
    }
}
