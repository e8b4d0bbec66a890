import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// The two figures a replication keeps for the financing methods: its discount rate (the
/// economic basis's) and each pool's opening reserve — the net position before the first month,
/// the provinces' initial balances at full scale, or what an earlier phase of a chain handed
/// over — and their bytes in a checkpoint or a part.
@Suite struct ReplicationResultFinancingTests {
    /// Two regions, each its own pool, with different initial balances and a stated discount.
    static func scenario(sampleFraction: Double = 1) -> Scenario {
        var s = TinyScenario.twoRegions()
        s.months = 3
        s.provinces[0].initialBalanceYuan = 12_345.67
        s.provinces[1].initialBalanceYuan = 1_000
        s.basis.discountRatePerYear = 0.0275
        s.sampleFraction = sampleFraction
        return s
    }

    @Test func aStandaloneRunOpensWithTheInitialBalances() async {
        let s = Self.scenario()
        let result = await ReplicationCoordinator(scenario: s).run(replication: 1)
        #expect(result.openingReserve == [1_234_567, 100_000, 1_334_567])
        #expect(result.discountRatePerYear == ReplicationInputs(scenario: s, replication: 1).discountRatePerYear)
        #expect(result.discountRatePerYear == 0.0275)
    }

    /// With a sample the fund opens with the sampled share of the balance, scaled back up as
    /// the months are (to within the rounding of one figure).
    @Test func aSampledRunScalesTheOpeningReserveLikeTheMonths() async {
        let s = Self.scenario(sampleFraction: 0.5)
        let result = await ReplicationCoordinator(scenario: s).run(replication: 0)
        #expect(abs(result.openingReserve[0] - 1_234_567) <= 2 && abs(result.openingReserve[1] - 100_000) <= 2)
        #expect(result.openingReserve[2] == result.openingReserve[0] + result.openingReserve[1])
    }

    /// A continuing phase opens with the earlier phase's end net position (its cash carried; a
    /// province new in the later phase with its initial balance), not the later file's balance.
    @Test func aContinuingPhaseOpensWithWhatTheEarlierPhaseHandedOver() async {
        let (_, later) = PhaseChainTests.chain(secondRegion: true)
        let first = await PhaseChainTests.run(later.phasesToRun[0])
        let second = await PhaseChainTests.run(later)
        #expect(first.last(.netPosition, pool: 0) != 100_000)
        #expect(second.openingReserve == [first.last(.netPosition, pool: 0), 100_000, first.last(.netPosition, pool: 0) + 100_000])
    }

    /// Both figures survive the bytes bit for bit, change them, and their words are counted:
    /// one word fewer is refused.
    @Test func theFiguresRoundTripInTheBytes() throws {
        var result = ReplicationResult(replication: 4, months: 2, poolCount: 2, sectorCount: 1, platformCount: 1)
        result.monthly[5] = 77
        let plain = result.encoded()
        result.discountRatePerYear = 0.031_415
        result.openingReserve = [-5, 1 << 40, (1 << 40) - 5]
        let bytes = result.encoded()
        #expect(bytes != plain && bytes.count == plain.count)
        #expect(bytes.count == ReplicationResult.encodedSize(months: 2, poolCount: 2, sectorCount: 1, platformCount: 1))
        let back = try #require(ReplicationResult(encoded: bytes))
        #expect(back.discountRatePerYear.bitPattern == result.discountRatePerYear.bitPattern)
        #expect(back.openingReserve == result.openingReserve)
        #expect(back.monthly == result.monthly && back.encoded() == bytes)
        #expect(ReplicationResult(encoded: Array(bytes.dropLast(8))) == nil)
        #expect(ReplicationResult(encoded: bytes + [UInt8](repeating: 0, count: 8)) == nil)
    }

    /// A result whose opening reserve or discount no run produces is not used.
    @Test func anOutOfRangeOpeningReserveOrDiscountIsNotUsed() {
        var result = ReplicationResult(replication: 0, months: 1, poolCount: 1, sectorCount: 1)
        #expect(result.isSummable)
        result.openingReserve[0] = Int64.max
        #expect(!result.isSummable)
        result.openingReserve[0] = 0
        result.discountRatePerYear = .nan
        #expect(!result.isSummable)
        result.discountRatePerYear = -1
        #expect(!result.isSummable)
    }
}
