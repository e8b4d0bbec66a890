import InjurySimCore
import InjurySimEngine
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis

/// `sobol`'s design as replications: each world draws every input and its chance from the
/// replication the design names, the engine draws what the design says, and worlds A and B of
/// a row are worlds of the plain scenario.
@Suite struct GlobalSensitivityTests {
    /// Which world (0: A = plain replication 2n, 1: B = 2n + 1) an input of group `group` comes
    /// from in column `column` of a design of `groups` groups; `group` nil is chance. Written from
    /// Saltelli's definition of the matrices, not from the design's code.
    static func expectedWorld(column: Int, group: Int?, groups: Int) -> Int {
        switch column {
        case 0: 0
        case 1: 1
        case groups + 2: group == nil ? 1 : 0
        default: group == column - 2 ? 1 : 0
        }
    }

    @Test func everyColumnDrawsFromTheWorldsSaltellisMatricesName() throws {
        let pilot = try TestScenarios.load("pilot-2022.json")
        for grouping in GlobalSensitivity.Grouping.allCases {
            let groups = GlobalSensitivity.groups(pilot, by: grouping)
            let design = GlobalSensitivity.design(pilot, groups: groups, rows: 3)
            #expect(design.replications == 3 * (groups.count + 3))
            let inputs = pilot.uncertainInputs
            let groupOf = inputs.map { input in groups.firstIndex { $0.inputs.contains(input.path) } }
            #expect(groupOf.allSatisfy { $0 != nil }, "every uncertain input is in a group")
            for row in [0, 2] {
                let worlds = [pilot.inputDraws(replication: 2 * row), pilot.inputDraws(replication: 2 * row + 1)]
                #expect(worlds[0] != worlds[1])
                for column in 0..<(groups.count + 3) {
                    let replication = row * (groups.count + 3) + column
                    let draws = design.inputDraws(replication: replication)
                    for (index, input) in inputs.enumerated() {
                        let world = Self.expectedWorld(column: column, group: groupOf[index], groups: groups.count)
                        #expect(draws[index] == worlds[world][index], "\(grouping) row \(row) column \(column) \(input.path)")
                    }
                    // The engine draws what the design records, and its chance is the named world's.
                    var drew: [String: [Double]] = [:]
                    let engine = ReplicationInputs(scenario: design, replication: replication, drew: { drew[$0.text, default: []].append($1) })
                    for (input, x) in zip(inputs, draws) where input.path != "fund.adminCostShare" || pilot.fund.chargeAdminCost {
                        #expect(drew[input.drawnAs ?? input.path]?.contains(x) == true, "\(input.path) column \(column)")
                    }
                    let chance = Self.expectedWorld(column: column, group: nil, groups: groups.count)
                    #expect(engine.key == ReplicationInputs.rootKey(seed: pilot.seed, replication: 2 * row + chance))
                }
            }
        }
    }

