import InjurySimCore
import Testing

@testable import InjurySimAnalysis

/// The evidence's weights against answers computed by hand: the effective sample size formula,
/// conjugate posteriors (gamma–Poisson, normal–normal), weighted shares and percentiles, and the
/// observation models' likelihoods.
@Suite struct EvidenceWeightTests {
    /// (log-weights, normalised weights, ESS) worked by hand.
    static let essCases: [([Double], [Double], Double)] = [
        ([0, 0, 0, 0], [0.25, 0.25, 0.25, 0.25], 4),
        ([0, -.infinity, -.infinity], [1, 0, 0], 1),
        // weights 1 : 2 : 1 → 0.25, 0.5, 0.25; ESS = 1 / (0.0625 + 0.25 + 0.0625) = 2.666…
        ([0, 0.693_147_180_559_945_3, 0], [0.25, 0.5, 0.25], 8.0 / 3),
        // a shift of every log-weight changes nothing
        ([100, 100.693_147_180_559_945_3, 100], [0.25, 0.5, 0.25], 8.0 / 3),
        ([-.infinity, -.infinity], [0, 0], 0)
    ]

    @Test(arguments: essCases) func effectiveSampleSize(logWeights: [Double], weights: [Double], ess: Double) {
        let w = ImportanceWeights(logWeights: logWeights)
        for (got, want) in zip(w.weights, weights) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(w.effectiveSampleSize - ess) < 1e-9)
    }

    @Test func equalLogWeightsAreThePriorExactly() {
        let n = 37
        #expect(ImportanceWeights(logWeights: Array(repeating: 0, count: n)) == ImportanceWeights(equal: n))
    }

    /// λ ~ Gamma(α = 3, β = 2) drawn as the sum of three exponentials; y = 7 claims over t = 2:
    /// the posterior is Gamma(α + y, β + t), mean 10 / 4 = 2.5, sd √10 / 4.
    @Test func gammaPoissonPosteriorMean() {
        let root = StreamKey(seed: 7)
        let draws = (0..<40_000).map { i in (0..<3).reduce(0.0) { $0 - PortableMath.log(root.child(UInt64(i)).uniform(UInt64($1))) } / 2 }
        let weights = ImportanceWeights(logWeights: draws.map { 7 * PortableMath.log($0) - 2 * $0 })
        let spread = weights.spread(draws)
        let se = 10.0.squareRoot() / 4 / weights.effectiveSampleSize.squareRoot()
        #expect(abs(spread.mean - 2.5) < 4 * se, "\(spread.mean)")
        // The posterior median of Gamma(10, 4): 2.4169 (qgamma(0.5, 10, 4)).
        #expect(abs(spread.p50 - 2.4169) < 0.03, "\(spread.p50)")
    }

    /// x ~ N(10, sd 2) in the worlds; published y = 12 with a normal error of 10% (sd 1.2): the
    /// posterior is normal with precision 1/4 + 1/1.44 and mean (10/4 + 12/1.44) / that.
    @Test func normalObservationGivesTheConjugatePosterior() {
        let root = StreamKey(seed: 11)
        let draws = (0..<40_000).map { 10 + 2 * Sample.inverseNormalCDF(root.uniform(UInt64($0))) }
        let observation = Observation.normal(relativeError: 0.1)
        let weights = ImportanceWeights(logWeights: draws.map { observation.logLikelihood(simulated: $0, published: 12) })
        let precision = 1 / 4.0 + 1 / 1.44
        let mean = (10 / 4.0 + 12 / 1.44) / precision
        let se = (1 / precision).squareRoot() / weights.effectiveSampleSize.squareRoot()
        #expect(abs(weights.spread(draws).mean - mean) < 4 * se)
    }

    /// (observation, simulated, published, log-likelihood)
    static let likelihoodCases: [(Observation, Double, Double, Double)] = [
        (.normal(relativeError: 0.1), 100, 100, 0),
        (.normal(relativeError: 0.1), 90, 100, -0.5),  // z = 1
        (.normal(relativeError: 0.1), 120, 100, -2),  // z = 2
        (.interval(low: 10, high: 20), 10, 15, 0),
        (.interval(low: 10, high: 20), 20, 15, 0),
        (.interval(low: 10, high: 20), 20.5, 15, -.infinity),
        (.interval(low: 10, high: 20), .nan, 15, -.infinity)
    ]

    @Test(arguments: likelihoodCases) func observationLikelihood(observation: Observation, simulated: Double, published: Double, want: Double) {
        let got = observation.logLikelihood(simulated: simulated, published: published)
        #expect(got == want || abs(got - want) < 1e-12)
    }

    /// Shares, their Wilson interval at the ESS, and nearest-rank percentiles with weights.
    @Test func weightedShareAndPercentiles() {
        let w = ImportanceWeights(logWeights: [0, 0.693_147_180_559_945_3, 0, -.infinity])  // 0.25, 0.5, 0.25, 0
        let share = w.share([true, false, true, true])
        #expect(abs(share.share - 0.5) < 1e-12)
        let wilson = Statistics.wilson(share: 0.5, trials: 8.0 / 3)
        #expect(abs(share.interval.low - wilson.low) < 1e-12 && abs(share.interval.high - wilson.high) < 1e-12)
        let spread = w.spread([3, 1, 2, 100])
        // sorted with weights: 1 (0.5), 2 (0.25), 3 (0.25); the ruled-out 100 plays no part
        #expect(spread.p5 == 1 && spread.p50 == 1 && spread.p95 == 3)
        #expect(abs(spread.mean - (0.5 + 0.5 + 0.75)) < 1e-12)
    }
}
