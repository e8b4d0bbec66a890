import Foundation
import InjurySimAnalysis
import InjurySimCore

/// The evidence methods (`Sources/InjurySimAnalysis/Evidence/`) against known answers: the
/// Sobol indices of the Ishigami function, importance weights against the gamma–Poisson
/// conjugate posterior, and the given-data first-order index of a linear model.
extension ModelValidation {
    static let sobolName = "Sobol indices, Ishigami function"
    static let conjugateName = "Importance weights, gamma–Poisson posterior"
    static let givenDataName = "First-order index from given data, linear model"

    /// The evidence checks, in report order.
    static let evidenceCheckNames = [sobolName, conjugateName, givenDataName]

    package static func evidenceChecks() -> [Check] {
        [sobolIshigami(), gammaPoisson(), givenDataIndex()]
    }

    /// Saltelli's design with Saltelli's (first-order) and Jansen's (total) estimators on the Ishigami function (a = 7, b = 0.1), 20,000
    /// rows (100,000 evaluations): every estimate within two 95% bootstrap half-widths of the
    /// exact index (about 4 standard errors; a 95% interval itself misses about one index in 20).
    static func sobolIshigami() -> Check {
        let indices = SobolIndices(inputs: 3, rows: 20_000, seed: 2_024, resamples: 300, Ishigami.value)
        let exact = Ishigami.exact
        let pairs = zip(indices.firstOrder, exact.first).map { ($0, $1) } + zip(indices.total, exact.total).map { ($0, $1) }
        let passed = pairs.allSatisfy { index, truth in abs(index.estimate - truth) <= index.high95 - index.low95 }
        func list(_ values: [Double]) -> String { values.map { text($0, 3) }.joined(separator: ", ") }
        func listed(_ values: [SobolIndices.Index]) -> String {
            values.map { text($0.estimate, 3) + " [" + text($0.low95, 3) + ", " + text($0.high95, 3) + "]" }.joined(separator: ", ")
        }
        return Check(
            name: sobolName, quantity: "S₁, S₂, S₃ / S_T1, S_T2, S_T3",
            expected: list(exact.first) + " / " + list(exact.total), simulated: listed(indices.firstOrder) + " / " + listed(indices.total),
            tolerance: "each within 2 half-widths of its 95% bootstrap interval", passed: passed,
            method:
                "Saltelli design, Saltelli (first-order) and Jansen (total) estimators, \(indices.evaluations) evaluations, 300 bootstrap resamples")
    }

    /// A claim rate λ with a Gamma(3, 2) prior (drawn as the sum of three exponentials of rate
    /// 2), 7 claims observed over an exposure of 2: the posterior is Gamma(10, 4), mean 2.5. The
    /// prior draws weighted by the Poisson likelihood λ^7 e^(−2λ) give the posterior mean.
    static func gammaPoisson() -> Check {
        let (alpha, beta, claims, exposure) = (3.0, 2.0, 7.0, 2.0)
        let root = StreamKey(seed: 31)
        let draws = (0..<20_000).map { i in
            (0..<3).reduce(0.0) { $0 - PortableMath.log(root.child(UInt64(i)).uniform(UInt64($1))) } / beta
        }
        let weights = ImportanceWeights(logWeights: draws.map { claims * PortableMath.log($0) - exposure * $0 })
        let mean = zip(weights.weights, draws).reduce(0.0) { $0 + $1.0 * $1.1 }
        let exact = (alpha + claims) / (beta + exposure)
        let posteriorSD = (alpha + claims).squareRoot() / (beta + exposure)
        let se = posteriorSD / weights.effectiveSampleSize.squareRoot()
        return Check(
            name: conjugateName, quantity: "posterior mean of the claim rate",
            expected: text(exact, 4) + " = (α + y) / (β + t), α = 3, β = 2, y = 7, t = 2",
            simulated: text(mean, 4) + " ± " + text(se, 4) + " (SE at ESS " + text(weights.effectiveSampleSize, 0) + " of 20,000)",
            tolerance: "4 SE", passed: abs(mean - exact) <= 4 * se, method: "importance weights of 20,000 prior draws")
    }

    /// Y = X₁ + X₂ / 2 with X₁, X₂, X₃ independent uniform: first-order indices 0.8, 0.2 and 0
    /// (X₃ does not enter), estimated from 2,000 given worlds.
    static func givenDataIndex() -> Check {
        let root = StreamKey(seed: 57)
        let x = (0..<2_000).map { i in (0..<3).map { root.child(UInt64(i)).uniform(UInt64($0)) } }
        let y = x.map { $0[0] + 0.5 * $0[1] }
        let estimates = (0..<3).map { i in FirstOrderIndex.estimate(x: x.map { $0[i] }, y: y) }
        let exact = [0.8, 0.2, 0.0]
        return Check(
            name: givenDataName, quantity: "S₁, S₂, S₃", expected: exact.map { text($0, 2) }.joined(separator: ", "),
            simulated: estimates.map { text($0, 3) }.joined(separator: ", "), tolerance: "± 0.05 each",
            passed: zip(estimates, exact).allSatisfy { abs($0 - $1) <= 0.05 }, method: "2,000 worlds in \(FirstOrderIndex.bins(for: 2_000)) classes")
    }
}
