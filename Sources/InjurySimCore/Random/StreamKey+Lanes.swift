extension StreamKey {
    /// ``mix(_:)`` of eight values at once: the same integer operations, lane by lane, so each
    /// lane gets the scalar's bits (`StreamKeyLanesTests`). Where a build has 64-bit vector
    /// multiplies (AVX-512's `vpmullq`), eight hashes cost about what one does one at a time.
    @inlinable @inline(__always)
    package static func mix(lanes value: SIMD8<UInt64>) -> SIMD8<UInt64> {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// ``child(_:)`` of eight keys (raw values) and indices, lane by lane.
    @inlinable @inline(__always)
    package static func child(lanes keys: SIMD8<UInt64>, _ index: SIMD8<UInt64>) -> SIMD8<UInt64> {
        mix(lanes: keys &+ mix(lanes: index &+ 0xD1B5_4A32_D192_ED03))
    }

    /// ``bits(_:)`` of eight keys (raw values) and counters, lane by lane.
    @inlinable @inline(__always)
    package static func bits(lanes keys: SIMD8<UInt64>, _ counter: SIMD8<UInt64>) -> SIMD8<UInt64> {
        mix(lanes: keys ^ (counter &* 0x9E37_79B9_7F4A_7C15))
    }

    /// ``uniform(_:)`` of eight keys (raw values) and counters, lane by lane: the top 52 bits
    /// as a double without a conversion instruction (2⁵² plus a number below 2⁵² is a double's
    /// bit pattern, and subtracting 2⁵² is exact, so it equals `Double(bits >> 12)`), then
    /// ``unitInterval(_:)``'s two operations.
    @inlinable @inline(__always)
    package static func uniform(lanes keys: SIMD8<UInt64>, _ counter: SIMD8<UInt64>) -> SIMD8<Double> {
        let top = bits(lanes: keys, counter) &>> 12
        let whole = unsafeBitCast(top | 0x4330_0000_0000_0000, to: SIMD8<Double>.self) - 0x1.0p52
        return (whole + 0.5) * 0x1.0p-52
    }
}

extension DrawPurpose {
    /// ``counter(day:)`` for eight days at once.
    @inlinable @inline(__always)
    package func counter(days: SIMD8<Int>) -> SIMD8<UInt64> {
        (unsafeBitCast(days, to: SIMD8<UInt64>.self) &<< 6) | rawValue
    }
}
