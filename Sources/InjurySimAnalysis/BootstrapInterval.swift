import InjurySimCore

/// The bias-corrected and accelerated (BCa) bootstrap interval of a mean (Efron 1987; Efron and
/// Tibshirani 1993, §14.3): the resampled means are drawn from a fixed stream, so the same values
/// give the same interval, and the interval's bounds are resampled means, so they lie inside the
/// observed range. Bias correction z₀ and jackknife acceleration a move the percentile
/// interval's levels where a skewed figure needs them; with z₀ = a = 0 it is the percentile
/// interval (the 25th and 975th of 1,000 sorted resampled means).
package enum BootstrapInterval {
    /// Resamples drawn.
    package static let resamples = 1_000

    /// The mean of `values` (finite ones) with its 95% BCa interval, from `resamples` resamples
    /// drawn from the stream `key` (one child per resample, one draw per value).
    package static func mean(_ values: [Double], key: StreamKey = StreamKey(seed: 0xB0075)) -> Estimate {
        let finite = values.filter(\.isFinite)
        let mean = Statistics.mean(finite)
        guard finite.count > 1, let lowest = finite.min(), let highest = finite.max(), lowest < highest else {
            let m = finite.first ?? .nan
            return Estimate(mean: m, low: m, high: m)
        }
        let means = resampledMeans(finite, key: key.child(UInt64(finite.count)))
        let z0 = biasCorrection(sortedResamples: means, estimate: mean)
        let a = acceleration(finite)
        let low = means[rank(level: adjustedLevel(0.025, biasCorrection: z0, acceleration: a), of: means.count)]
        let high = means[rank(level: adjustedLevel(0.975, biasCorrection: z0, acceleration: a), of: means.count)]
        return Estimate(mean: mean, low: low, high: high)
    }

    /// The sorted means of ``resamples`` resamples (with replacement) of `values`.
    static func resampledMeans(_ values: [Double], key: StreamKey) -> [Double] {
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for b in 0..<resamples {
            let stream = key.child(UInt64(b))
            var sum = 0.0
            for i in values.indices { sum += values[min(values.count - 1, Int(stream.uniform(UInt64(i)) * Double(values.count)))] }
            means.append(sum / Double(values.count))
        }
        return means.sorted()
    }

    /// z₀ = Φ⁻¹(share of resampled estimates below the estimate, ties counting half), the share
    /// kept within half a resample of 0 and 1 so that z₀ stays finite.
    static func biasCorrection(sortedResamples: [Double], estimate: Double) -> Double {
        let below = sortedResamples.filter { $0 < estimate }.count
        let tied = sortedResamples.filter { $0 == estimate }.count
        let count = Double(sortedResamples.count)
        let share = min(max((Double(below) + Double(tied) / 2) / count, 0.5 / count), 1 - 0.5 / count)
        return Sample.inverseNormalCDF(share)
    }

    /// The jackknife acceleration of the mean: with θ₍ᵢ₎ the mean leaving value i out and θ̄ their
    /// mean, a = Σ(θ̄ − θ₍ᵢ₎)³ ÷ (6 · (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}). For the mean θ̄ − θ₍ᵢ₎ = (xᵢ − x̄)/(n − 1),
    /// and the factor cancels: a = Σ(xᵢ − x̄)³ ÷ (6 · (Σ(xᵢ − x̄)²)^{3/2}); 0 without spread.
    static func acceleration(_ values: [Double]) -> Double {
        let mean = Statistics.mean(values)
        var squares = 0.0
        var cubes = 0.0
        for value in values {
            let d = value - mean
            squares += d * d
            cubes += d * d * d
        }
        guard squares > 0 else { return 0 }
        return cubes / (6 * squares * squares.squareRoot())
    }

    /// The level of the resampled distribution BCa reads for the nominal `level`:
    /// Φ(z₀ + (z₀ + z) ÷ (1 − a(z₀ + z))) with z = Φ⁻¹(level); 0 or 1 where the
    /// denominator is not positive (an acceleration too large for the level).
    static func adjustedLevel(_ level: Double, biasCorrection z0: Double, acceleration a: Double) -> Double {
        let shifted = z0 + Sample.inverseNormalCDF(level)
        let denominator = 1 - a * shifted
        guard denominator > 0 else { return level < 0.5 ? 0 : 1 }
        return normalCDF(z0 + shifted / denominator)
    }

    /// The index of the resampled value at `level` among `count` sorted values (nearest rank:
    /// level 0.025 of 1,000 is the 25th, index 24).
    static func rank(level: Double, of count: Int) -> Int {
        min(count - 1, max(0, Int((level * Double(count)).rounded()) - 1))
    }

    /// The standard normal CDF Φ, from the complementary error function's Chebyshev fit
    /// (Numerical Recipes' erfcc; fractional error below 1.2·10⁻⁷) with portable arithmetic only.
    static func normalCDF(_ x: Double) -> Double {
        let z = abs(x) / 2.squareRoot()
        let t = 1 / (1 + 0.5 * z)
        let polynomial =
            -z * z - 1.26551223
            + t
            * (1.00002368 + t
                * (0.37409196 + t
                    * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
        let erfc = t * PortableMath.exp(polynomial)
        return x >= 0 ? 1 - erfc / 2 : erfc / 2
    }
}
