import InjurySimAnalysis
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// Shard-then-merge equals one machine's run byte for byte: for N = 1, 2, 3, 7 shards and two
/// seeds, with replication counts that N does not divide (and N = 7 > some shards' share).
@Suite(.serialized) struct ShardMergeTests {
    @Test(arguments: [UInt64(7), 2_026]) func mergedPartsAreByteIdenticalToTheSingleRun(seed: UInt64) async throws {
        let study = ShardStudy(seed: seed, replications: 8)
        let single = try await study.singleRun()
        #expect(
            single.map(\.name) == [
                "summary.json", "monthly.csv", "replications.csv", "platforms.csv", "yearly.csv", "solvency-paths.csv", "manifest.json"
            ])
        for count in [1, 2, 3, 7] {
            let merged = try ShardStudy.merge(try await study.parts(count: count))
            #expect(merged.files.files.map(\.name) == single.map(\.name))
            for (mine, theirs) in zip(merged.files.files, single) {
                #expect(mine.text == theirs.text, "\(mine.name) differs after a \(count)-way split, seed \(seed)")
            }
        }
        // The comparison is not vacuous: another seed gives other results.
        let other = try await ShardStudy(seed: seed + 1, replications: 8).singleRun()
        #expect(other[2].text != single[2].text)
    }

    /// A horizon over two calendar years, the second partly covered: the merged `yearly.csv` is
    /// the single run's, byte for byte, and it has both years.
    @Test func mergedYearlyFiguresOverTwoYearsAreTheSingleRuns() async throws {
        var study = ShardStudy(seed: 5, replications: 4)
        study.sets = ["months=14"]
        let single = try await study.singleRun()
        let merged = try ShardStudy.merge(try await study.parts(count: 2))
        let yearly = try #require(single.first { $0.name == "yearly.csv" }?.text)
        #expect(merged.files.files.first { $0.name == "yearly.csv" }?.text == yearly)
        #expect(yearly.contains("\n2024,12,total,orders,") && yearly.contains("\n2025,2,total,orders,"))
    }

    /// Parts may be given in any order; fewer replications than shards leaves some shards empty.
    @Test func partOrderAndEmptyShardsDoNotMatter() async throws {
        let study = ShardStudy(seed: 11, replications: 3)
        let single = try await study.singleRun()
        let parts = try await study.parts(count: 7)
        let merged = try ShardStudy.merge(parts.reversed())
        for (mine, theirs) in zip(merged.files.files, single) { #expect(mine.text == theirs.text, "\(mine.name)") }
        #expect(parts[5].keys.sorted() == ["manifest.json", "scenario.json"], "shard 6/7 of 3 replications holds none")
    }
}
