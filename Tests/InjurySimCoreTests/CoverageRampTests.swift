import Testing

@testable import InjurySimCore

/// A rollout phase covers nobody before its start, then takeUp × min(1, (months since start + 1)
/// / rampMonths): the first month already has one step of the ramp; without a ramp, the full
/// take-up at once.
@Suite struct CoverageRampTests {
    static let start = YearMonth(year: 2024, month: 3)

    @Test(arguments: [
        (4, "2024-01", 0.0), (4, "2024-02", 0.0), (4, "2024-03", 0.2), (4, "2024-04", 0.4), (4, "2024-05", 0.6),
        (4, "2024-06", 0.8), (4, "2024-07", 0.8), (4, "2026-12", 0.8),
        (0, "2024-02", 0.0), (0, "2024-03", 0.8), (1, "2024-03", 0.8), (3, "2024-04", 0.8 * 2 / 3)
    ])
    func coverageRampsUpFromTheStartMonth(rampMonths: Int, month: String, share: Double) throws {
        let phase = Scenario.RolloutPhase(
            start: Self.start, provinces: nil, sectors: nil, platforms: nil,
            rampMonths: rampMonths, takeUp: 0.8)
        let at = try #require(YearMonth(parsing: month))
        #expect(abs(phase.share(at: at) - share) < 1e-12)
    }

    @Test func phasesMatchTheirListedRegionsSectorsAndPlatforms() {
        let all = Scenario.RolloutPhase(start: Self.start, provinces: nil, sectors: nil, platforms: nil, rampMonths: 0, takeUp: 1)
        #expect(all.matches(province: 5, platform: 7, sector: 2))
        let some = Scenario.RolloutPhase(start: Self.start, provinces: [0, 2], sectors: [1], platforms: nil, rampMonths: 0, takeUp: 1)
        #expect(some.matches(province: 2, platform: 9, sector: 1))
        #expect(!some.matches(province: 1, platform: 9, sector: 1))
        #expect(!some.matches(province: 0, platform: 9, sector: 0))
    }
}
