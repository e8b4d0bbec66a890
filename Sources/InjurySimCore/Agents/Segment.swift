import Foundation

/// A run of worker slots of one platform in a shard.
public struct Segment: Sendable {
    public var platform: Int
    public var sector: Int
    public var range: Range<Int>
    /// Stream of the (province, platform) pair: slot i's stream is `key.child(firstSlot + i)`.
    public var key: StreamKey
    /// Index of the segment's first slot within its (province, platform) pair.
    public var firstSlot: Int

    public init(platform: Int, sector: Int, range: Range<Int>, key: StreamKey, firstSlot: Int) {
        self.platform = platform
        self.sector = sector
        self.range = range
        self.key = key
        self.firstSlot = firstSlot
    }
}
