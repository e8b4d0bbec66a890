extension PortableMath {
    /// ``log(_:)`` of two numbers at once, for inputs that are positive, finite and normal (such
    /// as uniform draws, which lie in [2⁻⁵³, 1)): each lane goes through the same IEEE operations
    /// in the same order as the scalar function, so each gets the scalar's bits
    /// (`PortableMathPairTests`). Two logarithms of a hire cost about one this way.
    @inlinable
    package static func log(pair x: SIMD2<Double>) -> SIMD2<Double> {
        let bits = unsafeBitCast(x, to: SIMD2<UInt64>.self)
        let biased = SIMD2<Int64>(truncatingIfNeeded: (bits &>> 52) & 0x7FF)
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD2<Double>.self)
        var e = SIMD2<Double>(Double(biased[0] - 1023), Double(biased[1] - 1023))
        let above = m .> sqrt2
        m.replace(with: m * 0.5, where: above)
        e.replace(with: e + 1, where: above)
        return logReduced(m, e)
    }
}

/// The arithmetic ``PortableMath/logReduced(_:_:)`` needs: a number, or a vector of numbers
/// whose operations work lane by lane with the same IEEE rounding. Named functions rather than
/// operators, so that the protocol adds no candidates to the type checker's every `+` and `*`.
@usableFromInline protocol PortableLanes {
    static func plus(_ a: Self, _ b: Self) -> Self
    static func plus(_ a: Self, _ b: Double) -> Self
    static func minus(_ a: Self, _ b: Double) -> Self
    static func times(_ a: Self, _ b: Self) -> Self
    static func times(_ a: Self, _ b: Double) -> Self
    static func divided(_ a: Self, _ b: Self) -> Self
}

extension Double: PortableLanes {
    @inlinable @inline(__always) static func plus(_ a: Double, _ b: Double) -> Double { a + b }
    @inlinable @inline(__always) static func minus(_ a: Double, _ b: Double) -> Double { a - b }
    @inlinable @inline(__always) static func times(_ a: Double, _ b: Double) -> Double { a * b }
    @inlinable @inline(__always) static func divided(_ a: Double, _ b: Double) -> Double { a / b }
}

extension SIMD2: PortableLanes where Scalar == Double {
    @inlinable @inline(__always) static func plus(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) static func plus(_ a: Self, _ b: Double) -> Self { a + b }
    @inlinable @inline(__always) static func minus(_ a: Self, _ b: Double) -> Self { a - b }
    @inlinable @inline(__always) static func times(_ a: Self, _ b: Self) -> Self { a * b }
    @inlinable @inline(__always) static func times(_ a: Self, _ b: Double) -> Self { a * b }
    @inlinable @inline(__always) static func divided(_ a: Self, _ b: Self) -> Self { a / b }
}
