/// What a shard returns at the month barrier.
@usableFromInline package struct ShardMonthResult: Sendable {
    @usableFromInline package var segments: [SegmentTotals]
    @usableFromInline package var accidents: [AccidentEvent]

    @usableFromInline package init(segments: [SegmentTotals], accidents: [AccidentEvent]) {
        self.segments = segments
        self.accidents = accidents
    }
}
