import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// Phases that carry over (`continues`): replication r of a later phase starts from replication
/// r's end of the earlier one. Its funds, scheduled payments, claims still unreported, persons
/// already insured and workers carry over; new provinces start fresh; the chain is
/// deterministic, and a change to the later phase leaves the earlier one's worlds as they were.
@Suite struct PhaseChainTests {
    /// 6 months of claims with late reports and late payments, then 6 months with none.
    static func chain(laterRate: Double = 0.07, secondRegion: Bool = false) -> (earlier: Scenario, later: Scenario) {
        var earlier = TinyScenario.make(workers: 300, months: 6, claimsPerMillion: 2_000)
        earlier.name = "earlier"
        earlier.benefits.reportingDelayDays = .fixed(45)
        earlier.benefits.medicalLagMonths = 4
        var later = secondRegion ? TinyScenario.twoRegions() : TinyScenario.make(workers: 300, claimsPerMillion: 2_000)
        for p in later.provinces.indices { later.provinces[p].workers = [300] }
        later.name = "later"
        later.startMonth = TinyScenario.start.adding(months: 6)
        later.months = 6
        later.seed = 4_242
        later.sectors[0].claimsPerMillionOrders = .fixed(0)
        later.platforms[0].ratePerOrderYuan = .fixed(laterRate)
        // A continuing province brings its balance; only a new one opens with initialBalanceYuan.
        for p in later.provinces.indices { later.provinces[p].initialBalanceYuan = 1_000 }
        // Hires aged 18–19: nobody reaches retirement, so with no churn the persons insured are
        // the slots' first holders.
        earlier.sectors[0].ageBands = [1, 0, 0, 0, 0]
        later.sectors[0].ageBands = [1, 0, 0, 0, 0]
        later.earlierPhases = [earlier]
        return (earlier, later)
    }

    static func run(_ s: Scenario, replication: Int = 0) async -> ReplicationResult {
        await ReplicationCoordinator(scenario: s).run(replication: replication)
    }

    @Test func theEarlierPhasesBooksCarryOver() async {
        let (_, later) = Self.chain()
        // The earlier phase as the chain runs it (at the chain's seed and scale).
        let first = await Self.run(later.phasesToRun[0])
        let second = await Self.run(later)
        let fresh = await Self.run(
            {
                var s = later; s.earlierPhases = []; return s
            }())
        let total = first.poolCount
        func end(_ m: Metric) -> Int64 { first.last(m, pool: total) }
        // Persons and recognised claims run on from the earlier phase's totals; a fresh start
        // would count every worker again as newly insured.
        #expect(second.value(month: 0, pool: total, metric: .insuredPersons) == end(.insuredPersons))
        #expect(fresh.value(month: 0, pool: total, metric: .insuredPersons) == 300)
        #expect(end(.insuredPersons) == 300)
        #expect(second.value(month: 0, pool: total, metric: .claimsRecognisedCumulative) >= end(.claimsRecognisedCumulative))
        // No accident in the later phase, yet the earlier phase's claims are still reported and paid.
        #expect(second.total(.accidents, pool: total) == 0)
        #expect(second.total(.claimsRecognised, pool: total) > 0)
        #expect(second.total(.benefitsPaid, pool: total) > 0)
        #expect(fresh.total(.benefitsPaid, pool: total) == 0)
        #expect(
            second.value(month: 5, pool: total, metric: .benefitsPaidCumulative) == end(.benefitsPaidCumulative)
                + second.total(.benefitsPaid, pool: total))
        // The platform paid last month's contributions in the later phase's first month.
        #expect(second.value(month: 0, pool: total, metric: .contributions) == end(.contributionsBooked))
        // Cash carries over: the first month's cash is the earlier end's plus the month's flows.
        let m0 = { (m: Metric) in second.value(month: 0, pool: total, metric: m) }
        #expect(m0(.cash) == end(.cash) + m0(.contributions) - m0(.adminCost) + m0(.investment) - m0(.benefitsPaid) + m0(.borrowed) - m0(.repaid))
        // The platform books count since the first phase.
        let claims = PlatformMetric.claimsRecognised
        #expect(second.opening(platform: 0, metric: claims) == (0..<6).reduce(0) { $0 + first.value(month: $1, platform: 0, metric: claims) })
    }

    @Test func theChainIsDeterministicAndTheEarlierWorldsDoNotDependOnTheLaterPhase() async {
        let (_, later) = Self.chain()
        let (_, dearer) = Self.chain(laterRate: 0.2)
        for replication in 0..<2 {
            let a = await Self.run(later, replication: replication)
            let b = await Self.run(later, replication: replication)
            #expect(a.monthly == b.monthly && a.platformMonthly == b.platformMonthly && a.platformOpening == b.platformOpening)
            // Common random numbers: the same workers, claims and payments; only the rate differs.
            let c = await Self.run(dearer, replication: replication)
            for metric in [Metric.orders, .insuredPersons, .claimsRecognised, .benefitsPaid, .activeWorkers] {
                #expect(a.series(metric, pool: a.poolCount) == c.series(metric, pool: c.poolCount))
            }
            #expect(a.series(.contributionsBooked, pool: 1) != c.series(.contributionsBooked, pool: 1))
        }
    }

    @Test func aProvinceNewInTheLaterPhaseStartsFresh() async {
        let (_, later) = Self.chain(secondRegion: true)
        let result = await Self.run(later)
        // The carried region's persons were all insured before; the new region's 300 are new.
        let perPool = (0..<2).map { result.value(month: 0, pool: $0, metric: .insuredPersons) }
        #expect(perPool == [300, 300])
        #expect(result.total(.benefitsPaid, pool: 1) == 0)
        #expect(result.total(.benefitsPaid, pool: 0) > 0)
        // The new region's fund opens with its initial balance (¥1,000) and this month's flows.
        let m0 = { (m: Metric) in result.value(month: 0, pool: 1, metric: m) }
        #expect(m0(.cash) == 100_000 + m0(.contributions) - m0(.benefitsPaid) + m0(.borrowed) - m0(.repaid))
    }

    @Test func theEarlierPhaseRunsUpToTheLaterStartAtTheLaterScale() {
        var (earlier, later) = Self.chain()
        earlier.months = 24
        earlier.sampleFraction = 0.5
        later.earlierPhases = [earlier]
        later.sampleFraction = 0.25
        later.uncertainty = true
        let phases = later.phasesToRun
        #expect(phases.count == 1)
        #expect(phases[0].months == 6 && phases[0].sampleFraction == 0.25 && phases[0].uncertainty)
        #expect(phases[0].seed == later.seed && earlier.seed != later.seed, "one seed for the chain")
    }
}
