import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// Results read back from a checkpoint or a part are untrusted: the decoder refuses dimensions
/// whose products would overflow (instead of trapping), and a result is used only when its shape
/// is the scenario's (issue 20).
@Suite struct ReplicationResultTrustTests {
    /// The 12 header words of an ISR4 encoding, then a platform count and nothing.
    static func header(months: UInt64, pools: UInt64, sectors: UInt64) -> [UInt8] {
        let words: [UInt64] = [0x3452_5349, 0, months, pools, sectors, 1, 1, 1, 0, 0, 0, 0, 0]
        return words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) } }
    }

    @Test(arguments: [
        (UInt64(1) << 30, UInt64(1) << 30, UInt64(1)), (UInt64(1) << 39, UInt64(1) << 39, UInt64(1) << 39),
        (UInt64(3), UInt64(1) << 35, UInt64(1) << 35)
    ])
    func hugeDimensionsAreRefusedWithoutOverflow(months: UInt64, pools: UInt64, sectors: UInt64) {
        #expect(ReplicationResult(encoded: Self.header(months: months, pools: pools, sectors: sectors)) == nil)
    }

    @Test func aResultIsUsedOnlyWithItsScenariosShape() throws {
        let scenario = TinyScenario.twoRegions()
        let fitting = ReplicationResult(
            replication: 0, months: scenario.months, poolCount: scenario.poolCount, sectorCount: scenario.sectors.count,
            platformCount: scenario.platforms.count)
        #expect(fitting.fits(scenario))
        let shapes = [
            (scenario.months + 1, scenario.poolCount, scenario.sectors.count, scenario.platforms.count),
            (scenario.months, scenario.poolCount + 1, scenario.sectors.count, scenario.platforms.count),
            (scenario.months, scenario.poolCount, scenario.sectors.count + 1, scenario.platforms.count),
            (scenario.months, scenario.poolCount, scenario.sectors.count, scenario.platforms.count + 1)
        ]
        for (months, pools, sectors, platforms) in shapes {
            let other = ReplicationResult(replication: 0, months: months, poolCount: pools, sectorCount: sectors, platformCount: platforms)
            #expect(!other.fits(scenario), "months \(months), pools \(pools), sectors \(sectors), platforms \(platforms)")
        }
    }

    /// A series beyond what the summaries' sums can carry (a forged file whose checksum was made
    /// to match) is not used; a real replication's figures are far below the limit.
    @Test func aSeriesBeyondTheSummableLimitIsNotUsed() throws {
        let scenario = TinyScenario.twoRegions()
        var result = ReplicationResult(
            replication: 0, months: scenario.months, poolCount: scenario.poolCount, sectorCount: scenario.sectors.count,
            platformCount: scenario.platforms.count)
        #expect(result.fits(scenario))
        let series = (result.poolCount + 1) * Metric.allCases.count
        // Two months of one series: within the limit together, then just beyond it.
        let half = Int64(ReplicationResult.seriesLimit / 2)
        result.monthly[3] = half - 1
        result.monthly[3 + series] = -(half - 1)
        #expect(result.fits(scenario))
        result.monthly[3 + series] = -(half + 1024)
        #expect(!result.fits(scenario), "a series summing past the limit")
        result.monthly[3 + series] = 0
        result.incurredBySector[0] = .nan
        #expect(!result.fits(scenario), "a real figure that is not a number")
        result.incurredBySector[0] = 0
        result.ordersBySector[0] = Int64.max
        #expect(!result.fits(scenario), "a count beyond the limit")
    }
}
