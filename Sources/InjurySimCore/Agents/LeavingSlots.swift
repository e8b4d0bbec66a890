/// Uncovered slots whose holders leave this month, gathered eight at a time, so that their
/// hires take their logarithms in vector lanes (``SegmentRules/age(_:leaving:count:)``). The
/// slots are independent of each other and of the covered lanes, so aging them in batches
/// gives every slot the bits of aging it alone (``SegmentRules/age(_:index:)``).
@usableFromInline package struct LeavingSlots {
    @usableFromInline var index = SIMD8<Int32>()
    @usableFromInline var count = 0

    @inlinable package init() {}

    /// Adds the slot at shard index `i`; ages the batch once it holds eight.
    @inlinable @inline(__always)
    package mutating func add<Routines: LaneRoutines>(
        _ i: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules, routines: Routines.Type = BaselineRoutines.self
    ) {
        index[lane: count] = Int32(truncatingIfNeeded: i)
        count += 1
        if count == 8 { flush(workers, rules: rules, routines: routines) }
    }

    /// Ages the slots gathered so far (call before the segment's rules change), with the
    /// build's own copy of the batch's hires (``LaneRoutines/age(_:leaving:count:rules:)``).
    @inlinable @inline(__always)
    package mutating func flush<Routines: LaneRoutines>(
        _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules, routines: Routines.Type = BaselineRoutines.self
    ) {
        guard count > 0 else { return }
        Routines.age(workers, leaving: index, count: count, rules: rules)
        count = 0
    }
}
