import Testing

@testable import InjurySimCore

/// `PortableMath.log(lanes:)` must give each of its eight lanes the bits of the scalar
/// `PortableMath.log`: batches of hires and of initial holders take their logarithms with it,
/// and any difference would move every result.
@Suite struct PortableMathLanesTests {
    /// Where the computation changes course or is most delicate, and inputs outside the vector
    /// path (zero, negative, subnormal, infinite, NaN) that must fall back to the scalar function.
    static let edges: [Double] = [
        0x1.0p-53, 0x1.8p-53, 0x1.0p-52, 0x1.0p-1022, 0x1.0000000000001p-1022, 0.5, 0.7071067811865475, 0.7071067811865476,
        0.9999999999999999, 1, 1.0000000000000002, 1.4142135623730950, 1.4142135623730951, 1.4142135623730954, 2, 3, 10,
        0x1.fffffffffffffp1023, 1e-300, 1e300, 0.1, 0.25, 0.75, 0, -0.0, -1, -0x1.0p-1022, 0x1.0p-1074,
        0x0.fffffffffffffp-1022, .infinity, -.infinity, .nan
    ]

    /// Bits of the scalar logarithm (any NaN counts as the same).
    static func same(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    /// Every edge in every lane, next to ordinary draws and next to other edges.
    @Test func everyEdgeInEveryLaneHasTheScalarBits() {
        let key = StreamKey(rawValue: 0xED6E)
        for (n, edge) in Self.edges.enumerated() {
            for lane in 0..<8 {
                var x = SIMD8<Double>()
                for other in 0..<8 { x[other] = key.uniform(UInt64(8 * n + other)) }
                x[lane] = edge
                x[(lane + 3) % 8] = Self.edges[(n * 7 + lane) % Self.edges.count]
                let logs = PortableMath.log(lanes: x)
                for other in 0..<8 {
                    #expect(Self.same(logs[other], PortableMath.log(x[other])), "log(\(x[other])) in lane \(other)")
                }
            }
        }
    }

    @Test func uniformDrawsHaveTheScalarBits() {
        let key = StreamKey(rawValue: 0x5EED_4321)
        var mismatches = 0
        for batch in 0..<40_000 {
            var x = SIMD8<Double>()
            for lane in 0..<8 { x[lane] = key.uniform(UInt64(8 * batch + lane)) }
            let logs = PortableMath.log(lanes: x)
            for lane in 0..<8 where logs[lane].bitPattern != PortableMath.log(x[lane]).bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// Draws spread over many binades, above 1 too, and the ends of the normal range.
    @Test func drawsOverManyBinadesHaveTheScalarBits() {
        let key = StreamKey(rawValue: 0xB1AD_E8)
        var mismatches = 0
        for batch in 0..<20_000 {
            var x = SIMD8<Double>()
            for lane in 0..<8 {
                let i = UInt64(8 * batch + lane)
                let exponent = Int(key.bits(i + 1_000_000) % 2046) - 1022
                x[lane] = Double(sign: .plus, exponent: exponent, significand: 1 + key.uniform(i) * 0.9999999999999998)
            }
            let logs = PortableMath.log(lanes: x)
            for lane in 0..<8 where logs[lane].bitPattern != PortableMath.log(x[lane]).bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// The logarithm itself, not only agreement: log 1 = 0, log 2ᵏ = k·ln 2 to a few ulps.
    @Test func powersOfTwoGiveMultiplesOfLn2() {
        let logs = PortableMath.log(lanes: SIMD8(1, 2, 4, 0.5, 0.25, 0x1.0p-52, 0x1.0p100, 8))
        let k: [Double] = [0, 1, 2, -1, -2, -52, 100, 3]
        for lane in 0..<8 {
            #expect(abs(logs[lane] - k[lane] * 0.69314718055994530942) <= 4 * max(1, abs(k[lane])) * 0x1.0p-52)
        }
    }
}
