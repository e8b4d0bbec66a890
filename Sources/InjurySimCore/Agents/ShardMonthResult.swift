import Foundation

/// What a shard returns at the month barrier.
package struct ShardMonthResult: Sendable {
    package var segments: [SegmentTotals]
    package var accidents: [AccidentEvent]
}
