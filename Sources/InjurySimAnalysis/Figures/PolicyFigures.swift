import InjurySimCore

/// The headline figures the policy commands (compare, sweep, solve, sensitivity) report, each
/// with a 95% interval that stays in the figure's range: Wilson for probabilities, Agresti–Min
/// for paired differences of probabilities, a fixed-seed BCa bootstrap (``BootstrapInterval``) for
/// means and paired differences of amounts, ratios and rates (inside the observed range, so a
/// figure that cannot be negative never gets a negative bound, and skewed figures get skewed
/// intervals, corrected for the bias and skewness of the resampled means), order statistics for
/// quantiles, a fixed-seed percentile bootstrap for TVaR (Results/README.md says why).
package enum PolicyFigures {
    /// The figures the policy commands report (``Figures/policy``).
    package static var figures: [Figure] { Figures.policy }

    /// A figure's estimate over replications with its 95% interval.
    package static func estimate(_ figure: Figure, _ metrics: [ReplicationMetrics]) -> Estimate {
        let values = metrics.map(figure.value)
        if figure.isIndicator {
            let successes = values.filter { $0 > 0.5 }.count
            let interval = Statistics.wilson(successes: successes, trials: values.count)
            return Estimate(mean: Double(successes) / Double(max(1, values.count)), low: interval.low, high: interval.high)
        }
        return bootstrapMean(values)
    }

    /// The mean of `values` with its 95% BCa bootstrap interval (``BootstrapInterval/mean(_:key:)``:
    /// 1,000 resamples from a fixed stream, so the interval is reproducible).
    package static func bootstrapMean(_ values: [Double]) -> Estimate { BootstrapInterval.mean(values) }

    /// The paired difference (b − a, replication by replication) of a figure, with its interval:
    /// a BCa bootstrap of the paired differences for amounts; for probabilities the Agresti–Min interval for matched pairs
    /// (2005), which stays inside [−1, 1] and never collapses to a point when every pair agrees.
    package static func pairedDifference(_ figure: Figure, _ a: [ReplicationMetrics], _ b: [ReplicationMetrics]) -> Estimate {
        precondition(a.count == b.count, "paired runs need the same replications")
        guard figure.isIndicator else { return bootstrapMean(zip(a, b).map { figure.value($1) - figure.value($0) }) }
        var up = 0.0
        var down = 0.0
        for (x, y) in zip(a, b) {
            let before = figure.value(x) > 0.5
            let after = figure.value(y) > 0.5
            if after && !before { up += 1 }
            if before && !after { down += 1 }
        }
        return matchedPairsDifference(up: up, down: down, pairs: Double(a.count))
    }

    /// Agresti–Min 95% interval for the difference of two matched proportions from the discordant
    /// counts (`up`: pairs that became yes, `down`: pairs that became no) out of `pairs`.
    static func matchedPairsDifference(up: Double, down: Double, pairs: Double) -> Estimate {
        guard pairs > 0 else { return Estimate(mean: 0, low: -1, high: 1) }
        let n = pairs + 2
        let u = (up + 0.5) / n
        let d = (down + 0.5) / n
        let centre = u - d
        let half = 1.959964 * max(0, (u + d - centre * centre) / n).squareRoot()
        return Estimate(mean: (up - down) / pairs, low: max(-1, centre - half), high: min(1, centre + half))
    }

    /// The q-quantile of `values` with a 95% order-statistic interval (normal approximation to
    /// the binomial ranks); nearest-rank point estimate.
    package static func quantile(_ values: [Double], _ q: Double) -> Estimate {
        let sorted = values.sorted()
        let n = Double(sorted.count)
        guard !sorted.isEmpty else { return Estimate(mean: .nan, low: .nan, high: .nan) }
        let point = Statistics.percentile(sorted: sorted, q * 100) ?? .nan
        let spread = 1.959964 * (n * q * (1 - q)).squareRoot()
        let lowRank = max(1, Int((n * q - spread).rounded(.down)))
        let highRank = min(sorted.count, Int((n * q + spread).rounded(.up)) + 1)
        return Estimate(mean: point, low: sorted[lowRank - 1], high: sorted[highRank - 1])
    }

    /// Tail value at risk at `level` with a 95% percentile-bootstrap interval (1,000 resamples
    /// from a fixed stream, so the interval is reproducible). Percentile, not BCa: the tail mean
    /// of the worst 0.5% is not a smooth statistic (it moves by jumps as single replications
    /// enter and leave the tail), and the jackknife that gives BCa its acceleration is not a
    /// valid estimate for such statistics (Efron and Tibshirani 1993, §11.6).
    package static func tailValueAtRisk(_ values: [Double], level: Double) -> Estimate {
        guard !values.isEmpty else { return Estimate(mean: .nan, low: .nan, high: .nan) }
        func tvar(_ xs: [Double]) -> Double { Statistics.tailValueAtRisk(xs, level: level) }
        let key = StreamKey(seed: 0x7A7A).child(UInt64(values.count))
        var resampled: [Double] = []
        var sample = [Double](repeating: 0, count: values.count)
        for b in 0..<1000 {
            let stream = key.child(UInt64(b))
            for i in sample.indices { sample[i] = values[Int(stream.uniform(UInt64(i)) * Double(values.count))] }
            resampled.append(tvar(sample))
        }
        resampled.sort()
        return Estimate(mean: tvar(values), low: resampled[24], high: resampled[974])
    }
}
