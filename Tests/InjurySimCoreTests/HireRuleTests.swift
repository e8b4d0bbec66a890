import Foundation
import Testing

@testable import InjurySimCore

/// Who fills a slot (`HireProfile`): churn as a daily leave probability that compounds to the
/// monthly rate, geometric tenure, the shift clamped to 1–16 hours, fatigue growing linearly
/// above the long-shift threshold, and the occasional share.
@Suite struct HireRuleTests {
    /// (1 − d)^(365/12) = 1 − monthly churn: a month of daily chances to leave is the monthly rate.
    @Test(arguments: [0.0, 0.02, 0.06, 0.1, 0.5])
    func dailyLeaveProbabilityCompoundsToTheMonthlyChurn(churn: Double) {
        let profile = HireProfile(
            occasionalShare: 0, shiftHours: 8, shiftHoursSpread: 0, longShiftHours: 10,
            extraRiskPerLongHour: 0, churnPerMonth: churn)
        if churn == 0 {
            #expect(profile.dailyLeaveProbability == 0)
            #expect(profile.tenureDays(0.5) >= Int(Int32.max / 4), "without churn nobody leaves")
        } else {
            #expect(abs(pow(1 - profile.dailyLeaveProbability, 365.0 / 12) - (1 - churn)) < 1e-12)
        }
    }

    /// Tenure in days is geometric: mean (1 − d)/d, within 5 standard errors.
    @Test func tenureIsGeometricInTheDailyLeaveProbability() {
        let profile = HireProfile(
            occasionalShare: 0, shiftHours: 8, shiftHoursSpread: 0, longShiftHours: 10,
            extraRiskPerLongHour: 0, churnPerMonth: 0.1)
        let d = profile.dailyLeaveProbability
        let key = StreamKey(seed: 61)
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { $0 + Double(profile.tenureDays(key.uniform(UInt64($1)))) } / Double(n)
        let expected = (1 - d) / d
        #expect(abs(mean - expected) < 5 * (1 - d).squareRoot() / d / Double(n).squareRoot(), "mean \(mean) vs \(expected)")
    }

    struct ShiftCase: Sendable, CustomStringConvertible {
        var shiftHours: Double
        var hours: Double
        var fatigue: Double
        var description: String { "\(shiftHours) h" }
    }

    /// Fatigue = 1 + extra risk × hours above the long-shift threshold (10 h here, +10% per hour);
    /// shifts are clamped to 1–16 hours first.
    @Test(arguments: [
        ShiftCase(shiftHours: 8, hours: 8, fatigue: 1), ShiftCase(shiftHours: 10, hours: 10, fatigue: 1),
        ShiftCase(shiftHours: 12, hours: 12, fatigue: 1.2), ShiftCase(shiftHours: 15.5, hours: 15.5, fatigue: 1.55),
        ShiftCase(shiftHours: 20, hours: 16, fatigue: 1.6), ShiftCase(shiftHours: 0.5, hours: 1, fatigue: 1)
    ])
    func fatigueGrowsPerHourAboveTheLongShift(c: ShiftCase) {
        let profile = HireProfile(
            occasionalShare: 0, shiftHours: c.shiftHours, shiftHoursSpread: 0, longShiftHours: 10,
            extraRiskPerLongHour: 0.1, churnPerMonth: 0.05)
        var worker = profile.initial(person: StreamKey(seed: 62), takeUp: 0)
        profile.hire(&worker, person: StreamKey(seed: 63), day: 17)
        #expect(abs(Double(worker.shiftHours) - c.hours) < 1e-5)
        #expect(abs(Double(worker.fatigue) - c.fatigue) < 1e-5)
        #expect(worker.hireDay == 17 && worker.leaveDay > 17 && worker.injuredUntil == Int32.min)
    }

    @Test(arguments: [0.0, 0.3, 1.0])
    func theOccasionalShareOfHires(share: Double) {
        let profile = HireProfile(
            occasionalShare: share, shiftHours: 8, shiftHoursSpread: 2, longShiftHours: 10,
            extraRiskPerLongHour: 0, churnPerMonth: 0.05)
        let n = 20_000
        var worker = profile.initial(person: StreamKey(seed: 64), takeUp: 0)
        var occasional = 0
        for i in 0..<n {
            profile.hire(&worker, person: StreamKey(seed: 65).child(UInt64(i)), day: i % 365)
            if worker.isOccasional { occasional += 1 }
        }
        let sd = (share * (1 - share) / Double(n)).squareRoot()
        #expect(abs(Double(occasional) / Double(n) - share) <= 5 * sd, "\(occasional) of \(n)")
    }
}
