import InjurySimBench
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimEngine

@Suite struct ConservationTests {
    /// In every replication, month and pool: contributions − administration + investment −
    /// benefits paid + borrowing − repayment = the change in cash, to the fen.
    @Test(arguments: [Scenario.Shortfall.borrow, .defer])
    func moneyIsConservedToTheFen(policy: Scenario.Shortfall) async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.fund.shortfall = policy
        scenario.replications = 4
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<4, threads: 2)
        var checked = 0
        var sawShortfall = false
        for result in results {
            for pool in 0...result.poolCount {
                var cash: Int64 =
                    pool == result.poolCount
                    ? scenario.provinces.reduce(0) { $0 + Money.fen(yuan: $1.initialBalanceYuan * scenario.sampleFraction) }
                    : Money.fen(yuan: scenario.provinces[pool].initialBalanceYuan * scenario.sampleFraction)
                for month in 0..<result.months {
                    func v(_ metric: Metric) -> Int64 { result.value(month: month, pool: pool, metric: metric) }
                    let flow = v(.contributions) - v(.adminCost) + v(.investment) - v(.benefitsPaid) + v(.borrowed) - v(.repaid)
                    #expect(v(.cash) - cash == flow, "replication \(result.replication) pool \(pool) month \(month)")
                    #expect(v(.cash) >= 0)
                    #expect(v(.netPosition) == v(.cash) - v(.debt) - v(.arrears))
                    if v(.borrowed) > 0 || v(.arrears) > 0 { sawShortfall = true }
                    cash = v(.cash)
                    checked += 1
                }
            }
        }
        #expect(checked == 4 * 3 * scenario.months)
        #expect(sawShortfall, "the smoke scenario should exercise the shortfall policy")
    }
}

@Suite struct CityPoolingTests {
    /// Cities that name their province as their pool share one fund; money is still conserved.
    @Test func citiesShareTheirProvincesFund() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.replications = 2
        var city = scenario.provinces[1]
        city.name = "south-city"
        city.pool = "south"
        city.initialBalanceYuan = 50_000
        scenario.provinces.append(city)
        #expect(scenario.poolNames == ["north", "south"])
        #expect(scenario.poolOfProvince == [0, 1, 1])
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<2, threads: 2)
        for result in results {
            #expect(result.poolCount == 2)
            var cash: Int64 = Money.fen(yuan: 150_000)
            for month in 0..<result.months {
                func v(_ metric: Metric) -> Int64 { result.value(month: month, pool: 1, metric: metric) }
                #expect(v(.cash) - cash == v(.contributions) - v(.adminCost) + v(.investment) - v(.benefitsPaid) + v(.borrowed) - v(.repaid))
                cash = v(.cash)
            }
        }
        scenario.pooling = .national
        #expect(scenario.poolNames == ["national"] && scenario.poolOfProvince == [0, 0, 0])
    }
}

@Suite struct SamplingTests {
    /// Small pools are sampled at a higher fraction; each pool is scaled back by its own.
    @Test func smallPoolsAreSampledMoreAndScaledByTheirOwnFraction() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.sampleFraction = 0.1
        scenario.minimumSampledWorkersPerPool = 1_000
        scenario.replications = 3
        // north has 2,500 slots (0.1 → 250 < 1,000, raised to 0.4); south has 3,800 (0.1 → 380, raised to 1,000 / 3,800).
        let fractions = scenario.poolSampleFractions
        #expect(abs(fractions[0] - 0.4) < 1e-12)
        #expect(abs(fractions[1] - 1_000.0 / 3_800) < 1e-12)
        let slots = PopulationPlan.slotCounts(scenario)
        #expect(slots[0].reduce(0, +) == 1_000)
        #expect(abs(slots[1].reduce(0, +) - 1_000) <= 2)
        let sampled = await MonteCarloRunner.run(scenario: scenario, replications: 0..<3, threads: 2)
        scenario.sampleFraction = 1
        let full = await MonteCarloRunner.run(scenario: scenario, replications: 0..<3, threads: 2)
        // Scaled orders land near the full population's (orders are nearly deterministic).
        for pool in 0..<2 {
            let a = Double((0..<12).reduce(Int64(0)) { $0 + sampled[0].value(month: $1, pool: pool, metric: .orders) })
            let b = Double((0..<12).reduce(Int64(0)) { $0 + full[0].value(month: $1, pool: pool, metric: .orders) })
            #expect(abs(a / b - 1) < 0.05, "pool \(pool): \(a) vs \(b)")
        }
        // The total row is the sum of the scaled pools.
        for month in 0..<12 {
            let sum = sampled[1].value(month: month, pool: 0, metric: .benefitsPaid) + sampled[1].value(month: month, pool: 1, metric: .benefitsPaid)
            #expect(sampled[1].value(month: month, pool: 2, metric: .benefitsPaid) == sum)
        }
    }
}

@Suite struct ThroughputCountTests {
    /// Throughput counts simulated work: on a sample, accidents are not the scaled-up figure.
    @Test func countsSimulatedAccidentsNotScaledOnes() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.sampleFraction = 0.25
        scenario.minimumSampledWorkersPerPool = 0
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<2, threads: 2)
        let count = ThroughputCount.of(results, workers: 0)
        let scaled = results.reduce(Int64(0)) { $0 + $1.total(.accidents, pool: $1.poolCount) }
        #expect(count.accidents > 0)
        #expect(abs(Double(scaled) / Double(count.accidents) - 4) < 0.05)
    }
}
