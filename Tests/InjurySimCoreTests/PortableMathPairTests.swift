import Testing

@testable import InjurySimCore

/// `PortableMath.log(pair:)` must give each lane the bits of the scalar `PortableMath.log`:
/// hires and the initial population take two logarithms at once with it, and any difference
/// would move every result.
@Suite struct PortableMathPairTests {
    /// Values where the computation changes course or is most delicate.
    static let edges: [Double] = [
        0x1.0p-53, 0x1.8p-53, 0x1.0p-52, 0x1.0p-1022, 0x1.fffffffffffffp-1022, 0.5, 0.7071067811865475, 0.7071067811865476,
        0.9999999999999999, 1, 1.0000000000000002, 1.4142135623730950, 1.4142135623730951, 1.4142135623730954, 2, 3, 10,
        0x1.fffffffffffffp1023, 1e-300, 1e300, 0.1, 0.25, 0.75
    ]

    @Test func everyEdgeInEitherLaneHasTheScalarBits() {
        for a in Self.edges {
            for b in Self.edges {
                let pair = PortableMath.log(pair: SIMD2(a, b))
                #expect(pair[0].bitPattern == PortableMath.log(a).bitPattern, "log(\(a))")
                #expect(pair[1].bitPattern == PortableMath.log(b).bitPattern, "log(\(b))")
            }
        }
    }

    @Test func uniformDrawsHaveTheScalarBits() {
        let key = StreamKey(rawValue: 0x5EED_1234)
        var mismatches = 0
        for i in 0..<200_000 {
            let a = key.uniform(UInt64(2 * i))
            let b = key.uniform(UInt64(2 * i + 1))
            let pair = PortableMath.log(pair: SIMD2(a, b))
            if pair[0].bitPattern != PortableMath.log(a).bitPattern || pair[1].bitPattern != PortableMath.log(b).bitPattern {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// Draws spread over many binades (uniforms cluster near 1 in value, not in exponent).
    @Test func drawsOverManyBinadesHaveTheScalarBits() {
        let key = StreamKey(rawValue: 0xB1AD_E5)
        var mismatches = 0
        for i in 0..<100_000 {
            let u = key.uniform(UInt64(i))
            let scale = Double(sign: .plus, exponent: Int(key.bits(UInt64(i) + 1_000_000) % 200) - 150, significand: 1)
            let x = u * scale
            let pair = PortableMath.log(pair: SIMD2(x, u))
            if pair[0].bitPattern != PortableMath.log(x).bitPattern || pair[1].bitPattern != PortableMath.log(u).bitPattern {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}
