/// FNV-1a, 64 bits: a stable hash of bytes, the same in every process and on every platform.
/// Names random streams (``StreamKey/stableHash(_:)``), hashes scenario contents for manifests,
/// and checksums benchmark results.
package struct FNV1a: Sendable, Equatable {
    package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    package private(set) var value: UInt64 = FNV1a.offsetBasis

    package init() {}

    /// Adds bytes in order.
    package mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* FNV1a.prime
        }
        value = hash
    }

    /// Adds a 64-bit word, least significant byte first.
    package mutating func add(word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value = value &* FNV1a.prime
            w >>= 8
        }
    }

    /// The hash of `bytes`.
    package static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
