/// Elementary functions computed with plain IEEE-754 arithmetic only, so every machine gets the
/// same bits. The C library's `log`, `exp` and `pow` may pick different code paths by CPU (FMA or
/// not, x86_64 or ARM), which would break the promise of byte-identical results across machines.
/// Accuracy is within a few units in the last place: ample for a simulation, and deterministic.
@usableFromInline package enum PortableMath {
    @usableFromInline static let ln2High = 6.93147180369123816490e-01
    @usableFromInline static let ln2Low = 1.90821492927058770002e-10
    @usableFromInline static let invLn2 = 1.44269504088896338700e+00
    @usableFromInline static let sqrt2 = 1.4142135623730951

    /// Natural logarithm: x = m·2ᵉ with m in [√½, √2), log m = 2·atanh((m − 1)/(m + 1)) by its series.
    @inlinable
    package static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        // m and e as `significand` and `exponent` give them, from the bits for a normal x (no
        // library call on this hot path); subnormals ask the properties.
        let bits = x.bitPattern
        let biased = Int((bits &>> 52) & 0x7FF)
        var m = biased == 0 ? x.significand : Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        var e = biased == 0 ? Double(x.exponent) : Double(biased - 1023)
        if m > sqrt2 {
            m *= 0.5
            e += 1
        }
        return logReduced(m, e)
    }

    /// log m + e·ln 2 for m in [√½, √2): the series ``log(_:)`` and ``log(pair:)`` share, the
    /// same IEEE operations in the same order whether `T` is a number or a vector of them
    /// (`2 + f` and `2·s` are written `f + 2` and `s·2`: the same results).
    @inlinable @inline(__always)
    static func logReduced<T: PortableLanes>(_ m: T, _ e: T) -> T {
        let f = T.minus(m, 1)
        let s = T.divided(f, T.plus(f, 2))
        let s2 = T.times(s, s)
        // 1 + s²/3 + s⁴/5 + … + s²⁰/21 (|s| < 0.1716, so the next term is below 2⁻⁵⁴).
        var series = T.plus(T.times(s2, 1.0 / 21), 1.0 / 19)
        series = T.plus(T.times(series, s2), 1.0 / 17)
        series = T.plus(T.times(series, s2), 1.0 / 15)
        series = T.plus(T.times(series, s2), 1.0 / 13)
        series = T.plus(T.times(series, s2), 1.0 / 11)
        series = T.plus(T.times(series, s2), 1.0 / 9)
        series = T.plus(T.times(series, s2), 1.0 / 7)
        series = T.plus(T.times(series, s2), 1.0 / 5)
        series = T.plus(T.times(series, s2), 1.0 / 3)
        series = T.plus(T.times(series, s2), 1)
        return T.plus(T.times(e, ln2High), T.plus(T.times(T.times(s, 2), series), T.times(e, ln2Low)))
    }

    /// Exponential: x = k·ln 2 + r with |r| ≤ ½ ln 2, e^r by its Taylor series to r¹³, then × 2ᵏ.
    ///
    /// The series is written out (1 + s·r/n for n = 13 … 1, in that order) and k is rounded with
    /// ``roundedInt(_:)``; for a normal result 2ᵏ is built from its bits, the one multiplication
    /// `Double(sign:exponent:significand:)` makes there. Only the subnormal and overflow ends
    /// take that initialiser, so every x gives the bits of the loop form
    /// (`PortableMathExactnessTests` holds that form as its reference).
    @inlinable
    package static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = roundedInt(x * invLn2)
        // Double(k) is k.rounded() but for the sign of a zero k, which only changes the sign of a
        // zero r, and 1 + s·(±0)/n is 1 either way.
        let kd = Double(k)
        let r = (x - kd * ln2High) - kd * ln2Low
        var sum = 1 + r / 13
        sum = 1 + sum * r / 12
        sum = 1 + sum * r / 11
        sum = 1 + sum * r / 10
        sum = 1 + sum * r / 9
        sum = 1 + sum * r / 8
        sum = 1 + sum * r / 7
        sum = 1 + sum * r / 6
        sum = 1 + sum * r / 5
        sum = 1 + sum * r / 4
        sum = 1 + sum * r / 3
        sum = 1 + sum * r / 2
        sum = 1 + sum * r / 1
        guard k >= -1022 && k <= 1023 else { return Double(sign: .plus, exponent: k, significand: sum) }
        return sum * Double(bitPattern: UInt64(k + 1023) &<< 52)
    }

    /// `Int(x.rounded())`, half away from zero, without the C library's `round` (which Swift
    /// calls out of line on baseline x86-64). Truncation is one instruction, and x − trunc(x)
    /// is exact (for |x| ≥ 2⁵² both are x). Traps where `Int(x.rounded())` does: NaN, infinite
    /// or beyond Int's range.
    @inlinable @inline(__always)
    package static func roundedInt(_ x: Double) -> Int {
        let truncated = Int(x)
        let fraction = x - Double(truncated)
        return fraction >= 0.5 ? truncated + 1 : fraction <= -0.5 ? truncated - 1 : truncated
    }

    /// `Int(x.rounded(.down))` without the C library's `floor` (a call on baseline x86-64):
    /// truncation, one less where it rounded up (x negative and not whole; below 2⁵² in
    /// magnitude `Double(truncated)` is exact, above it x is whole). Traps where the original does.
    @inlinable @inline(__always)
    package static func flooredInt(_ x: Double) -> Int {
        let truncated = Int(x)
        return Double(truncated) > x ? truncated - 1 : truncated
    }

    /// `Int(x.rounded(.up))` without the C library's `ceil`, as ``flooredInt(_:)``.
    @inlinable @inline(__always)
    package static func ceiledInt(_ x: Double) -> Int {
        let truncated = Int(x)
        return Double(truncated) < x ? truncated + 1 : truncated
    }

    /// bᵉ for b > 0, as exp(e · log b).
    @inlinable
    package static func pow(_ base: Double, _ exponent: Double) -> Double {
        if exponent == 0 { return 1 }
        if base == 1 { return 1 }
        return exp(exponent * log(base))
    }

    /// log(1 + x), accurate for small x (Goldberg's correction).
    @inlinable
    package static func log1p(_ x: Double) -> Double {
        let u = 1 + x
        if u == 1 { return x }
        return log(u) * (x / (u - 1))
    }

    /// log(n!) for a whole number n ≥ 0: a table below 32, Stirling's series above
    /// (error below 2·10⁻¹⁴ there).
    package static func logFactorial(_ n: Double) -> Double {
        if n < 32 { return logFactorials[max(0, Int(n))] }
        let z = n + 1
        let z2 = z * z
        return (z - 0.5) * log(z) - z + 0.91893853320467274178
            + (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * z2)) / z2) / z
    }

    static let logFactorials: [Double] = {
        var table = [0.0]
        for i in 1..<32 { table.append(table[i - 1] + log(Double(i))) }
        return table
    }()
}
