import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// Two rules of the month loop that no other test pins: every calendar month has its own length
/// in days, and a reported claim goes into its platform's experience in the claim's own
/// province (not its pool's index, which differs under national pooling).
@Suite struct EngineCalendarAndBookingTests {
    /// Everyone works every day and nobody leaves: a month's worked days are workers × its days,
    /// leap February included.
    @Test func eachMonthHasItsOwnLength() async {
        var s = TinyScenario.make(workers: 10, months: 14)
        s.startMonth = YearMonth(year: 2023, month: 12)
        s.rollout[0].start = s.startMonth
        let result = await ReplicationCoordinator(scenario: s).run(replication: 0)
        let days = result.series(.workedDays, pool: result.poolCount).map { $0 / 10 }
        #expect(days == [31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31])
        #expect(SimulationCalendar(start: YearMonth(year: 2025, month: 1), months: 3).firstDays == [0, 31, 59, 90])
    }

    /// Two provinces in one national pool; claims only in the second. On the paid basis the
    /// review raises the rate where the claims are and lowers it where none are, which it can
    /// only do if each claim was booked to its own province.
    @Test func aReportedClaimIsBookedToItsOwnProvince() async {
        var s = TinyScenario.twoRegions()
        s.pooling = .national
        s.months = 14
        s.provinces[0].riskMultiplier = .fixed(0)
        s.provinces[1].riskMultiplier = .fixed(40)
        s.benefits.reportingDelayDays = .fixed(0)
        s.rateFloat.enabled = true
        s.rateFloat.basis = .paid
        s.rateFloat.reviewMonth = 1
        s.rateFloat.minMonthsOfContributions = 0
        #expect(s.poolOfProvince == [0, 0])
        let trace = await ReplicationCoordinator(scenario: s).trace(replication: 0)
        func rate(_ province: String, _ month: YearMonth) -> Double {
            let row = trace.rows.first { $0.province == province && $0.month == month }!
            return row.contributionsYuan / row.orders
        }
        let before = YearMonth(year: 2024, month: 12)
        let after = YearMonth(year: 2025, month: 1)
        #expect(abs(rate("region", before) - rate("other", before)) < 1e-3, "one benchmark rate before the review")
        #expect(rate("other", after) > rate("other", before) * 1.05, "claims raise the rate of their own province")
        #expect(rate("region", after) < rate("region", before) * 0.95, "no claims lower it")
    }
}
