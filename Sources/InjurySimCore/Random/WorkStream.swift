/// The work decision's random stream: 32 bits per person-day, from two rounds of a 32-bit mixer,
/// so that eight workers' decisions of a day are one vector computation (32-bit lane multiplies
/// exist on every x86-64 vector unit from SSE2 on and on arm64; 64-bit ones only with AVX-512).
///
/// A person's stream is keyed by 64 bits drawn once from the person's ``StreamKey`` (its low and
/// high halves enter the two rounds), a day by a bijective salt of the day number:
/// `bits = mix(mix(low ^ salt(day)) ^ high)`. The decision compares the top 31 bits with
/// p × 2³¹, so p is honoured to 2⁻³¹ (the earlier 64-bit draw: 2⁻⁶³). The mixer is the
/// "lowbias32" finaliser (Wellons 2020; the constants of its best published variant).
@usableFromInline package enum WorkStream {
    /// The 64-bit key of a person's work stream (counter 0 of the person's stream).
    @inlinable
    package static func key(person: StreamKey) -> UInt64 {
        person.bits(DrawPurpose.works.counter(day: 0))
    }

    /// ``key(person:)`` of eight persons (raw stream keys) at once, each lane the scalar's bits.
    @inlinable @inline(__always)
    package static func key(persons: SIMD8<UInt64>) -> SIMD8<UInt64> {
        StreamKey.bits(lanes: persons, SIMD8(repeating: DrawPurpose.works.counter(day: 0)))
    }

    /// A bijective 32-bit salt of the day number.
    @inlinable
    package static func salt(day: Int) -> UInt32 {
        mix(UInt32(truncatingIfNeeded: day) &* 0x9E37_79B9 ^ 0x85EB_CA6B)
    }

    /// The 32-bit mixer (bijective).
    @inlinable @inline(__always)
    package static func mix(_ value: UInt32) -> UInt32 {
        var x = value
        x = (x ^ (x &>> 16)) &* 0x21F0_AAAD
        x = (x ^ (x &>> 15)) &* 0xD35A_2D97
        return x ^ (x &>> 15)
    }

    /// The same mixer on eight lanes.
    @inlinable @inline(__always)
    package static func mix(_ value: SIMD8<UInt32>) -> SIMD8<UInt32> {
        var x = value
        x = (x ^ (x &>> 16)) &* 0x21F0_AAAD
        x = (x ^ (x &>> 15)) &* 0xD35A_2D97
        return x ^ (x &>> 15)
    }

    /// The same mixer on sixteen lanes (the AVX-512 build's day loop).
    @inlinable @inline(__always)
    package static func mix(_ value: SIMD16<UInt32>) -> SIMD16<UInt32> {
        var x = value
        x = (x ^ (x &>> 16)) &* 0x21F0_AAAD
        x = (x ^ (x &>> 15)) &* 0xD35A_2D97
        return x ^ (x &>> 15)
    }

    /// The person-day's 32 bits, given the day's salt.
    @inlinable @inline(__always)
    package static func bits(key: UInt64, salt: UInt32) -> UInt32 {
        mix(mix(UInt32(truncatingIfNeeded: key) ^ salt) ^ UInt32(truncatingIfNeeded: key &>> 32))
    }

    /// The largest 31-bit draw that means "works today" for daily probability `p`:
    /// round(p × 2³¹) − 1, so p = 0 gives −1 (never) and p = 1 gives `Int32.max` (always).
    @inlinable
    package static func limit(_ probability: Double) -> Int32 {
        Int32(truncatingIfNeeded: Int64((min(max(probability, 0), 1) * 0x1.0p31).rounded()) - 1)
    }

    /// The work decision of one person-day: the top 31 bits against ``limit(_:)``.
    @inlinable @inline(__always)
    package static func works(key: UInt64, salt: UInt32, limit: Int32) -> Bool {
        Int32(truncatingIfNeeded: bits(key: key, salt: salt) &>> 1) <= limit
    }
}
