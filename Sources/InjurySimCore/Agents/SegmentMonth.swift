import Foundation

/// What one platform's workers in one shard need to know about a month.
@usableFromInline package struct SegmentMonth: Sendable {
    /// Share of slots covered this month (rollout take-up).
    @usableFromInline package var coverage: Double
    /// Share of the allocated slots that hold the sector's workers this month: the workers'
    /// growth path over its largest ceiling, m(t) / K_max (1 when the sector's workers do not
    /// grow). A slot is covered while its take-up position is below coverage × this share.
    @usableFromInline package var workforceShare: Double = 1
    /// Expected orders per on-duty hour (growth and shocks included).
    @usableFromInline package var ordersPerHour: Double
    /// Expected accidents per order at baseline fatigue and experience.
    @usableFromInline package var hazardPerOrder: Double
    @usableFromInline package var fullTimeDailyProbability: Double
    @usableFromInline package var occasionalDailyProbability: Double
    /// Cumulative severity probabilities by ``Severity`` raw value.
    package var severityCumulative: [Double]
    /// Mean days off work by ``SeverityGroup``.
    package var recoveryDays: [Double]
    @usableFromInline package var hire: HireProfile
    @usableFromInline package var newWorkerDays: Int
    @usableFromInline package var newWorkerMultiplier: Double
    /// Share of the slot holders who also hold a slot on another platform (decided per person
    /// when first insured).
    package var multiPlatformShare: Double

    package init(
        coverage: Double, ordersPerHour: Double, hazardPerOrder: Double, fullTimeDailyProbability: Double,
        occasionalDailyProbability: Double, severityCumulative: [Double], recoveryDays: [Double],
        hire: HireProfile, newWorkerDays: Int, newWorkerMultiplier: Double, multiPlatformShare: Double = 0
    ) {
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
        self.multiPlatformShare = multiPlatformShare
    }
}
