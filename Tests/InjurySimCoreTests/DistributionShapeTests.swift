import Foundation
import Testing

@testable import InjurySimCore

/// The continuous samplers follow their whole distribution, not just its first moments: a
/// Kolmogorov–Smirnov test of 20,000 draws against the exact CDF at significance 0.001
/// (critical value 1.9495 / √n; a correct sampler fails with probability 0.1%, and with fixed
/// seeds the outcome is the same on every run), and a chi-square test of the geometric sampler
/// over its first cells. A sampler with the right mean and variance but the wrong shape fails.
@Suite struct DistributionShapeTests {
    static let draws = 20_000

    /// The KS statistic D = sup |F_n(x) − F(x)| of a sample against a CDF.
    static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    static let critical = 1.9495 / Double(draws).squareRoot()

    @Test(arguments: [
        ("exponential", 1.0), ("normal", 0.0), ("lognormal σ 0.5", 0.5), ("lognormal σ 1.2", 1.2)
    ])
    func samplesFollowTheirCDF(name: String, parameter: Double) {
        var cursor = RandomCursor(key: StreamKey(seed: 2024).child(named: name))
        let sample: [Double]
        let cdf: (Double) -> Double
        switch name {
        case "exponential":
            sample = (0..<Self.draws).map { _ in Sample.standardExponential(&cursor) }
            cdf = { 1 - exp(-$0) }
        case "normal":
            sample = (0..<Self.draws).map { _ in Sample.standardNormal(&cursor) }
            cdf = Self.normalCDF
        default:
            let sigma = parameter
            sample = (0..<Self.draws).map { _ in Sample.lognormal(median: 250, sigma: sigma, &cursor) }
            cdf = { Self.normalCDF(log($0 / 250) / sigma) }
        }
        let d = Self.kolmogorovSmirnov(sample, cdf: cdf)
        #expect(d < Self.critical, "\(name): D = \(d), critical \(Self.critical)")
    }

    /// The test has power: a sample of the right mean and variance but another shape is refused.
    @Test func theTestRefusesAWrongShapeWithTheRightMoments() {
        var cursor = RandomCursor(key: StreamKey(seed: 7))
        // Uniform on [−√3, √3]: mean 0, variance 1, not normal.
        let uniform = (0..<Self.draws).map { _ in (cursor.uniform() * 2 - 1) * 3.0.squareRoot() }
        #expect(Self.kolmogorovSmirnov(uniform, cdf: Self.normalCDF) > Self.critical)
        // Gamma(2, ½) (a sum of two exponentials, halved): mean 1, not exponential.
        let gamma = (0..<Self.draws).map { _ in (Sample.standardExponential(&cursor) + Sample.standardExponential(&cursor)) / 2 }
        #expect(Self.kolmogorovSmirnov(gamma, cdf: { 1 - exp(-$0) }) > Self.critical)
    }

    /// Geometric counts (failures before the first success) against P(k) = (1 − p)^k p, cells
    /// 0…5 and a tail cell (every expected count above 100); chi-square with 6 degrees of
    /// freedom, 0.1% critical value 22.46.
    @Test(arguments: [0.05, 0.3, 0.6])
    func geometricCountsFollowTheirPmf(p: Double) {
        var cursor = RandomCursor(key: StreamKey(seed: 31).child(UInt64(p * 100)))
        var observed = [Double](repeating: 0, count: 7)
        for _ in 0..<Self.draws { observed[min(6, Sample.geometric(successProbability: p, &cursor))] += 1 }
        var expected = (0..<6).map { k in Double(Self.draws) * pow(1 - p, Double(k)) * p }
        expected.append(Double(Self.draws) - expected.reduce(0, +))
        let chiSquare = zip(observed, expected).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        #expect(chiSquare < 22.46, "p = \(p): chi-square \(chiSquare)")
    }
}
