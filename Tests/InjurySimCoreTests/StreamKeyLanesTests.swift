import Testing

@testable import InjurySimCore

/// The stream functions in vector lanes (`StreamKey.mix(lanes:)`, `child(lanes:_:)`,
/// `bits(lanes:_:)`, `uniform(lanes:_:)`, `DrawPurpose.counter(days:)`) must give each lane the
/// bits of the scalar function: the initial population draws every slot's stream, take-up
/// position, first person and first draws with them, and any difference would move every result.
@Suite struct StreamKeyLanesTests {
    /// Keys and counters where the arithmetic wraps or the bits are extreme, next to ordinary ones.
    static let edges: [UInt64] = [
        0, 1, 2, 0xFFF, 0x1000, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF,
        0x1_0000_0000, 0x9E37_79B9_7F4A_7C15, 0x61C8_8646_80B5_83EB, 0xD1B5_4A32_D192_ED03, 0x2E4A_B5CD_2E6D_12FD
    ]

    /// Eight lanes from `values`, starting at `offset` (wrapping around).
    static func lanes(_ values: [UInt64], _ offset: Int) -> SIMD8<UInt64> {
        var v = SIMD8<UInt64>()
        for lane in 0..<8 { v[lane] = values[(offset + lane) % values.count] }
        return v
    }

    /// Edges and draws of an ordinary stream, so every edge meets every lane.
    static let values: [UInt64] = edges + (0..<50).map { StreamKey(seed: 2807).bits(UInt64($0)) }

    @Test func everyLaneHasTheScalarBits() {
        for offset in 0..<Self.values.count {
            let keys = Self.lanes(Self.values, offset)
            let counters = Self.lanes(Self.values, offset * 5 + 3)
            let mixed = StreamKey.mix(lanes: keys)
            let children = StreamKey.child(lanes: keys, counters)
            let bits = StreamKey.bits(lanes: keys, counters)
            let uniforms = StreamKey.uniform(lanes: keys, counters)
            for lane in 0..<8 {
                let key = StreamKey(rawValue: keys[lane])
                #expect(mixed[lane] == StreamKey.mix(keys[lane]))
                #expect(children[lane] == key.child(counters[lane]).rawValue)
                #expect(bits[lane] == key.bits(counters[lane]))
                #expect(uniforms[lane].bitPattern == key.uniform(counters[lane]).bitPattern, "key \(keys[lane]) counter \(counters[lane])")
            }
        }
    }

    /// The lowest and highest 52-bit tops (a uniform's smallest and largest values) convert
    /// exactly: keys whose draw's top bits are all zeros or all ones.
    @Test func theSmallestAndLargestUniformsConvertExactly() {
        let top: [UInt64] = [0, 1, 0x000F_FFFF_FFFF_FFFF, 0x000F_FFFF_FFFF_FFFE, 0x0008_0000_0000_0000]
        for t in top {
            // bits(key, counter) = mix(key ^ counter × φ): invert nothing, but check the mapping
            // itself on the lanes' conversion by driving it through unitInterval's inputs.
            let raw = t << 12 | 0xABC
            let whole = unsafeBitCast(SIMD8(repeating: raw >> 12) | 0x4330_0000_0000_0000, to: SIMD8<Double>.self) - 0x1.0p52
            #expect(((whole + 0.5) * 0x1.0p-52)[0].bitPattern == StreamKey.unitInterval(raw).bitPattern)
        }
    }

    @Test(arguments: [DrawPurpose.hireClock.rawValue, DrawPurpose.occasional.rawValue, DrawPurpose.shift.rawValue, DrawPurpose.tenure.rawValue])
    func countersForEightDaysAreTheScalarCounters(raw: UInt64) throws {
        let purpose = try #require(DrawPurpose(rawValue: raw))
        let days: [Int] = [0, 1, -1, -3650, 3650, 18_262, Int(Int32.max), Int(Int32.min), -2, 59]
        for offset in 0..<days.count {
            var lanes = SIMD8<Int>()
            for lane in 0..<8 { lanes[lane] = days[(offset + lane) % days.count] }
            let counters = purpose.counter(days: lanes)
            for lane in 0..<8 { #expect(counters[lane] == purpose.counter(day: lanes[lane])) }
        }
    }
}
