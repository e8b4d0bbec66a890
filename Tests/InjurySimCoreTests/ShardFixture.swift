@testable import InjurySimCore

/// A one-segment shard whose worker-day arithmetic can be done by hand: everyone covered, fixed
/// 8-hour shifts (no spread), no fatigue, no churn unless asked, one severity for every accident.
enum ShardFixture {
    static let ordersPerHour = 3.0
    static let shiftHours = 8.0
    /// Expected orders of one worked day.
    static var ordersPerWorkedDay: Double { ordersPerHour * shiftHours }

    static func hire(occasionalShare: Double = 0, churnPerMonth: Double = 0) -> HireProfile {
        HireProfile(
            occasionalShare: occasionalShare, shiftHours: shiftHours, shiftHoursSpread: 0, longShiftHours: 24,
            extraRiskPerLongHour: 0, churnPerMonth: churnPerMonth)
    }

    static func shard(workers: Int, seed: UInt64, hire: HireProfile) -> ShardState {
        let root = StreamKey(seed: seed)
        let segment = Segment(platform: 0, sector: 0, range: 0..<workers, key: root.child(named: "slots"), firstSlot: 0)
        return ShardState(province: 0, key: root.child(named: "shard"), segments: [segment], hire: { _ in hire })
    }

    /// Cumulative severity table putting every accident in `severity`.
    static func only(_ severity: Severity) -> [Double] {
        Severity.allCases.map { $0.rawValue >= severity.rawValue ? 1 : 0 }
    }

    /// A month in which a worked day carries `dailyHazard` expected accidents at baseline.
    static func month(
        hire: HireProfile, fullTime: Double = 1, occasional: Double = 0, dailyHazard: Double = 0,
        severity: Severity = .medicalOnly, recoveryDays: Double = 0, coverage: Double = 1,
        newWorkerDays: Int = 0, newWorkerMultiplier: Double = 1, multiPlatformShare: Double = 0
    ) -> SegmentMonth {
        SegmentMonth(
            coverage: coverage, ordersPerHour: ordersPerHour, hazardPerOrder: dailyHazard / ordersPerWorkedDay,
            fullTimeDailyProbability: fullTime, occasionalDailyProbability: occasional,
            severityCumulative: only(severity),
            recoveryDays: SeverityGroup.allCases.map { _ in recoveryDays }, hire: hire,
            newWorkerDays: newWorkerDays, newWorkerMultiplier: newWorkerMultiplier, multiPlatformShare: multiPlatformShare)
    }
}
