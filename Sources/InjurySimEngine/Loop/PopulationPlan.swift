import InjurySimCore

/// How a scenario's population is cut into shards. Depends only on the scenario (never on the
/// thread count), so results are the same however many threads step the shards.
public enum PopulationPlan {
    /// Simulated slots of each (province, platform): workers × platform share × the pool's sample
    /// fraction × the largest ceiling the sector's workers can draw (``ceiling(_:sector:)``; 1
    /// when they do not grow). Slots beyond the month's workers are held but not covered
    /// (``SegmentMonth/workforceShare``).
    public static func slotCounts(_ scenario: Scenario) -> [[Int]] {
        let fractions = scenario.poolSampleFractions
        let pools = scenario.poolOfProvince
        return scenario.provinces.enumerated().map { regionIndex, province in
            scenario.platforms.enumerated().map { index, platform in
                let share = province.platformShares[index] ?? platform.shareOfSector
                var workers = Double(province.workers[platform.sector]) * share * fractions[pools[regionIndex]]
                let ceiling = ceiling(scenario, sector: platform.sector)
                if ceiling > 1 { workers *= ceiling }
                return Int(workers.rounded())
            }
        }
    }

    /// The largest multiple of its starting workers sector `sector` can reach in any
    /// replication: the largest draw of `workersSaturation` (1 when the workers do not grow).
    package static func ceiling(_ scenario: Scenario, sector: Int) -> Double {
        let s = scenario.sectors[sector]
        guard s.workersGrowthPerYear.largest != 0 || s.workersGrowthPerYear.smallest != 0 else { return 1 }
        return max(1, s.workersSaturation.largest)
    }

    /// The pair's workers at the simulated scale in a month: its slots × the month's workforce
    /// share (the slots themselves when the sector does not grow).
    package static func livingSlots(slots: Int, workforceShare: Double) -> Double { Double(slots) * workforceShare }

    /// The shards, province by province, each at most `scenario.shardSize` slots. A platform's
    /// run of slots is cut only at multiples of ``ShardState/orderBlockSize`` from its start, so
    /// every order block lies whole in one shard and any shard size gives the same results.
    public static func shards(_ scenario: Scenario) -> [ShardPlan] {
        let counts = slotCounts(scenario)
        var plans: [ShardPlan] = []
        for province in scenario.provinces.indices {
            var current = ShardPlan(province: province, indexInProvince: 0, segments: [])
            for (platform, count) in counts[province].enumerated() where count > 0 {
                var placed = 0
                while placed < count {
                    let room = scenario.shardSize - current.workerCount
                    if room == 0 {
                        plans.append(current)
                        current = ShardPlan(province: province, indexInProvince: current.indexInProvince + 1, segments: [])
                        continue
                    }
                    var take = min(room, count - placed)
                    if take < count - placed {
                        // Whole order blocks only (placed is a multiple of the block size).
                        take = take / ShardState.orderBlockSize * ShardState.orderBlockSize
                        if take == 0 {
                            plans.append(current)
                            current = ShardPlan(province: province, indexInProvince: current.indexInProvince + 1, segments: [])
                            continue
                        }
                    }
                    let start = current.workerCount
                    current.segments.append(
                        Segment(
                            platform: platform, sector: scenario.platforms[platform].sector,
                            range: start..<(start + take), key: StreamKey(rawValue: 0),
                            firstSlot: placed))
                    placed += take
                }
            }
            if current.workerCount > 0 { plans.append(current) }
        }
        return plans
    }
}
