/// Samplers that turn uniforms from a ``RandomCursor`` into draws of common distributions.
///
/// Every sampler uses the project's own mapping from bits to numbers, so results do not depend
/// on the toolchain's `random(in:)` implementation.
@usableFromInline package enum Sample {
    /// Exponential with mean 1.
    package static func standardExponential(_ cursor: inout RandomCursor) -> Double {
        -PortableMath.log(cursor.uniform())
    }

    /// Standard normal by inverting the CDF (one uniform per draw).
    package static func standardNormal(_ cursor: inout RandomCursor) -> Double {
        inverseNormalCDF(cursor.uniform())
    }

    /// Lognormal with the given median and log-scale standard deviation.
    package static func lognormal(median: Double, sigma: Double, _ cursor: inout RandomCursor) -> Double {
        median * PortableMath.exp(sigma * standardNormal(&cursor))
    }

    /// The number of failures before the first success with success probability `p` in (0, 1].
    package static func geometric(successProbability p: Double, _ cursor: inout RandomCursor) -> Int {
        if p >= 1 { return 0 }
        let draw = (PortableMath.log(cursor.uniform()) / PortableMath.log1p(-p)).rounded(.down)
        return draw >= Double(Int32.max) ? Int(Int32.max) : Int(draw)
    }

    /// Poisson with mean `mean`: inversion for small means, Hörmann's PTRS (transformed
    /// rejection with squeeze, 1993) for means of 10 and more. Exact in both regimes.
    package static func poisson(mean: Double, _ cursor: inout RandomCursor) -> Int64 {
        if mean <= 0 { return 0 }
        if mean < 10 {
            var k: Int64 = 0
            var probability = PortableMath.exp(-mean)
            var cumulative = probability
            let u = cursor.uniform()
            while u > cumulative && k < 1000 {
                k += 1
                probability *= mean / Double(k)
                cumulative += probability
            }
            return k
        }
        let slam = mean.squareRoot()
        let logLambda = PortableMath.log(mean)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = cursor.uniform() - 0.5
            let v = cursor.uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int64(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if PortableMath.log(v) + PortableMath.log(invAlpha) - PortableMath.log(a / (us * us) + b)
                <= -mean + k * logLambda - PortableMath.logFactorial(k)
            {
                return Int64(k)
            }
        }
    }

    /// Index drawn from cumulative probabilities (the last entry is treated as 1).
    @inlinable
    package static func categorical(cumulative: [Double], uniform u: Double) -> Int {
        for index in 0..<cumulative.count where u < cumulative[index] { return index }
        return cumulative.count - 1
    }

    /// The inverse of the standard normal CDF (Acklam's rational approximation; relative error
    /// below 1.15·10⁻⁹, with portable arithmetic only).
    @usableFromInline package static func inverseNormalCDF(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
        ]
        let d = [
            7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00
        ]
        let low = 0.02425
        let x: Double
        if p < low {
            let q = (-2 * PortableMath.log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * PortableMath.log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        return x
    }
}
