import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// The rate rules in the month loop: the tier rule (`rateTiers`) puts a later phase's platforms
/// on the rates their paid ratios in the earlier phase call for, only in the listed sectors and
/// only from its month; a province floats from its first review (`rateFloat.firstReview`).
///
/// Paid ratios are measured independently of the ledger, from the earlier phase's platform books:
/// the fund's benefits that fell due ÷ contributions paid, month by month, over the window.
@Suite struct RateTierEngineTests {
    static let tiers = RateTierRule(
        month: nil, windowFrom: TinyScenario.start, windowTo: TinyScenario.start.adding(months: 11), sectors: [0], lowYuanPerOrder: 0.07,
        highYuanPerOrder: 0.25, paidRatioThreshold: .fixed(0))

    /// One province, sector 0 with two platforms (q four times as risky as p), sector 1 with one
    /// (r, not listed by the rule); medical-only claims paid the month after their report (the
    /// platform books record payments after the report month).
    static func world(months: Int, rate: Double = 0.05) -> Scenario {
        var s = TinyScenario.make(workers: 400, months: months, claimsPerMillion: 150, ratePerOrderYuan: rate)
        s.platforms[0].name = "p"
        s.platforms[0].shareOfSector = 0.5
        s.platforms.append(Scenario.Platform(name: "q", sector: 0, ratePerOrderYuan: .fixed(rate), shareOfSector: 0.5, riskMultiplier: .fixed(4)))
        var other = s.sectors[0]
        other.name = "other"
        s.sectors.append(other)
        s.platforms.append(Scenario.Platform(name: "r", sector: 1, ratePerOrderYuan: .fixed(0.03), shareOfSector: 1, riskMultiplier: .fixed(4)))
        s.provinces[0].workers = [400, 200]
        s.benefits.medicalLagMonths = 1
        return s
    }

    /// The earlier phase (12 months from January 2024) and a later one (6 months) that holds the
    /// tier rule with `threshold`, over the earlier phase's `window` months.
    static func chain(threshold: Double, window: Range<Int> = 0..<12) -> Scenario {
        let earlier = world(months: 12)
        var later = world(months: 6, rate: 0.10)
        later.startMonth = TinyScenario.start.adding(months: 12)
        var rule = tiers
        rule.windowFrom = TinyScenario.start.adding(months: window.lowerBound)
        rule.windowTo = TinyScenario.start.adding(months: window.upperBound - 1)
        rule.paidRatioThreshold = .fixed(threshold)
        later.rateTiers = rule
        later.earlierPhases = [earlier]
        return later
    }

    /// Benefits due ÷ contributions paid over `window`, per platform, from the earlier phase's books.
    static func paidRatios(_ later: Scenario, window: Range<Int>) async -> [Double] {
        let first = await ReplicationCoordinator(scenario: later.phasesToRun[0]).run(replication: 0)
        return later.platforms.indices.map { platform in
            let due = window.reduce(Int64(0)) { $0 + first.value(month: $1, platform: platform, metric: .benefitsDue) }
            let paid = window.reduce(Int64(0)) { $0 + first.value(month: $1, platform: platform, metric: .contributionsPaid) }
            return Double(due) / Double(paid)
        }
    }

    /// Yuan per order booked by each platform in each month of `result` (to the fen).
    static func rates(_ result: ReplicationResult, platforms: Int, months: Int) -> [[Double]] {
        (0..<platforms).map { platform in
            (0..<months).map { month in
                let orders = result.value(month: month, platform: platform, metric: .orders)
                let booked = result.value(month: month, platform: platform, metric: .contributionsBooked)
                return orders > 0 ? Double(booked) / Double(orders) / 100 : .nan
            }
        }
    }

    static func expectRate(_ series: [Double], _ rate: Double, _ what: String) {
        for (month, value) in series.enumerated() {
            #expect(abs(value - rate) < 1e-6, "\(what), month \(month): \(value) yuan per order, expected \(rate)")
        }
    }

    /// Thresholds just below, between and just above the two platforms' measured paid ratios:
    /// each platform of the listed sector is on ¥0.25 exactly when its ratio is above the
    /// threshold; r (sector not listed) keeps its own rate whatever the threshold.
    @Test func theLaterPhasesRatesFollowTheEarlierPaidRatios() async {
        for window in [0..<12, 6..<12] {
            let ratios = await Self.paidRatios(Self.chain(threshold: 0), window: window)
            let (p, q) = (ratios[0], ratios[1])
            #expect(p > 0 && q > p * 1.5, "q is riskier: \(ratios)")
            for threshold in [p * (1 - 1e-6), p * (1 + 1e-6), (p + q) / 2, q * (1 - 1e-6), q * (1 + 1e-6)] {
                let later = Self.chain(threshold: threshold, window: window)
                let result = await ReplicationCoordinator(scenario: later).run(replication: 0)
                let rates = Self.rates(result, platforms: 3, months: 6)
                let what = "window \(window), threshold \(threshold) (p \(p), q \(q))"
                Self.expectRate(rates[0], p > threshold ? 0.25 : 0.07, "p, " + what)
                Self.expectRate(rates[1], q > threshold ? 0.25 : 0.07, "q, " + what)
                Self.expectRate(rates[2], 0.03, "r, " + what)
            }
        }
    }

