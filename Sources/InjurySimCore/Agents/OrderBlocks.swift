/// A segment's orders of one month: each order block's workers' expected orders, summed in slot
/// order, then one Poisson draw per block from the block's own stream (Poisson superposition).
@usableFromInline package struct OrderBlocks: Sendable {
    @usableFromInline let key: StreamKey
    @usableFromInline let month: Int
    @usableFromInline var block = -1
    @usableFromInline var mean = 0.0
    /// The orders of the blocks closed so far.
    @usableFromInline package private(set) var orders: Int64 = 0

    @usableFromInline package init(segmentKey: StreamKey, month: Int) {
        self.key = segmentKey.child(named: "orders")
        self.month = month
    }

    /// Adds one worker's expected orders of the month (its slot's index in its pair).
    @inlinable
    package mutating func add(_ expected: Double, slotIndex: Int) {
        let block = slotIndex / ShardState.orderBlockSize
        if block != self.block {
            close()
            self.block = block
        }
        mean += expected
    }

    /// ``add(_:slotIndex:)`` of a group's lanes below `count`, in lane order: lane `k` holds the
    /// worker at shard index `index[k]`, whose slot index is that plus `slotOffset`. The running
    /// sum stays in a register between block changes (each add waits for the one before it).
    @inlinable @inline(__always)
    package mutating func add(lanes expected: SIMD8<Double>, index: SIMD8<Int32>, count: Int, slotOffset: Int) {
        var expected = expected
        var index = index
        var sum = mean
        for lane in 0..<count {
            let block = (Int(index[lane: lane]) + slotOffset) / ShardState.orderBlockSize
            if block != self.block {
                mean = sum
                close()
                self.block = block
                sum = 0
            }
            sum += expected[lane: lane]
        }
        mean = sum
    }

    /// Draws the open block's orders.
    @usableFromInline package mutating func close() {
        if block >= 0 { orders += ShardState.blockOrders(mean, key: key, block: block, month: month) }
        mean = 0
    }
}
