/// A counter-based random stream: every draw is a hash of the stream's key and a counter.
///
/// There is no stored generator state, so an entity's draws on a given day for a given purpose
/// are reproducible on their own, whatever order entities are stepped in and on whatever thread.
/// The mixer is SplitMix64's finaliser (Steele, Lea & Flood 2014), which passes BigCrush when
/// fed a counter.
@usableFromInline package struct StreamKey: Hashable, Sendable {
    /// The 64-bit key identifying the stream.
    @usableFromInline package let rawValue: UInt64

    /// Creates a stream key from a raw 64-bit value.
    @usableFromInline package init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The root stream of a run: everything else is derived from it.
    package init(seed: UInt64) { self.rawValue = StreamKey.mix(seed ^ 0x9E37_79B9_7F4A_7C15) }

    /// A child stream for a sub-entity (a replication, a worker, a purpose).
    @inlinable
    package func child(_ index: UInt64) -> StreamKey {
        StreamKey(rawValue: StreamKey.mix(rawValue &+ StreamKey.mix(index &+ 0xD1B5_4A32_D192_ED03)))
    }

    /// A child stream named by a string, hashed with FNV-1a so it is stable across runs and
    /// toolchains (Swift's `Hasher` is seeded per process and must not be used here).
    package func child(named name: String) -> StreamKey {
        child(StreamKey.stableHash(name))
    }

    /// The `counter`-th raw 64-bit draw of this stream.
    @inlinable
    package func bits(_ counter: UInt64) -> UInt64 {
        StreamKey.mix(rawValue ^ (counter &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The `counter`-th draw as a uniform double in the open interval (0, 1).
    ///
    /// Uses the top 52 bits plus one half (exactly representable), so it is never exactly 0 or 1:
    /// safe for `log`.
    @inlinable
    package func uniform(_ counter: UInt64) -> Double {
        StreamKey.unitInterval(bits(counter))
    }

    /// Maps 64 random bits to (0, 1): the project's own mapping, independent of the toolchain.
    @inlinable
    package static func unitInterval(_ bits: UInt64) -> Double {
        (Double(bits >> 12) + 0.5) * 0x1.0p-52
    }

    /// SplitMix64's finaliser: a bijective 64-bit mixer.
    @inlinable
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over the UTF-8 bytes of a string: stable across processes and platforms.
    package static func stableHash(_ text: String) -> UInt64 {
        FNV1a.hash(text.utf8)
    }
}
