import Foundation

/// A run of worker slots of one platform in a shard.
package struct Segment: Sendable {
    package var platform: Int
    package var sector: Int
    package var range: Range<Int>
    /// Stream of the (province, platform) pair: slot i's stream is `key.child(firstSlot + i)`.
    package var key: StreamKey
    /// Index of the segment's first slot within its (province, platform) pair.
    package var firstSlot: Int

    package init(platform: Int, sector: Int, range: Range<Int>, key: StreamKey, firstSlot: Int) {
        self.platform = platform
        self.sector = sector
        self.range = range
        self.key = key
        self.firstSlot = firstSlot
    }
}