    /// The window's months are the earlier phase's months 6–11 only: a ratio over the whole year
    /// would put q elsewhere, so months outside the window do not count.
    @Test func monthsOutsideTheWindowDoNotCount() async {
        let all = await Self.paidRatios(Self.chain(threshold: 0), window: 0..<12)[1]
        let late = await Self.paidRatios(Self.chain(threshold: 0), window: 6..<12)[1]
        #expect(abs(all - late) > 0.01 * late, "the two windows differ: \(all) against \(late)")
        let threshold = (all + late) / 2
        let result = await ReplicationCoordinator(scenario: Self.chain(threshold: threshold, window: 6..<12)).run(replication: 0)
        Self.expectRate(Self.rates(result, platforms: 3, months: 6)[1], late > threshold ? 0.25 : 0.07, "q")
    }

    /// Without an earlier phase nobody has contributions in the window: every listed platform is
    /// new and pays the low rate, whatever the threshold.
    @Test func newPlatformsPayTheLowRate() async {
        var s = Self.world(months: 4, rate: 0.10)
        s.startMonth = TinyScenario.start.adding(months: 12)
        s.rateTiers = Self.tiers
        let rates = Self.rates(await ReplicationCoordinator(scenario: s).run(replication: 0), platforms: 3, months: 4)
        Self.expectRate(rates[0], 0.07, "p")
        Self.expectRate(rates[1], 0.07, "q")
        Self.expectRate(rates[2], 0.03, "r")
    }

    /// Inside one phase the tiers apply from the rule's month: before it the benchmark, from it the
    /// tier (threshold 0: any benefit paid puts a platform on the high rate), and the float then
    /// moves from the tier's rate.
    @Test func theTiersApplyFromTheRulesMonth() async {
        var s = Self.world(months: 18)
        var rule = Self.tiers
        rule.month = TinyScenario.start.adding(months: 12)
        s.rateTiers = rule
        let rates = Self.rates(await ReplicationCoordinator(scenario: s).run(replication: 0), platforms: 3, months: 18)
        Self.expectRate(Array(rates[1][..<12]), 0.05, "q before the rule's month")
        Self.expectRate(Array(rates[1][12...]), 0.25, "q from the rule's month")
        Self.expectRate(rates[2], 0.03, "r")
    }

    /// Two provinces, no claims, the float on: at the January review the paid ratio 0 takes the
    /// rate to its floor (× 0.5) where the province floats; a province whose first review is
    /// later keeps the benchmark.
    @Test(arguments: [(nil, 0.5), (YearMonth(year: 2025, month: 1), 0.5), (YearMonth(year: 2025, month: 2), 1.0)] as [(YearMonth?, Double)])
    func aProvinceFloatsFromItsFirstReview(first: YearMonth?, multiplier: Double) async {
        var s = TinyScenario.twoRegions()
        s.sectors[0].claimsPerMillionOrders = .fixed(0)
        s.months = 15
        s.rateFloat.enabled = true
        s.rateFloat.minMonthsOfContributions = 1
        if let first { s.rateFloat.firstReview = [1: first] }
        let trace = await ReplicationCoordinator(scenario: s).trace(replication: 0)
        for row in trace.rows where row.orders > 0 {
            let floated = row.month >= YearMonth(year: 2025, month: 1)
            let expected = 0.07 * (floated ? (row.province == "other" ? multiplier : 0.5) : 1)
            #expect(abs(row.contributionsYuan / row.orders - expected) < 1e-6, "\(row.province) \(row.month)")
        }
    }

    /// A run with the tier rule in its 13th month is the same world as the run cut before, at or
    /// after the rule's month (the rule in the phase that reaches its month, the tier carried
    /// over a later cut): the later phase's platform books equal the single run's, figure for
    /// figure.
    @Test(arguments: [6, 12, 18])
    func aCutDoesNotMoveTheTiers(cut: Int) async {
        let ratios = await Self.paidRatios(Self.chain(threshold: 0), window: 0..<12)
        var single = Self.world(months: 24)
        var rule = Self.tiers
        rule.month = TinyScenario.start.adding(months: 12)
        rule.paidRatioThreshold = .fixed((ratios[0] + ratios[1]) / 2)
        single.rateTiers = rule
        var earlier = single
        earlier.months = cut
        var later = single
        later.startMonth = single.startMonth.adding(months: cut)
        later.months = 24 - cut
        later.earlierPhases = [earlier]
        let a = await ReplicationCoordinator(scenario: single).run(replication: 0)
        let b = await ReplicationCoordinator(scenario: later).run(replication: 0)
        let width = a.platformCount * PlatformMetric.allCases.count
        #expect(Array(a.platformMonthly[(cut * width)...]) == b.platformMonthly)
        let rates = Self.rates(a, platforms: 3, months: 24)
        Self.expectRate(Array(rates[0][12...]), 0.07, "p after the rule")
        Self.expectRate(Array(rates[1][12...]), 0.25, "q after the rule")
    }
}
