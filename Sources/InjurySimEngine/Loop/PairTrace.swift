import InjurySimCore

/// Each (province, platform) pair's month, phase by phase of a chain, at full scale: what the
/// continuity check around a cut reads (`ChainContinuity`) and `injurysim chain` writes. Pure:
/// the coordinator feeds it when asked to trace (``ReplicationCoordinator/trace(replication:)``).
package struct PairTrace: Sendable {
    package struct Row: Sendable, Equatable {
        /// The phase's index in the chain (0: the first) and its scenario's name.
        package var phase: Int
        package var phaseName: String
        package var month: YearMonth
        package var province: String
        package var platform: String
        /// Worker slots holding the pair's workers this month (the population they fill), full
        /// scale: the allocated slots × the sector's workforce share (its growth path, §2.1).
        package var slots: Double
        /// Full-scale units per simulated one: 1 / the pool's sample fraction.
        package var scale: Double
        /// Share of the slots covered this month (the rollout's ramp), 0…1.
        package var coverage: Double
        package var orders: Double
        package var activeWorkers: Double
        /// Persons insured for the first time this month.
        package var newlyInsured: Double
        /// Contributions booked on the month's orders, yuan.
        package var contributionsYuan: Double
        /// The rate the float moves from, yuan per order: the phase file's benchmark (its draw in
        /// this replication), or the tier a tier rule put the pair on.
        package var benchmarkYuanPerOrder: Double
    }

    package private(set) var rows: [Row] = []

    package init() {}

    /// One phase's month: `orders`, `active`, `newly`, `booked` (fen) and `benchmark` by
    /// `[platform][province]` at the simulated scale, `slots`, `coverage` and `workforce` (the
    /// share of the slots that hold workers) by `[province][platform]`, scaled by 1 / the pool's fraction.
    package mutating func record(
        phase: Int, scenario s: Scenario, month: Int, slots: [[Int]], coverage: [[Double]], workforce: [[Double]]? = nil,
        orders: [[Int64]], active: [[Int64]],
        newly: [[Int64]], booked: [[Fen]], benchmark: [[Double]]
    ) {
        let fractions = s.poolSampleFractions
        let poolOf = s.poolOfProvince
        let calendarMonth = s.startMonth.adding(months: month)
        for (province, region) in s.provinces.enumerated() {
            let scale = 1 / fractions[poolOf[province]]
            for (platform, company) in s.platforms.enumerated() where slots[province][platform] > 0 {
                rows.append(
                    Row(
                        phase: phase, phaseName: s.name, month: calendarMonth, province: region.name, platform: company.name,
                        slots: PopulationPlan.livingSlots(slots: slots[province][platform], workforceShare: workforce?[province][platform] ?? 1)
                            * scale, scale: scale, coverage: coverage[province][platform],
                        orders: Double(orders[platform][province]) * scale, activeWorkers: Double(active[platform][province]) * scale,
                        newlyInsured: Double(newly[platform][province]) * scale,
                        contributionsYuan: Double(booked[platform][province]) * scale / 100, benchmarkYuanPerOrder: benchmark[platform][province]))
            }
        }
    }
}
