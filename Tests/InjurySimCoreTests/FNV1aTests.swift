import InjurySimCore
import Testing

/// FNV-1a 64 against the published test vectors, and the word form against the byte form.
@Suite struct FNV1aTests {
    @Test(arguments: [("", 0xCBF2_9CE4_8422_2325 as UInt64), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)])
    func publishedVectors(text: String, expected: UInt64) {
        #expect(FNV1a.hash(text.utf8) == expected)
        #expect(StreamKey.stableHash(text) == expected)
    }

    @Test func aWordIsItsEightBytesLeastSignificantFirst() {
        var word = FNV1a()
        word.add(word: 0x0102_0304_0506_0708)
        #expect(word.value == FNV1a.hash([0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01] as [UInt8]))
    }
}
