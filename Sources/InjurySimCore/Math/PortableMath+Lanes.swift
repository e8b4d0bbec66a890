extension PortableMath {
    /// ``log(_:)`` of eight numbers at once: each lane goes through the same IEEE operations in
    /// the same order as the scalar function (``logReduced(_:_:)``, with no fused multiply-add),
    /// so each gets the scalar's bits (`PortableMathLanesTests`). A batch of hires or initial
    /// holders takes its logarithms this way: eight independent chains in vector registers
    /// instead of one latency-bound chain per draw.
    ///
    /// Any input is allowed: where a lane is not positive, finite and normal (never for a uniform
    /// draw, which lies in [2⁻⁵³, 1)), all eight lanes take the scalar function.
    @inlinable @inline(__always)
    package static func log(lanes x: SIMD8<Double>) -> SIMD8<Double> {
        let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self)
        // Positive, finite and normal: the biased exponent in 1...2046 and the sign bit clear.
        let biased = bits &>> 52
        let normal = unsafeBitCast((biased &- 1) .< SIMD8<UInt64>(repeating: 2046), to: SIMD8<Int64>.self)  // −1 each
        // All eight by halves: the standard library's `all` is a call to an out-of-line `max()`.
        let four = normal.lowHalf & normal.highHalf
        let two = four.lowHalf & four.highHalf
        guard two[0] & two[1] != 0 else {
            var result = SIMD8<Double>()
            for lane in 0..<8 { result[lane] = log(x[lane]) }
            return result
        }
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD8<Double>.self)
        // e = biased − 1023 as a double from bits: 2⁵² + biased less 2⁵² + 1023, both exact
        // (whole numbers below 2⁵³), so it equals Double(biased − 1023), +0 included.
        let shifted = unsafeBitCast(biased | 0x4330_0000_0000_0000, to: SIMD8<Double>.self)
        var e = shifted - (0x1.0p52 + 1023)
        let above = m .> sqrt2
        m.replace(with: m * 0.5, where: above)
        e.replace(with: e + 1, where: above)
        return logReduced(m, e)
    }
}

extension SIMD8: PortableLanes where Scalar == Double {
    @inlinable @inline(__always) static func plus(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) static func plus(_ a: Self, _ b: Double) -> Self { a + b }
    @inlinable @inline(__always) static func minus(_ a: Self, _ b: Double) -> Self { a - b }
    @inlinable @inline(__always) static func times(_ a: Self, _ b: Self) -> Self { a * b }
    @inlinable @inline(__always) static func times(_ a: Self, _ b: Double) -> Self { a * b }
    @inlinable @inline(__always) static func divided(_ a: Self, _ b: Self) -> Self { a / b }
}
