import Foundation

/// Totals of one segment for one month.
@usableFromInline package struct SegmentTotals: Sendable, Equatable {
    @usableFromInline package var platform: Int
    @usableFromInline package var orders: Int64 = 0
    @usableFromInline package var workedDays: Int64 = 0
    /// Covered worker × calendar days (the throughput unit).
    @usableFromInline package var coveredWorkerDays: Int64 = 0
    /// Covered workers who worked at least one day this month.
    @usableFromInline package var activeWorkers: Int64 = 0
    /// Persons insured for the first time (first covered working day) this month.
    @usableFromInline package var newlyInsured: Int64 = 0
    /// Of `activeWorkers`, those who also hold a slot on another platform (each half a person).
    @usableFromInline package var activeShared: Int64 = 0
    /// Of `newlyInsured`, those who also hold a slot on another platform (each half a person).
    @usableFromInline package var newlyInsuredShared: Int64 = 0

    @usableFromInline package init(platform: Int) { self.platform = platform }
}
