import Foundation

/// Totals of one segment for one month.
public struct SegmentTotals: Sendable, Equatable {
    public var platform: Int
    public var orders: Int64 = 0
    public var workedDays: Int64 = 0
    /// Covered worker × calendar days (the throughput unit).
    public var coveredWorkerDays: Int64 = 0
    /// Covered workers who worked at least one day this month.
    public var activeWorkers: Int64 = 0
    /// Persons insured for the first time (first covered working day) this month.
    public var newlyInsured: Int64 = 0

    public init(platform: Int) { self.platform = platform }
}
