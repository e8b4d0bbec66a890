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

    /// The kernels decide coverage by comparing a slot's 16-bit take-up position with a whole
    /// number (``SegmentRules/coverageLimit(_:)``): for every position and each threshold, below
    /// the limit exactly when below the threshold — whole and fractional thresholds, the ends of
    /// the range and beyond, the smallest steps either side of a whole number, and NaN.
    @Test(arguments: [
        0.0, -0.0, -1, 0x1.0p-1074, 0.5, 1, 1.0.nextUp, 2.0.nextDown, 2, 100.25, 32768, 32768.0.nextDown, 32768.0.nextUp,
        65535, 65535.5, 65536.0.nextDown, 65536, 65537, 1e300, .infinity, -.infinity, .nan
    ])
    func coverageLimitAgreesWithTheThresholdAtEveryPosition(threshold: Double) {
        let limit = SegmentRules.coverageLimit(threshold)
        #expect((0...65536).contains(limit))
        var disagreements = 0
        for position in 0...65535 where (position < limit) != (Double(position) < threshold) { disagreements += 1 }
        #expect(disagreements == 0, "threshold \(threshold), limit \(limit)")
    }
}
