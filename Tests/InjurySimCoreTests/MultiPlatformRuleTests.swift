import Testing

@testable import InjurySimCore

/// Persons, not slots: when first insured, a person is drawn as working for another platform
/// too with the sector's share; the shard counts them apart (newly insured and active), so the
/// books can count them once. The draw changes nothing else the worker does.
@Suite struct MultiPlatformRuleTests {
    static func run(share: Double) -> (ShardMonthResult, ShardState) {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 2_000, seed: 11, hire: hire)
        let month = ShardFixture.month(hire: hire, fullTime: 0.5, dailyHazard: 0.01, multiPlatformShare: share)
        let result = shard.step(month: 0, firstDay: 0, dayCount: 30, contexts: [month])
        return (result, shard)
    }

    @Test(arguments: [0.0, 0.25, 0.5, 1.0])
    func theShareOfPersonsOnTwoPlatformsIsTheSectorsShare(share: Double) {
        let (result, _) = Self.run(share: share)
        let t = result.segments[0]
        #expect(t.newlyInsured == 2_000 && t.activeWorkers == 2_000)
        // Binomial(2000, share): within 4.5 standard deviations (exact at 0 and 1).
        let sd = (2_000 * share * (1 - share)).squareRoot()
        #expect(abs(Double(t.newlyInsuredShared) - 2_000 * share) <= 4.5 * sd)
        #expect(t.activeShared == t.newlyInsuredShared)
    }

    @Test func theDrawChangesNothingElse() {
        let (plain, plainShard) = Self.run(share: 0)
        let (shared, sharedShard) = Self.run(share: 0.5)
        var a = plain.segments[0]
        var b = shared.segments[0]
        (a.newlyInsuredShared, a.activeShared, b.newlyInsuredShared, b.activeShared) = (0, 0, 0, 0)
        #expect(a == b)
        #expect(plain.accidents.map(\.day) == shared.accidents.map(\.day))
        #expect(plainShard.workers.map(\.clock) == sharedShard.workers.map(\.clock))
    }
}
