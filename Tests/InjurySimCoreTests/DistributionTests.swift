import Foundation
import Testing

@testable import InjurySimCore

/// Statistical tests with fixed seeds. Each tolerance is 5 standard errors of the estimate, so a
/// correct sampler fails with probability below 1e-6 for any seed; the seeds are fixed anyway.
@Suite struct DistributionTests {
    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        let key = StreamKey(seed: 42)
        #expect(key.bits(7) == StreamKey(seed: 42).bits(7))
        #expect(key.bits(7) != key.bits(8))
        #expect(key.child(1).bits(0) != key.child(2).bits(0))
        #expect(key.child(named: "a").bits(0) == StreamKey(seed: 42).child(named: "a").bits(0))
        // Published FNV-1a 64 test vectors.
        #expect(StreamKey.stableHash("") == 0xCBF2_9CE4_8422_2325)
        #expect(StreamKey.stableHash("a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test func uniformsLieInTheOpenIntervalAndAreUniform() {
        let key = StreamKey(seed: 1)
        var buckets = [Int](repeating: 0, count: 10)
        let n = 200_000
        for i in 0..<n {
            let u = key.uniform(UInt64(i))
            #expect(u > 0 && u < 1)
            buckets[Int(u * 10)] += 1
        }
        // Chi-square with 9 degrees of freedom: 99.99th percentile is 33.7.
        let expected = Double(n) / 10
        let chi2 = buckets.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 33.7, "chi-square \(chi2)")
        #expect(StreamKey.unitInterval(0) > 0)
        #expect(StreamKey.unitInterval(UInt64.max) < 1)
    }

    @Test(arguments: [0.3, 3.0, 9.9, 10.0, 47.5, 1_000.0, 2_500_000.0])
    func poissonHasMatchingMeanAndVariance(mean: Double) {
        var cursor = RandomCursor(key: StreamKey(seed: 99).child(UInt64(mean * 10)))
        let n = 40_000
        let draws = (0..<n).map { _ in Double(Sample.poisson(mean: mean, &cursor)) }
        let m = Self.moments(draws)
        let standardError = (mean / Double(n)).squareRoot()
        #expect(abs(m.mean - mean) < 5 * standardError, "mean \(m.mean) vs \(mean)")
        // Variance of the sample variance of a Poisson ≈ (λ + 2λ²)/n.
        let varianceError = ((mean + 2 * mean * mean) / Double(n)).squareRoot()
        #expect(abs(m.variance - mean) < 5 * varianceError, "variance \(m.variance) vs \(mean)")
        #expect(draws.allSatisfy { $0 >= 0 })
    }

    @Test func poissonOfZeroMeanIsZero() {
        var cursor = RandomCursor(key: StreamKey(seed: 3))
        #expect(Sample.poisson(mean: 0, &cursor) == 0)
        #expect(Sample.poisson(mean: -1, &cursor) == 0)
    }

    @Test func exponentialNormalAndLognormal() {
        var cursor = RandomCursor(key: StreamKey(seed: 5))
        let n = 100_000
        let exponential = Self.moments((0..<n).map { _ in Sample.standardExponential(&cursor) })
        #expect(abs(exponential.mean - 1) < 5 * (1 / Double(n)).squareRoot())
        let normal = Self.moments((0..<n).map { _ in Sample.standardNormal(&cursor) })
        #expect(abs(normal.mean) < 5 * (1 / Double(n)).squareRoot())
        #expect(abs(normal.variance - 1) < 5 * (2 / Double(n)).squareRoot())
        // Lognormal median 100, sigma 0.5: mean = 100·e^(σ²/2); sd of the mean estimate from the known variance.
        let sigma = 0.5
        let expectedMean = 100 * exp(sigma * sigma / 2)
        let expectedSD = expectedMean * (exp(sigma * sigma) - 1).squareRoot()
        let lognormal = Self.moments((0..<n).map { _ in Sample.lognormal(median: 100, sigma: sigma, &cursor) })
        #expect(abs(lognormal.mean - expectedMean) < 5 * expectedSD / Double(n).squareRoot())
    }

    @Test(arguments: [0.05, 0.3, 0.9])
    func geometricHasMeanOneMinusPOverP(p: Double) {
        var cursor = RandomCursor(key: StreamKey(seed: 11))
        let n = 100_000
        let m = Self.moments((0..<n).map { _ in Double(Sample.geometric(successProbability: p, &cursor)) })
        let expected = (1 - p) / p
        let sd = ((1 - p).squareRoot()) / p
        #expect(abs(m.mean - expected) < 5 * sd / Double(n).squareRoot())
    }

    @Test func inverseNormalCDFMatchesKnownQuantiles() {
        let table: [(Double, Double)] = [
            (0.5, 0), (0.975, 1.959963984540054), (0.025, -1.959963984540054),
            (0.99, 2.326347874040841), (1e-10, -6.361340902404056)
        ]
        // Acklam's approximation: relative error below 1.15e-9.
        for (p, z) in table { #expect(abs(Sample.inverseNormalCDF(p) - z) <= 1.2e-9 * max(1, abs(z)), "p=\(p)") }
    }

    @Test func categoricalFollowsCumulativeWeights() {
        let cumulative = [0.5, 0.8, 1.0]
        #expect(Sample.categorical(cumulative: cumulative, uniform: 0.1) == 0)
        #expect(Sample.categorical(cumulative: cumulative, uniform: 0.5) == 1)
        #expect(Sample.categorical(cumulative: cumulative, uniform: 0.95) == 2)
        #expect(Sample.categorical(cumulative: [0.5, 0.9999999], uniform: 0.99999999) == 1)
    }
}
