import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// What a replication records, month by month (`MonthRecorder`): exposure and accidents add up
/// per pool, running totals carry over months, each reported claim counts once in its severity,
/// the solvency position is assets less every liability, and the result is scaled to the full
/// population pool by pool before the total row is summed. No actors: the rules alone.
@Suite struct MonthRecorderTests {
    /// Two regions, each its own pool; the second sampled at half the rate of the first.
    static func recorder(months: Int = 3) -> MonthRecorder {
        var s = TinyScenario.twoRegions()
        s.months = months
        return MonthRecorder(scenario: s, replication: 5, adminCostShare: 0.1)
    }

    static func totals(orders: Int64, workedDays: Int64 = 0, active: Int64 = 0, newlyInsured: Int64 = 0) -> SegmentTotals {
        var t = SegmentTotals(platform: 0)
        t.orders = orders
        t.workedDays = workedDays
        t.activeWorkers = active
        t.newlyInsured = newlyInsured
        t.coveredWorkerDays = workedDays * 2
        return t
    }

    static func claim(pool: Int, severity: Severity, recognised: Bool = true, platformPaid: Fen = 0) -> ClaimPipeline.Claim {
        ClaimPipeline.Claim(
            pool: pool, province: pool, platform: 0, severity: severity, recognised: recognised, fundPayments: [],
            platformPaid: platformPaid, accidentMonth: 0, presentValueAtAccident: 0)
    }

    @Test func exposureAddsUpPerPoolAndPersonsInsuredRunOn() {
        var r = Self.recorder()
        r.recordExposure(Self.totals(orders: 100, workedDays: 10, active: 4, newlyInsured: 4), month: 0, pool: 0)
        r.recordExposure(Self.totals(orders: 50, workedDays: 5, active: 2, newlyInsured: 1), month: 0, pool: 0)
        r.recordExposure(Self.totals(orders: 7, newlyInsured: 3), month: 0, pool: 1)
        r.closeExposure(month: 0)
        r.recordExposure(Self.totals(orders: 20, newlyInsured: 2), month: 1, pool: 0)
        r.closeExposure(month: 1)
        r.closeExposure(month: 2)
        let out = r.finished(sampleFractions: [1, 1])
        #expect(out.value(month: 0, pool: 0, metric: .orders) == 150)
        #expect(out.value(month: 0, pool: 0, metric: .workedDays) == 15)
        #expect(out.value(month: 0, pool: 0, metric: .activeWorkers) == 6)
        #expect(out.value(month: 0, pool: 1, metric: .orders) == 7)
        #expect(out.value(month: 1, pool: 0, metric: .orders) == 20)
        // Persons insured are cumulative: new ones add to those of earlier months, and a month
        // with no new persons keeps the count.
        #expect([0, 1, 2].map { out.value(month: $0, pool: 0, metric: .insuredPersons) } == [5, 7, 7])
        #expect([0, 1, 2].map { out.value(month: $0, pool: 1, metric: .insuredPersons) } == [3, 3, 3])
        #expect(out.value(month: 0, pool: 2, metric: .orders) == 157)
        #expect(out.ordersBySector == [170, 7, 177])
        #expect(out.coveredWorkerDays == 30)
        #expect(out.replication == 5 && out.adminCostShare == 0.1)
    }

    @Test func accidentsCountAndOnlyRecognisedClaimsAreIncurred() {
        var r = Self.recorder()
        r.recordAccident(platform: 0, month: 1, pool: 0, incurred: 1_000)
        r.recordAccident(platform: 0, month: 1, pool: 0, incurred: nil)
        r.recordAccident(platform: 0, month: 2, pool: 1, incurred: 250)
        let out = r.finished(sampleFractions: [1, 1])
        #expect(out.value(month: 1, pool: 0, metric: .accidents) == 2)
        #expect(out.value(month: 2, pool: 1, metric: .accidents) == 1)
        #expect(out.simulatedAccidents == 3)
        #expect(out.incurredBySector == [1_000, 250, 1_250])
    }

