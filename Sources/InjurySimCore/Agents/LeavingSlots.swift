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
    package mutating func add(_ i: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        index[lane: count] = Int32(truncatingIfNeeded: i)
        count += 1
        if count == 8 { flush(workers, rules: rules) }
    }

    /// Ages the slots gathered so far (call before the segment's rules change).
    @inlinable
    package mutating func flush(_ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        guard count > 0 else { return }
        rules.age(workers, leaving: index, count: count)
        count = 0
    }
}
