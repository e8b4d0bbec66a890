import Foundation

/// What a shard returns at the month barrier.
public struct ShardMonthResult: Sendable {
    public var segments: [SegmentTotals]
    public var accidents: [AccidentEvent]
}