    @Test(arguments: [
        (Severity.medicalOnly, Metric.claimsMedicalOnly), (.grade(9), .claimsGrade7to10), (.grade(7), .claimsGrade7to10),
        (.grade(6), .claimsGrade5to6), (.grade(5), .claimsGrade5to6), (.grade(4), .claimsGrade1to4),
        (.grade(1), .claimsGrade1to4), (.death, .claimsDeath)
    ])
    func aReportedClaimCountsOnceInItsSeverity(severity: Severity, metric: Metric) {
        var r = Self.recorder()
        r.recordReported(Self.claim(pool: 1, severity: severity, platformPaid: 300), month: 2, monthlyDiscount: 1)
        r.recordReported(Self.claim(pool: 1, severity: severity, recognised: false, platformPaid: 999), month: 2, monthlyDiscount: 1)
        let out = r.finished(sampleFractions: [1, 1])
        let severityMetrics = SeverityGroup.allCases.map(Metric.claims(of:))
        for m in severityMetrics { #expect(out.value(month: 2, pool: 1, metric: m) == (m == metric ? 1 : 0), "\(m)") }
        #expect(out.value(month: 2, pool: 1, metric: .claimsRecognised) == 1)
        #expect(out.value(month: 2, pool: 1, metric: .claimsUnrecognised) == 1)
        // What the platform pays itself counts only for recognised claims.
        #expect(out.value(month: 2, pool: 1, metric: .platformPaid) == 300)
    }

    @Test func theSolvencyPositionIsAssetsLessEveryLiability() {
        var r = Self.recorder()
        var books = FundMonth()
        books.cash = 10_000
        books.debt = 2_000
        books.arrears = 500
        books.liabilities = 6_000
        books.benefitsPaid = 700
        r.recordContributions(platform: 0, booked: 1_200, paid: 0, month: 0, pool: 0)
        r.recordContributions(platform: 0, booked: 300, paid: 0, month: 0, pool: 0)
        r.recordFund(books, ibnr: 900, month: 0, pool: 0)
        let out = r.finished(sampleFractions: [1, 1])
        #expect(out.value(month: 0, pool: 0, metric: .contributionsBooked) == 1_500)
        // cash + booked receivable − debt − liabilities (arrears are inside them) − IBNR
        #expect(out.value(month: 0, pool: 0, metric: .solvencyPosition) == 10_000 + 1_500 - 2_000 - 6_000 - 900)
        #expect(out.value(month: 0, pool: 0, metric: .netPosition) == 10_000 - 2_000 - 500)
        #expect(out.value(month: 0, pool: 0, metric: .ibnr) == 900)
    }

    @Test func benefitsPaidAndClaimsRecognisedAccumulateWhenTheFundCloses() {
        var r = Self.recorder()
        var books = FundMonth()
        for month in 0..<3 {
            books.benefitsPaid = Fen(100 * (month + 1))
            if month != 1 { r.recordReported(Self.claim(pool: 0, severity: .grade(8)), month: month, monthlyDiscount: 1) }
            r.recordFund(books, ibnr: 0, month: month, pool: 0)
        }
        let out = r.finished(sampleFractions: [1, 1])
        #expect((0..<3).map { out.value(month: $0, pool: 0, metric: .benefitsPaidCumulative) } == [100, 300, 600])
        #expect((0..<3).map { out.value(month: $0, pool: 0, metric: .claimsRecognisedCumulative) } == [1, 1, 2])
    }

    @Test func eachPoolIsScaledByItsOwnSampleFractionBeforeTheTotal() {
        var r = Self.recorder()
        r.recordExposure(Self.totals(orders: 10), month: 0, pool: 0)
        r.recordExposure(Self.totals(orders: 10), month: 0, pool: 1)
        r.recordAccident(platform: 0, month: 0, pool: 1, incurred: 40)
        let out = r.finished(sampleFractions: [0.5, 0.25])
        #expect(out.value(month: 0, pool: 0, metric: .orders) == 20)
        #expect(out.value(month: 0, pool: 1, metric: .orders) == 40)
        #expect(out.value(month: 0, pool: 2, metric: .orders) == 60)
        #expect(out.value(month: 0, pool: 1, metric: .accidents) == 4)
        #expect(out.incurredBySector == [0, 160, 160])
    }
}
