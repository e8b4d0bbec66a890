import Foundation
import InjurySimCore
import Testing

@testable import InjurySimAnalysis

/// The BCa interval of the policy figures' means: its pieces against hand-computed values, the
/// whole against an independent computation from the same resamples, and the two properties
/// that make it BCa — no bias and no skew give the percentile interval, right skew moves both
/// bounds up.
@Suite struct BootstrapIntervalTests {
    @Test func theNormalCDFHasItsTabulatedValues() {
        #expect(abs(BootstrapInterval.normalCDF(0) - 0.5) < 1e-7)
        #expect(abs(BootstrapInterval.normalCDF(1.959964) - 0.975) < 1e-7)
        #expect(abs(BootstrapInterval.normalCDF(-1) - 0.158655254) < 1e-7)
    }

    /// [0, 0, 0, 3]: mean 0.75, deviations −0.75 (×3) and 2.25; Σd² = 6.75, Σd³ = 10.125, so
    /// a = 10.125 ÷ (6 · 6.75^{3/2}) = 0.0962250… — and the same from the leave-one-out means.
    @Test func theAccelerationIsTheJackknifeSkewnessByHand() {
        let values = [0.0, 0, 0, 3]
        let a = BootstrapInterval.acceleration(values)
        #expect(abs(a - 0.096225044864938) < 1e-12)
        let leaveOneOut = values.indices.map { i in (values.reduce(0, +) - values[i]) / Double(values.count - 1) }
        let centre = leaveOneOut.reduce(0, +) / Double(values.count)
        let d = leaveOneOut.map { centre - $0 }
        let jackknife = d.map { $0 * $0 * $0 }.reduce(0, +) / (6 * pow(d.map { $0 * $0 }.reduce(0, +), 1.5))
        #expect(abs(a - jackknife) < 1e-12)
        #expect(BootstrapInterval.acceleration([1, 2, 3, 4, 5]) == 0, "a symmetric sample has no skew")
        #expect(BootstrapInterval.acceleration([2, 2, 2]) == 0, "no spread: no acceleration")
    }

    /// Φ(z₀ + (z₀ + z) ÷ (1 − a(z₀ + z))) with z₀ = 0.1, a = 0.05: 0.0546101 and 0.9917237
    /// (computed with the error function); with z₀ = a = 0 the nominal levels themselves.
    @Test func theAdjustedLevelsAreTheBCaFormula() {
        #expect(abs(BootstrapInterval.adjustedLevel(0.025, biasCorrection: 0.1, acceleration: 0.05) - 0.0546101) < 1e-6)
        #expect(abs(BootstrapInterval.adjustedLevel(0.975, biasCorrection: 0.1, acceleration: 0.05) - 0.9917237) < 1e-6)
        #expect(abs(BootstrapInterval.adjustedLevel(0.025, biasCorrection: 0, acceleration: 0) - 0.025) < 1e-7)
        #expect(abs(BootstrapInterval.adjustedLevel(0.975, biasCorrection: 0, acceleration: 0) - 0.975) < 1e-7)
        #expect(BootstrapInterval.rank(level: 0.025, of: 1_000) == 24 && BootstrapInterval.rank(level: 0.975, of: 1_000) == 974)
        #expect(BootstrapInterval.rank(level: 0, of: 1_000) == 0 && BootstrapInterval.rank(level: 1, of: 1_000) == 999)
    }

    /// The interval recomputed from the same resampled means with Foundation's erfc for Φ and the
    /// leave-one-out means for the acceleration: the same resampled means are picked.
    @Test(arguments: [
        [0.0, 0, 0, 0, 0, 0, 0, 0, 0, 1_000_000], (1...40).map { PortableMath.exp(Double($0) / 8) }, (1...25).map { Double($0 % 7) - 3 }
    ])
    func theIntervalIsTheOneComputedIndependently(values: [Double]) {
        let key = StreamKey(seed: 0xB0075)
        let means = BootstrapInterval.resampledMeans(values, key: key.child(UInt64(values.count)))
        let mean = values.reduce(0, +) / Double(values.count)
        let below = Double(means.filter { $0 < mean }.count)
        let tied = Double(means.filter { $0 == mean }.count)
        let share = (below + tied / 2) / Double(means.count)
        let z0 = Sample.inverseNormalCDF(share)
        let leaveOneOut = values.indices.map { i in (values.reduce(0, +) - values[i]) / Double(values.count - 1) }
        let centre = leaveOneOut.reduce(0, +) / Double(values.count)
        let d = leaveOneOut.map { centre - $0 }
        let a = d.map { $0 * $0 * $0 }.reduce(0, +) / (6 * pow(d.map { $0 * $0 }.reduce(0, +), 1.5))
        func level(_ z: Double) -> Double { 0.5 * erfc(-(z0 + (z0 + z) / (1 - a * (z0 + z))) / 2.0.squareRoot()) }
        let low = means[Int((level(-1.959964) * 1_000).rounded()) - 1]
        let high = means[Int((level(1.959964) * 1_000).rounded()) - 1]
        let interval = BootstrapInterval.mean(values, key: key)
        #expect(interval.mean == mean)
        #expect(interval.low == low && interval.high == high, "[\(interval.low), \(interval.high)] vs [\(low), \(high)]")
    }

    /// A symmetric sample: the acceleration is zero and the bias correction small, so the BCa
    /// bounds are the percentile bounds (25th and 975th of the sorted resampled means) to within
    /// a few resamples' ranks.
    @Test func aSymmetricSampleGivesThePercentileInterval() {
        let values = (0..<210).map { Double($0 % 21) - 10 }
        let key = StreamKey(seed: 0xB0075)
        let means = BootstrapInterval.resampledMeans(values, key: key.child(UInt64(values.count)))
        let interval = BootstrapInterval.mean(values, key: key)
        let lowRank = means.firstIndex(of: interval.low) ?? -100
        let highRank = means.lastIndex(of: interval.high) ?? -100
        #expect(abs(lowRank - 24) <= 8 && abs(highRank - 974) <= 8, "ranks \(lowRank), \(highRank)")
    }

    /// Right skew (many small values, a few large): BCa moves both bounds up from the percentile
    /// interval's — the percentile interval is too low for a right-skewed mean.
    @Test func aRightSkewedSampleMovesBothBoundsUp() {
        let values = (1...60).map { PortableMath.exp(Double($0 % 30) / 4) }
        let key = StreamKey(seed: 0xB0075)
        let means = BootstrapInterval.resampledMeans(values, key: key.child(UInt64(values.count)))
        #expect(BootstrapInterval.acceleration(values) > 0.03)
        let interval = BootstrapInterval.mean(values, key: key)
        #expect(interval.low >= means[24] && interval.high > means[974], "[\(interval.low), \(interval.high)] vs [\(means[24]), \(means[974])]")
    }

    @Test func aConstantSampleIsItsOwnInterval() {
        #expect(BootstrapInterval.mean([4, 4, 4]) == Estimate(mean: 4, low: 4, high: 4))
        #expect(BootstrapInterval.mean([7, .nan]) == Estimate(mean: 7, low: 7, high: 7))
    }
}
