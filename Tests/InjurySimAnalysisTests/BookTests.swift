import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimCore
@testable import InjurySimEngine

/// A book reads its platforms' figures: flows add up, a sector counts a person on two of its
/// platforms once, running totals start from the earlier phases' flows, the ratios use the one
/// break-even rule, and a published figure of a platform or sector is compared with its book.
@Suite struct BookTests {
    /// Two platforms of one sector, two months, hand-set books.
    static func fixture() -> (Scenario, ReplicationResult) {
        var s = TinyScenario.make(months: 2)
        var second = s.platforms[0]
        second.name = "second"
        s.platforms.append(second)
        var r = ReplicationResult(replication: 0, months: 2, poolCount: 1, sectorCount: 1, platformCount: 2)
        func set(_ month: Int, _ platform: Int, _ metric: PlatformMetric, _ value: Int64) {
            r.platformMonthly[(month * 2 + platform) * PlatformMetric.allCases.count + metric.rawValue] = value
        }
        for month in 0..<2 {
            set(month, 0, .orders, 1_000)
            set(month, 1, .orders, 3_000)
            set(month, 0, .contributionsBooked, 7_000)  // 0.07 yuan per order
            set(month, 1, .contributionsBooked, 21_000)
            set(month, 0, .incurred, 9_000)
            set(month, 1, .incurred, 3_000)
            set(month, 0, .insuredPersons, 10 + Int64(month))
            set(month, 0, .insuredShared, 4)
            set(month, 1, .insuredPersons, 6)
            set(month, 1, .insuredShared, 4)
        }
        r.platformOpening[0 * PlatformMetric.allCases.count + PlatformMetric.orders.rawValue] = 500
        r.platformOpening[0 * PlatformMetric.allCases.count + PlatformMetric.incurred.rawValue] = 1_000
        return (s, r)
    }

    @Test func booksAddUpAndCountPersonsOnce() {
        let (s, r) = Self.fixture()
        let books = Book.all(s)
        #expect(books.map(\.label) == ["platform platform", "platform second", "sector delivery"])
        let sector = BookSeries(books[2], r)
        #expect(sector.monthly(.orders, 1) == 4_000)
        // 11 + 6 slots, 4 + 4 of them persons on both platforms: 17 − 8 / 2 = 13 persons.
        #expect(sector.monthly(.insuredPersons, 1) == 13)
        #expect(BookSeries(books[0], r).monthly(.insuredPersons, 1) == 11)
        // Since the first phase: the earlier phases' 500 orders come first.
        #expect(BookSeries(books[0], r).cumulative(.orders, 1) == 2_500)
        #expect(sector.cumulative(.orders, 1) == 8_500)
    }

    @Test func ratiosUseTheOneBreakEvenRule() {
        let (s, r) = Self.fixture()
        let first = BookSeries(Book.platforms(s)[0], r)
        #expect(abs(first.rateCharged(0) - 0.07) < 1e-12)
        #expect(abs(first.horizonIncurredLossRatio - 18_000.0 / 14_000) < 1e-12)
        #expect(first.breakEvenRate(1) == ReplicationMetrics.breakEvenRate(incurredFen: 19_000, orders: 2_500, adminCostShare: 0))
        #expect(first.horizonBreakEvenRate == ReplicationMetrics.breakEvenRate(incurredFen: 18_000, orders: 2_000, adminCostShare: 0))
        #expect(first.paidLossRatio(1).isNaN, "no contributions paid: no ratio")
    }

    @Test func aPublishedFigureOfAPlatformOrSectorIsReadFromItsBook() {
        let (s, r) = Self.fixture()
        var figures = Scenario.PublishedFigures(
            month: TinyScenario.start.adding(months: 1), insuredPersons: 12, recognisedInjuries: nil, benefitsPaidYuan: nil, source: "x")
        figures.platform = 1
        let platform = PublishedCounterpart.of(figures, scenario: s, results: [r])
        #expect(platform.map(\.book) == ["platform second"] && platform[0].values == [6])
        #expect(platform[0].column == "published:insuredPersons@platform-second@" + figures.month.description)
        figures.platform = nil
        figures.sector = 0
        let sector = PublishedCounterpart.of(figures, scenario: s, results: [r])
        #expect(sector.map(\.book) == ["sector delivery"] && sector[0].values == [13])
        figures.sector = nil
        #expect(PublishedCounterpart.of(figures, scenario: s, results: [r]).map(\.book) == ["total"])
    }
}
