import Testing

@testable import InjurySimCore

/// `PortableMath.exp` and `roundedInt` are the same bits as the forms they replaced: the series
/// as a loop, k by the C library's `round` and 2ᵏ by `Double(sign:exponent:significand:)` (kept
/// here verbatim as the reference), over the whole domain, every rounding boundary of k and both
/// ends (overflow, subnormal results, underflow to zero).
@Suite struct PortableMathExactnessTests {
    /// `PortableMath.exp` as it was before the series was written out (d7bf00b).
    static func referenceExp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x * PortableMath.invLn2).rounded()
        let r = (x - k * PortableMath.ln2High) - k * PortableMath.ln2Low
        var sum = 1.0
        var n = 13.0
        while n >= 1 {
            sum = 1 + sum * r / n
            n -= 1
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    static func sameBits(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// x, and the `steps` doubles on either side of it.
    static func around(_ x: Double, steps: Int) -> [Double] {
        var out = [x]
        var up = x
        var down = x
        for _ in 0..<steps {
            up = up.nextUp
            down = down.nextDown
            out += [up, down]
        }
        return out
    }

    @Test func expIsTheLoopFormForRandomArguments() {
        var cursor = RandomCursor(key: StreamKey(seed: 41))
        var mismatches = 0
        for i in 0..<400_000 {
            // The whole domain, then the ranges the model uses (hazards, powers, discounting).
            let x = i % 2 == 0 ? 1_470 * (cursor.uniform() - 0.5) : 20 * (cursor.uniform() - 0.75)
            if !Self.sameBits(PortableMath.exp(x), Self.referenceExp(x)) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func expIsTheLoopFormAtEveryRoundingBoundaryOfK() {
        // x · (1 / ln 2) near k + ½ for every k the domain reaches: where k's rounding could differ.
        var mismatches: [Double] = []
        for k in -1_076...1_025 {
            let boundary = (Double(k) + 0.5) / PortableMath.invLn2
            for x in Self.around(boundary, steps: 3) + Self.around(Double(k) / PortableMath.invLn2, steps: 2)
            where !Self.sameBits(PortableMath.exp(x), Self.referenceExp(x)) {
                mismatches.append(x)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(
        arguments: [
            0.0, -0.0, 1e-300, -1e-300, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, 1e-17, -1e-17, 0.5, -0.5,
            1, -1, 709.78, 709.7, 709.782712893384, -708.3964185322641, -708.4, -709.1, -744.4400719213812, -745.1332191019411,
            -745.2, -745.19, 710, -746, Double.infinity, -Double.infinity, Double.nan, Double.greatestFiniteMagnitude,
            -Double.greatestFiniteMagnitude
        ])
    func expIsTheLoopFormAtTheEnds(x: Double) {
        for y in Self.around(x, steps: 4) where !y.isNaN || x.isNaN {
            #expect(Self.sameBits(PortableMath.exp(y), Self.referenceExp(y)), "x=\(y)")
        }
    }

    @Test func expIsTheLoopFormAcrossSubnormalResults() {
        var mismatches = 0
        var x = -745.2
        while x < -700 {
            if !Self.sameBits(PortableMath.exp(x), Self.referenceExp(x)) { mismatches += 1 }
            x += 0.000_37
        }
        #expect(mismatches == 0)
    }

    @Test func roundedIntIsIntOfRounded() {
        var inputs: [Double] = [
            0, -0.0, 0.49999999999999994, -0.49999999999999994, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5, 4_503_599_627_370_496, 9_007_199_254_740_993, -9_007_199_254_740_993, 1e18, -1e18,
            9.223372036854775e18, -9.223372036854775e18, Double.leastNonzeroMagnitude, 1e-300
        ]
        for n in -3_000...3_000 {
            inputs += Self.around(Double(n) + 0.5, steps: 2) + Self.around(Double(n), steps: 1)
        }
        var cursor = RandomCursor(key: StreamKey(seed: 43))
        for _ in 0..<100_000 {
            // Magnitudes from 10⁻³ to 10¹⁸, both signs.
            let magnitude = PortableMath.exp(Self.ln10 * (21 * cursor.uniform() - 3))
            inputs.append(cursor.uniform() < 0.5 ? magnitude : -magnitude)
        }
        let wrong = inputs.filter { PortableMath.roundedInt($0) != Int($0.rounded()) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    /// `flooredInt` and `ceiledInt` (the retirement age's birth month and days) against the
    /// standard library's rounding, over the same kinds of inputs: whole numbers and their
    /// neighbours, both signs, the ends where every double is whole.
    @Test func flooredAndCeiledIntAreIntOfRoundedDownAndUp() {
        var inputs: [Double] = [
            0, -0.0, 0.49999999999999994, -0.49999999999999994, 0.5, -0.5, 1, -1, 4_503_599_627_370_495.5, -4_503_599_627_370_495.5,
            4_503_599_627_370_496, 9_007_199_254_740_993, -9_007_199_254_740_993, 1e18, -1e18, 9.223372036854775e18,
            -9.223372036854775e18, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, 1e-300, -1e-300, 23_591.999_999_999_996
        ]
        for n in -3_000...3_000 {
            inputs += Self.around(Double(n), steps: 2) + Self.around(Double(n) + 0.5, steps: 1)
        }
        var cursor = RandomCursor(key: StreamKey(seed: 44))
        for _ in 0..<100_000 {
            let magnitude = PortableMath.exp(Self.ln10 * (21 * cursor.uniform() - 3))
            inputs.append(cursor.uniform() < 0.5 ? magnitude : -magnitude)
        }
        let wrongFloor = inputs.filter { PortableMath.flooredInt($0) != Int($0.rounded(.down)) }
        let wrongCeiling = inputs.filter { PortableMath.ceiledInt($0) != Int($0.rounded(.up)) }
        #expect(wrongFloor.isEmpty, "\(wrongFloor.prefix(5))")
        #expect(wrongCeiling.isEmpty, "\(wrongCeiling.prefix(5))")
        #expect(PortableMath.flooredInt(-2.5) == -3 && PortableMath.ceiledInt(-2.5) == -2)
        #expect(PortableMath.flooredInt(2.5) == 2 && PortableMath.ceiledInt(2.5) == 3)
    }

    /// ln 10, so magnitudes spread over decades.
    static let ln10 = 2.302585092994046
}
