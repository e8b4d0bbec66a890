import Testing

@testable import InjurySimCore

/// Accidents are a Poisson process in exposure: when a day's hazard exhausts the clock, the
/// rest of that day's exposure carries into the next clock, so the expected count per worked day
/// is the hazard h itself, not 1 − e^(−h) (which the clock gave when it dropped the rest).
@Suite struct ExposureClockTests {
    @Test(arguments: [0.2, 0.5])
    func expectedAccidentsPerWorkedDayEqualTheHazard(hazard: Double) {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 2_000, seed: 61, hire: hire)
        // Medical-only accidents with no time off: everyone works every day.
        let context = ShardFixture.month(hire: hire, fullTime: 1, dailyHazard: hazard, severity: .medicalOnly, recoveryDays: 0)
        let result = shard.step(month: 0, firstDay: 0, dayCount: 60, contexts: [context])
        let workedDays = Double(result.segments[0].workedDays)
        #expect(workedDays == 2_000 * 60)
        let expected = workedDays * hazard
        let dropped = workedDays * (1 - PortableMath.exp(-hazard))
        let count = Double(result.accidents.count)
        // Arrivals beyond one a day wait for the next worked day: a few per thousand days at most.
        #expect(
            abs(count - expected) <= 5 * expected.squareRoot() + 0.01 * workedDays * hazard * hazard,
            "\(count) accidents, expected \(expected) (the clock without carry-over gives \(dropped))")
        #expect(abs(count - dropped) > 5 * dropped.squareRoot(), "the test must tell the two rules apart")
    }
}
