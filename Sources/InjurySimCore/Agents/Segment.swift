import Foundation

/// A run of worker slots of one platform in a shard.
@usableFromInline package struct Segment: Sendable {
    @usableFromInline package var platform: Int
    @usableFromInline package var sector: Int
    @usableFromInline package var range: Range<Int>
    /// Stream of the (province, platform) pair: slot i's stream is `key.child(firstSlot + i)`.
    @usableFromInline package var key: StreamKey
    /// Index of the segment's first slot within its (province, platform) pair.
    @usableFromInline package var firstSlot: Int

    package init(platform: Int, sector: Int, range: Range<Int>, key: StreamKey, firstSlot: Int) {
        self.platform = platform
        self.sector = sector
        self.range = range
        self.key = key
        self.firstSlot = firstSlot
    }
}
