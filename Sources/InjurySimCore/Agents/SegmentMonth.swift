import Foundation

/// What one platform's workers in one shard need to know about a month.
public struct SegmentMonth: Sendable {
    /// Share of slots covered this month (rollout take-up).
    public var coverage: Double
    /// Expected orders per on-duty hour (growth and shocks included).
    public var ordersPerHour: Double
    /// Expected accidents per order at baseline fatigue and experience.
    public var hazardPerOrder: Double
    public var fullTimeDailyProbability: Double
    public var occasionalDailyProbability: Double
    /// Cumulative severity probabilities by ``Severity`` raw value.
    public var severityCumulative: [Double]
    /// Mean days off work by ``SeverityGroup``.
    public var recoveryDays: [Double]
    public var hire: HireProfile
    public var newWorkerDays: Int
    public var newWorkerMultiplier: Double

    public init(coverage: Double, ordersPerHour: Double, hazardPerOrder: Double, fullTimeDailyProbability: Double,
                occasionalDailyProbability: Double, severityCumulative: [Double], recoveryDays: [Double],
                hire: HireProfile, newWorkerDays: Int, newWorkerMultiplier: Double) {
        self.coverage = coverage
        self.ordersPerHour = ordersPerHour
        self.hazardPerOrder = hazardPerOrder
        self.fullTimeDailyProbability = fullTimeDailyProbability
        self.occasionalDailyProbability = occasionalDailyProbability
        self.severityCumulative = severityCumulative
        self.recoveryDays = recoveryDays
        self.hire = hire
        self.newWorkerDays = newWorkerDays
        self.newWorkerMultiplier = newWorkerMultiplier
    }
}