    @Test func groupsByFieldGatherLikeFieldsAndStreams() throws {
        let pilot = try TestScenarios.load("pilot-2022.json")
        let byInput = GlobalSensitivity.groups(pilot, by: .input)
        let byKey = GlobalSensitivity.groups(pilot, by: .key)
        let streams = Set(pilot.inputs.filter { !$0.param.isFixed }.map { pilot.streamPath($0.path).streamName })
        // One group per stream: a sector drawn as another joins that sector's input.
        #expect(byInput.count == streams.count)
        #expect(byInput.flatMap(\.inputs).count == pilot.uncertainInputs.count)
        #expect(byKey.count < byInput.count)
        #expect(Set(byKey.flatMap(\.inputs)) == Set(pilot.uncertainInputs.map(\.path)))
        // No stream in two groups, and every group by field holds one field of one kind of object.
        for (i, a) in byKey.enumerated() {
            for b in byKey[(i + 1)...] { #expect(a.streams.isDisjoint(with: b.streams), "\(a.name) and \(b.name)") }
        }
        let claims = try #require(byKey.first { $0.name == "sectors.*.claimsPerMillionOrders" })
        #expect(claims.inputs.count > 1 && claims.inputs.allSatisfy { $0.hasPrefix("sectors.") && $0.hasSuffix(".claimsPerMillionOrders") })
        #expect(GlobalSensitivity.groupName(InputPath(.sector("food-delivery"), "severity", member: "grade1")) == "sectors.*.severity")
        #expect(GlobalSensitivity.groupName(InputPath(.basis, "wageGrowthPerYear")) == "basis.wageGrowthPerYear")
    }

    /// Worlds A and B of each row are replications 2n and 2n + 1 of the plain scenario, figure for
    /// figure; the chance column has A's inputs but not A's figures.
    @Test func worldsAAndBAreTheScenariosOwnWorlds() async throws {
        var smoke = try TestScenarios.load("smoke.json")
        smoke.months = 3
        let groups = GlobalSensitivity.groups(smoke, by: .key)
        let design = GlobalSensitivity.design(smoke, groups: groups, rows: 2)
        let designed = await MonteCarloRunner.run(scenario: design, replications: 0..<design.replications, threads: 2)
        let plain = await MonteCarloRunner.run(scenario: smoke, replications: 0..<4, threads: 2)
        let columns = groups.count + 3
        for row in 0..<2 {
            for world in 0..<2 {
                let a = ReplicationMetrics(designed[row * columns + world], scenario: design)
                let b = ReplicationMetrics(plain[2 * row + world], scenario: smoke)
                #expect(a.netPositionByMonth == b.netPositionByMonth && a.benefitsPaid == b.benefitsPaid && a.contributions == b.contributions)
            }
            let chance = ReplicationMetrics(designed[row * columns + columns - 1], scenario: design)
            #expect(chance.benefitsPaid != ReplicationMetrics(plain[2 * row], scenario: smoke).benefitsPaid)
        }
    }

    /// A simulator's figure as f = 2u₀ + u₁ + ε, its chance ε normal with sd ½, and a third input
    /// u₂ it does not read: A and A_B^(i) share A's chance, B and the chance column have B's.
    /// V = 4/12 + 1/12 + 1/4, so the exact indices are ½, ⅛, 0 and ⅜ (chance), first-order and
    /// total alike (no interactions). f(A_B^(2)) is f(A) exactly, so Saltelli's first-order
    /// estimator gives u₂ exactly 0, where Jansen's first-order form, V − ½ mean((f(B) −
    /// f(A_B^(i)))²), gives it the sampling error of a difference of two variances.
    @Test func firstOrderIndicesUnderAWorldsChance() throws {
        let key = StreamKey(seed: 5)
        let n = 20_000
        func u(_ row: Int, _ k: Int) -> Double { key.child(UInt64(row)).uniform(UInt64(k)) }
        func noise(_ row: Int, _ world: UInt64) -> Double { 0.5 * Sample.inverseNormalCDF(key.child(UInt64(row)).uniform(10 + world)) }
        func g(_ x0: Double, _ x1: Double) -> Double { 2 * x0 + x1 }
        let a = (0..<n).map { g(u($0, 0), u($0, 1)) + noise($0, 0) }
        let b = (0..<n).map { g(u($0, 2), u($0, 3)) + noise($0, 1) }
        let ab = [
            (0..<n).map { g(u($0, 2), u($0, 1)) + noise($0, 0) }, (0..<n).map { g(u($0, 0), u($0, 3)) + noise($0, 0) }, a,
            (0..<n).map { g(u($0, 0), u($0, 1)) + noise($0, 1) }
        ]
        let indices = SobolIndices(a: a, b: b, ab: ab, bootstrap: key.child(named: "bootstrap"), resamples: 50)
        for (index, exact) in zip(indices.firstOrder, [0.5, 0.125, 0, 0.375]) { #expect(abs(index.estimate - exact) < 0.02, "\(index) vs \(exact)") }
        for (index, exact) in zip(indices.total, [0.5, 0.125, 0, 0.375]) { #expect(abs(index.estimate - exact) < 0.02, "\(index) vs \(exact)") }
        let unread = indices.firstOrder[2]
        #expect(unread.estimate == 0 && unread.low95 == 0 && unread.high95 == 0, "\(unread)")
        #expect(indices.total[2].estimate == 0)
    }
}
