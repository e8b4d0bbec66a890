/// A sequential cursor over a counter-based stream, for places that draw several numbers in a
/// row (building one claim, resolving a scenario). Cheap to copy; its state is one counter.
package struct RandomCursor: Sendable {
    /// The stream drawn from.
    package let key: StreamKey
    /// The next counter to use.
    package private(set) var counter: UInt64

    /// Starts a cursor at `counter` on `key`.
    package init(key: StreamKey, counter: UInt64 = 0) {
        self.key = key
        self.counter = counter
    }

    /// The next uniform in (0, 1).
    package mutating func uniform() -> Double {
        defer { counter &+= 1 }
        return key.uniform(counter)
    }

    /// The next raw 64 bits.
    package mutating func bits() -> UInt64 {
        defer { counter &+= 1 }
        return key.bits(counter)
    }
}
