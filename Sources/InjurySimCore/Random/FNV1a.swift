/// FNV-1a, 64 bits: a stable hash of bytes, the same in every process and on every platform.
/// Names random streams (``StreamKey/stableHash(_:)``), hashes scenario contents for manifests,
/// and checksums benchmark results.
public struct FNV1a: Sendable, Equatable {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    public private(set) var value: UInt64 = FNV1a.offsetBasis

    public init() {}

    /// Adds bytes in order.
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* FNV1a.prime
        }
        value = hash
    }

    /// Adds a 64-bit word, least significant byte first.
    public mutating func add(word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value = value &* FNV1a.prime
            w >>= 8
        }
    }

    /// The hash of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
