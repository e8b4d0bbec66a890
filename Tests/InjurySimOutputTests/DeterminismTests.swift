import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine
@testable import InjurySimOutput
@testable import InjurySimScenario

@Suite struct DeterminismTests {
    static func files(_ scenario: Scenario, threads: Int) async -> [String: String] {
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: threads)
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(scenario: scenario, scenarioFile: "smoke.json", contentHash: "x", results: results, summary: summary)
        return Dictionary(uniqueKeysWithValues: files.files.map { ($0.name, $0.text) })
    }

    /// Same scenario and seed ⇒ byte-identical result files on 1, 2 and 3 threads.
    @Test func resultFilesAreIdenticalAcrossThreadCounts() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.replications = 5
        #expect(scenario.provinces.count >= 2)
        let one = await Self.files(scenario, threads: 1)
        let two = await Self.files(scenario, threads: 2)
        let three = await Self.files(scenario, threads: 3)
        #expect(
            one.keys.sorted() == [
                "manifest.json", "monthly.csv", "platforms.csv", "replications.csv", "solvency-paths.csv", "summary.json", "yearly.csv"
            ])
        for name in one.keys.sorted() {
            #expect(one[name] == two[name], "\(name) differs between 1 and 2 threads")
            #expect(one[name] == three[name], "\(name) differs between 1 and 3 threads")
        }
        // A different seed gives different results (the comparison above is not vacuous).
        scenario.seed += 1
        let other = await Self.files(scenario, threads: 2)
        #expect(other["replications.csv"] != one["replications.csv"])
    }

    /// Any shard size gives the same bits: every draw is keyed by entity (slot, person, order
    /// block), never by shard, and shards are cut between order blocks.
    @Test(arguments: [256, 700, 2048])
    func resultFilesAreIdenticalAcrossShardSizes(shardSize: Int) async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.replications = 3
        scenario.shardSize = 1 << 20
        #expect(PopulationPlan.shards(scenario).count == 2, "one shard per province")
        let reference = await Self.files(scenario, threads: 2)
        scenario.shardSize = shardSize
        #expect(PopulationPlan.shards(scenario).count > 2)
        let cut = await Self.files(scenario, threads: 2)
        for name in reference.keys.sorted() { #expect(reference[name] == cut[name], "\(name) differs with shardSize \(shardSize)") }
    }

    /// Shards hold whole order blocks of a platform's slots, never more than shardSize slots, and
    /// every slot exactly once.
    @Test(arguments: [256, 300, 513, 4096])
    func shardsAreCutBetweenOrderBlocks(shardSize: Int) throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.shardSize = shardSize
        let counts = PopulationPlan.slotCounts(scenario)
        var seen = [[Int]](repeating: [], count: scenario.platforms.count)
        for shard in PopulationPlan.shards(scenario) {
            #expect(shard.workerCount <= shardSize)
            for segment in shard.segments {
                let end = segment.firstSlot + segment.range.count
                #expect(segment.firstSlot % ShardState.orderBlockSize == 0)
                #expect(end % ShardState.orderBlockSize == 0 || end == counts[shard.province][segment.platform])
                if shard.province == 0 { seen[segment.platform].append(contentsOf: segment.firstSlot..<end) }
            }
        }
        for platform in scenario.platforms.indices { #expect(seen[platform] == Array(0..<counts[0][platform])) }
    }

    /// Replication r does not depend on which other replications run with it.
    @Test func replicationsAreIndependentOfTheirBatch() async throws {
        let scenario = try TestScenarios.load("smoke.json")
        let all = await MonteCarloRunner.run(scenario: scenario, replications: 0..<4, threads: 2)
        let alone = await MonteCarloRunner.run(scenario: scenario, replications: 3..<4, threads: 1)
        #expect(all[3].monthly == alone[0].monthly)
    }

    /// Common random numbers: two scenarios that differ only in a rate see the same accidents.
    @Test func commonRandomNumbersAcrossScenarios() async throws {
        let base = try TestScenarios.load("smoke.json")
        var dearer = base
        dearer.platforms[0].ratePerOrderYuan = .fixed(0.25)
        let a = await MonteCarloRunner.run(scenario: base, replications: 0..<2, threads: 2)
        let b = await MonteCarloRunner.run(scenario: dearer, replications: 0..<2, threads: 2)
        for r in 0..<2 {
            for month in 0..<base.months {
                for metric in [Metric.accidents, .claimsRecognised, .orders, .claimsDeath] {
                    #expect(a[r].value(month: month, pool: 2, metric: metric) == b[r].value(month: month, pool: 2, metric: metric))
                }
            }
            let contributionsA = (0..<base.months).reduce(Int64(0)) { $0 + a[r].value(month: $1, pool: 2, metric: .contributions) }
            let contributionsB = (0..<base.months).reduce(Int64(0)) { $0 + b[r].value(month: $1, pool: 2, metric: .contributions) }
            #expect(contributionsB > contributionsA)
        }
    }
}
