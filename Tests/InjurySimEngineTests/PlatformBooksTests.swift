import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// The books per platform (`PlatformBooks`, through `MonthRecorder`) and persons, not slots:
/// a person on two platforms counts once on each platform's books and once, as two halves, in a
/// pool's totals; a claim's fund payments land on its platform by item in the month they fall
/// due; amounts from a sampled pool are scaled to the full population as they arrive; what a
/// phase hands the next is shifted to the next phase's months and platforms.
@Suite struct PlatformBooksTests {
    static func exposure(platform: Int = 0, orders: Int64 = 0, insured: Int64, shared: Int64, active: Int64 = 0, activeShared: Int64 = 0)
        -> SegmentTotals
    {
        var t = SegmentTotals(platform: platform)
        t.orders = orders
        t.newlyInsured = insured
        t.newlyInsuredShared = shared
        t.activeWorkers = active
        t.activeShared = activeShared
        return t
    }

    /// (slots insured, of them on two platforms) → persons in the pool's total (halves rounded up).
    @Test(
        arguments: [
            (4, 0, 4), (4, 2, 3), (4, 4, 2), (3, 1, 3), (1, 1, 1), (0, 0, 0)
        ] as [(Int64, Int64, Int64)])
    func aPersonOnTwoPlatformsIsOnePerson(slots: Int64, shared: Int64, persons: Int64) {
        var s = TinyScenario.make(months: 1)
        s.sampleFraction = 1
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        r.recordExposure(Self.exposure(insured: slots, shared: shared, active: slots, activeShared: shared), month: 0, pool: 0)
        r.closeExposure(month: 0)
        let out = r.finished(sampleFractions: [1])
        #expect(out.value(month: 0, pool: 0, metric: .insuredPersons) == persons)
        #expect(out.value(month: 0, pool: 0, metric: .activeWorkers) == persons)
        // The platform's own books count every person working for it.
        #expect(out.value(month: 0, platform: 0, metric: .insuredPersons) == slots)
        #expect(out.value(month: 0, platform: 0, metric: .insuredShared) == shared)
        #expect(out.value(month: 0, platform: 0, metric: .activePersons) == slots)
    }

    @Test(arguments: SeverityGroup.allCases)
    func eachSeverityHasTheSameClaimsMetricOnThePlatformsAsInThePools(group: SeverityGroup) {
        #expect(PlatformMetric.claims(of: group).key == Metric.claims(of: group).key)
    }

    @Test func fundPaymentsLandOnThePlatformByItemWhenTheyFallDue() {
        var s = TinyScenario.make(months: 4)
        s.sampleFraction = 1
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        let payments = [
            Payment(month: 1, amount: 100, item: .medical), Payment(month: 2, amount: 50, item: .funeralGrant),
            Payment(month: 2, amount: 7, item: .medical), Payment(month: 6, amount: 1_000, item: .dependantsPension)
        ]
        r.recordAccident(platform: 0, month: 0, pool: 0, incurred: 900)
        r.closeExposure(month: 0)
        r.recordReported(
            ClaimPipeline.Claim(
                pool: 0, province: 0, platform: 0, severity: .death, recognised: true, fundPayments: payments, platformPaid: 30,
                accidentMonth: 0, presentValueAtAccident: 900), month: 0, monthlyDiscount: 1)
        // Unrecognised claims add nothing to the books but are not lost from the pool's count.
        r.recordReported(
            ClaimPipeline.Claim(
                pool: 0, province: 0, platform: 0, severity: .medicalOnly, recognised: false, fundPayments: [], platformPaid: 0,
                accidentMonth: 0, presentValueAtAccident: 0), month: 0, monthlyDiscount: 1)
        for month in 1..<4 { r.closeExposure(month: month) }
        let out = r.finished(sampleFractions: [1])
        func v(_ month: Int, _ metric: PlatformMetric) -> Int64 { out.value(month: month, platform: 0, metric: metric) }
        #expect(v(0, .accidents) == 1 && v(0, .incurred) == 900)
        #expect(v(0, .claimsRecognised) == 1 && v(0, .claimsDeath) == 1 && v(0, .claimsMedicalOnly) == 0)
        #expect(v(0, .platformPaid) == 30)
        #expect([0, 1, 2, 3].map { v($0, .medical) } == [0, 100, 7, 0])
        #expect([0, 1, 2, 3].map { v($0, .funeralGrant) } == [0, 0, 50, 0])
        #expect([0, 1, 2, 3].map { v($0, .benefitsDue) } == [0, 100, 57, 0])
        // The pension after the horizon is still owed: the next phase (2 months later here as
        // the horizon is 4) opens with it at its month 6 − 4 = 2.
        let next = r.carried(pools: 1, poolOf: [0], rescale: [1], platforms: 2, platformOf: [1])
        let items = BenefitItem.allCases.count
        let pension = BenefitItem.allCases.firstIndex(of: .dependantsPension)!
        #expect(next.books.due[1][2 * items + pension] == 1_000)
        #expect(next.books.due[0].isEmpty)
        #expect(next.books.flows[1 * PlatformMetric.allCases.count + PlatformMetric.benefitsDue.rawValue] == 157)
        #expect(next.books.flows[1 * PlatformMetric.allCases.count + PlatformMetric.claimsRecognised.rawValue] == 1)
        #expect(next.recognised == [1])
    }

    @Test func aSampledPoolIsScaledAsItsAmountsArrive() {
        var s = TinyScenario.twoRegions()
        s.months = 1
        s.sampleFraction = 0.5
        s.minimumSampledWorkersPerPool = 0
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        r.recordExposure(Self.exposure(orders: 10, insured: 3, shared: 0), month: 0, pool: 0)
        r.recordExposure(Self.exposure(orders: 1, insured: 1, shared: 1), month: 0, pool: 1)
        r.recordContributions(platform: 0, booked: 700, paid: 0, month: 0, pool: 1)
        r.closeExposure(month: 0)
        let out = r.finished(sampleFractions: s.poolSampleFractions)
        #expect(out.value(month: 0, platform: 0, metric: .orders) == 22)
        #expect(out.value(month: 0, platform: 0, metric: .insuredPersons) == 8)
        #expect(out.value(month: 0, platform: 0, metric: .insuredShared) == 2)
        #expect(out.value(month: 0, platform: 0, metric: .contributionsBooked) == 1_400)
        // The pools' totals: 3 persons → 6; one half person → 1 (rounded up), scaled → 2.
        #expect(out.value(month: 0, pool: 2, metric: .insuredPersons) == 8)
    }
}
