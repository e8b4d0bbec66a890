import InjurySimCore

/// The multipliers of the scenario's shocks in one replication: which shocks are active in a
/// month (drawn once per replication) and whom they touch (provinces, platforms, sectors).
package struct ShockMultipliers: Sendable {
    package let scenario: Scenario
    package let inputs: ReplicationInputs
    private let poolOf: [Int]

    package init(scenario: Scenario, inputs: ReplicationInputs) {
        self.scenario = scenario
        self.inputs = inputs
        self.poolOf = scenario.poolOfProvince
    }

    /// The product of one multiplier over the shocks active in this month and place.
    package func product(month: Int, province: Int, platform: Int, _ field: KeyPath<ReplicationInputs.Shock, Double>) -> Double {
        var product = 1.0
        let sector = scenario.platforms[platform].sector
        for (index, shock) in scenario.shocks.enumerated()
        where inputs.shocks[index].active[month] && shock.matches(province: province, platform: platform, sector: sector) {
            product *= inputs.shocks[index][keyPath: field]
        }
        return product
    }

    /// The investment-return multiplier of the shocks active for a pool: a shock limited to
    /// provinces touches a provincial pool that serves one of them, and never the national pool.
    package func investment(month: Int, pool: Int) -> Double {
        var product = 1.0
        for (index, shock) in scenario.shocks.enumerated() where inputs.shocks[index].active[month] {
            let touches =
                shock.provinces.map { provinces in
                    scenario.pooling == .province ? provinces.contains { poolOf[$0] == pool } : false
                } ?? true
            if touches { product *= inputs.shocks[index].investmentReturn }
        }
        return product
    }
}
