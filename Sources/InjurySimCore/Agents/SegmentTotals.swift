import Foundation

/// Totals of one segment for one month.
package struct SegmentTotals: Sendable, Equatable {
    package var platform: Int
    package var orders: Int64 = 0
    package var workedDays: Int64 = 0
    /// Covered worker × calendar days (the throughput unit).
    package var coveredWorkerDays: Int64 = 0
    /// Covered workers who worked at least one day this month.
    package var activeWorkers: Int64 = 0
    /// Persons insured for the first time (first covered working day) this month.
    package var newlyInsured: Int64 = 0
    /// Of `activeWorkers`, those who also hold a slot on another platform (each half a person).
    package var activeShared: Int64 = 0
    /// Of `newlyInsured`, those who also hold a slot on another platform (each half a person).
    package var newlyInsuredShared: Int64 = 0

    package init(platform: Int) { self.platform = platform }
}
