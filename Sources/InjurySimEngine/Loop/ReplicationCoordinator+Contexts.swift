import InjurySimCore

/// What the month loop hands the shards: their initial worker agents, the hire profile of each
/// sector and every month's context per province and platform.
extension ReplicationCoordinator {
    /// The initial worker agents of shard `index` in this replication. Worker streams are keyed
    /// by province and platform names and slot index; only the per-shard order draws depend on
    /// the shard layout, which the scenario fixes (never the thread count). A (province,
    /// platform) pair of an earlier phase keeps its stream and its slots' workers; fresh
    /// workers join on the phase's first day of the chain's clock.
    package func shardState(index: Int, inputs: ReplicationInputs, opening: PhaseHandover? = nil) -> ShardState {
        let s = scenario
        let plan = plans[index]
        let provinceName = s.provinces[plan.province].name
        func pair(_ segment: Segment) -> Int { plan.province * s.platforms.count + segment.platform }
        let segments = plan.segments.map { segment -> Segment in
            var keyed = segment
            keyed.key =
                opening?.slots[pair(segment)]?.key
                ?? inputs.key.child(named: "slots/" + provinceName + "/" + s.platforms[segment.platform].name)
            return keyed
        }
        let key = inputs.key.child(named: "shard/" + provinceName + "/" + String(plan.indexInProvince))
        let profiles = s.sectors.indices.map { hireProfile(inputs: inputs, sector: $0) }
        // Persons already at work when a later phase opens a slot were hired in an earlier
        // phase's sector: their retirement uses the ages the claim builder gives them.
        let earlier = hiredEarlier
        let platforms = s.platforms.count, phaseStart = clock.dayOffset
        var state = ShardKernel.selected.makeState(
            province: plan.province, key: key, segments: segments, startDay: clock.dayOffset, hire: { profiles[$0] },
            hiredEarlier: earlier.phases.isEmpty
                ? nil
                : { segment, day in
                    earlier.people(province: plan.province, platform: segment.platform, platforms: platforms, hireDay: day, phaseStartDay: phaseStart)
                })
        if let opening {
            for platform in Set(plan.segments.map(\.platform)).sorted() {
                guard let carried = opening.slots[plan.province * s.platforms.count + platform] else { continue }
                state.carryOver(carried.workers, platform: platform)
            }
        }
        return state
    }

    package func hireProfile(inputs: ReplicationInputs, sector: Int) -> HireProfile {
        let x = inputs.sectors[sector]
        return HireProfile(
            occasionalShare: x.occasionalShare, shiftHours: x.shiftHours, shiftHoursSpread: x.shiftHoursSpread,
            longShiftHours: scenario.risk.longShiftHours, extraRiskPerLongHour: inputs.extraRiskPerLongHour,
            churnPerMonth: x.churnPerMonth,
            retirement: HireProfile.Retirement(
                bands: scenario.sectors[sector].ageBands, maleShare: scenario.sectors[sector].maleShare,
                rule: RetirementAge(men: scenario.benefits.retirementAgeMen, women: scenario.benefits.retirementAgeWomen),
                chainStartYear: Double(clock.chainStart.year) + Double(clock.chainStart.month - 1) / 12))
    }

    /// Sector `sector`'s workers in chain month `chainMonth` as a share of its allocated slots:
    /// m(t) / K_max (``GrowthPath``, ``PopulationPlan/ceiling(_:sector:)``), at most 1; exactly 1
    /// when the workers do not grow.
    package func workforceShare(inputs: ReplicationInputs, sector: Int, chainMonth: Int) -> Double {
        let ceiling = PopulationPlan.ceiling(scenario, sector: sector)
        guard ceiling > 1 else { return 1 }
        let x = inputs.sectors[sector]
        let m = GrowthPath.multiple(years: Double(chainMonth) / 12, growthPerYear: x.workersGrowthPerYear, saturation: x.workersSaturation)
        return min(1, m / ceiling)
    }

    /// The month's context for every province and platform (rollout share, growth, shocks).
    package func monthContexts(inputs: ReplicationInputs, month: Int) -> [[SegmentMonth]] {
        let s = scenario
        let calendarMonth = s.startMonth.adding(months: month)
        let profiles = s.sectors.indices.map { hireProfile(inputs: inputs, sector: $0) }
        let shocks = ShockMultipliers(scenario: s, inputs: inputs)
        let workforces = s.sectors.indices.map { workforceShare(inputs: inputs, sector: $0, chainMonth: clock.monthOffset + month) }
        return s.provinces.indices.map { province in
            s.platforms.indices.map { platform in
                let sector = s.platforms[platform].sector
                let x = inputs.sectors[sector]
                var coverage = 0.0
                for phase in s.rollout where phase.matches(province: province, platform: platform, sector: sector) {
                    coverage = max(coverage, phase.share(at: calendarMonth))
                }
                let growth = GrowthPath.multiple(
                    years: Double(clock.monthOffset + month) / 12, growthPerYear: x.ordersGrowthPerYear, saturation: x.ordersSaturation)
                let ordersShock = shocks.product(month: month, province: province, platform: platform, \.orders)
                let claimShock = shocks.product(month: month, province: province, platform: platform, \.claimFrequency)
                let severityShock = shocks.product(month: month, province: province, platform: platform, \.severity)
                var weights = x.severity
                for k in 1..<weights.count { weights[k] *= severityShock }
                let total = weights.reduce(0, +)
                var cumulative: [Double] = []
                var running = 0.0
                for w in weights { running += w / total; cumulative.append(running) }
                var context = SegmentMonth(
                    coverage: coverage, ordersPerHour: x.ordersPerHour * growth * ordersShock,
                    hazardPerOrder: x.claimsPerOrder * inputs.provinceRisk[province] * inputs.platformRisk[platform] * claimShock,
                    fullTimeDailyProbability: x.fullTimeDailyProbability,
                    occasionalDailyProbability: x.occasionalDailyProbability,
                    severityCumulative: cumulative, recoveryDays: x.recoveryDays, hire: profiles[sector],
                    newWorkerDays: s.risk.newWorkerDays, newWorkerMultiplier: inputs.newWorkerMultiplier,
                    multiPlatformShare: x.multiPlatformShare)
                context.workforceShare = workforces[sector]
                return context
            }
        }
    }
}
