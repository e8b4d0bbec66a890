import InjurySimCore

/// Normalised importance weights of the worlds (replications) and their effective sample size.
///
/// A world's weight is proportional to exp(its log-weight); the largest is taken out before
/// exponentiating so no weight underflows to 0 by scale alone. The effective sample size (Kish)
/// is (Σw)² / Σw² = 1 / Σw² for weights that sum to 1: n for equal weights, 1 when one world
/// carries all the weight, 0 when every world is ruled out.
package struct ImportanceWeights: Sendable, Equatable {
    /// Sum to 1 (all 0 when every world is ruled out).
    package var weights: [Double]
    package var effectiveSampleSize: Double

    /// Equal weights over `count` worlds: the prior.
    package init(equal count: Int) {
        weights = Array(repeating: count > 0 ? 1 / Double(count) : 0, count: count)
        effectiveSampleSize = Double(count)
    }

    /// Weights from each world's log-weight (−∞: ruled out).
    package init(logWeights: [Double]) {
        let top = logWeights.filter { $0.isFinite }.max()
        guard let top else {
            weights = Array(repeating: 0, count: logWeights.count)
            effectiveSampleSize = 0
            return
        }
        let raw = logWeights.map { $0.isFinite ? PortableMath.exp($0 - top) : 0 }
        let total = raw.reduce(0, +)
        weights = raw.map { $0 / total }
        effectiveSampleSize = total * total / raw.reduce(0) { $0 + $1 * $1 }
    }

    /// Worlds with a weight above 0.
    package var supported: Int { weights.filter { $0 > 0 }.count }

    /// The weighted share of worlds where `holds`, with a 95% Wilson interval at the effective
    /// sample size (the interval of an unweighted share of as many worlds).
    package func share(_ holds: [Bool]) -> WeightedShare {
        let share = zip(weights, holds).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
        return WeightedShare(share: share, effectiveSampleSize: effectiveSampleSize)
    }

    /// Weighted 5th, 50th and 95th percentiles and mean of `values` (NaN values left out and the
    /// others' weights renormalised): the smallest value whose cumulative weight reaches p, the
    /// nearest-rank rule of ``Spread`` with weights.
    package func spread(_ values: [Double]) -> WeightedSpread {
        let pairs = zip(values, weights).filter { !$0.0.isNaN && $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0.0) { $0 + $1.1 }
        guard total > 0 else { return WeightedSpread(p5: .nan, p50: .nan, p95: .nan, mean: .nan) }
        func quantile(_ p: Double) -> Double {
            var cumulative = 0.0
            for (value, weight) in pairs {
                cumulative += weight / total
                if cumulative >= p - 1e-12 { return value }
            }
            return pairs[pairs.count - 1].0
        }
        let mean = pairs.reduce(0.0) { $0 + $1.0 * $1.1 } / total
        return WeightedSpread(p5: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95), mean: mean)
    }
}

/// A weighted share of worlds with its interval.
package struct WeightedShare: Sendable, Equatable {
    package var share: Double
    package var effectiveSampleSize: Double

    /// The 95% Wilson interval with the effective sample size as the count of worlds.
    package var interval: (low: Double, high: Double) { Statistics.wilson(share: share, trials: effectiveSampleSize) }
}

/// Weighted percentiles and mean of a figure over worlds.
package struct WeightedSpread: Sendable, Equatable {
    package var p5: Double
    package var p50: Double
    package var p95: Double
    package var mean: Double
}
