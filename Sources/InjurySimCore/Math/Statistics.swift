import Foundation

/// Summary statistics over replications. Percentiles use the nearest-rank definition, so every
/// reported percentile is an observed value (integers stay integers; no interpolation noise).
package enum Statistics {
    /// The nearest-rank `p`-th percentile (0…100) of `values`; `values` need not be sorted.
    package static func percentile<T: Comparable>(_ values: [T], _ p: Double) -> T? {
        guard !values.isEmpty else { return nil }
        return percentile(sorted: values.sorted(), p)
    }

    /// The nearest-rank percentile of already sorted values.
    package static func percentile<T>(sorted values: [T], _ p: Double) -> T? {
        guard !values.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }

    /// The arithmetic mean.
    package static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (n − 1).
    package static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// The Wilson score interval for a binomial proportion at 95% (z = 1.959964).
    package static func wilson(successes: Int, trials: Int, z: Double = 1.959964) -> (low: Double, high: Double) {
        guard trials > 0 else { return (0, 1) }
        return wilson(share: Double(successes) / Double(trials), trials: Double(trials), z: z)
    }

    /// The Wilson score interval of a share `share` of `trials` (which may be fractional: an
    /// effective sample size of weighted worlds).
    package static func wilson(share p: Double, trials n: Double, z: Double = 1.959964) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 1) }
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Value at risk at `level` (e.g. 0.995): the nearest-rank quantile of the losses.
    package static func valueAtRisk(_ losses: [Int64], level: Double) -> Int64 {
        percentile(losses, level * 100) ?? 0
    }

    /// Tail value at risk: the mean of the losses at or above the value at risk.
    package static func tailValueAtRisk(_ losses: [Double], level: Double) -> Double {
        guard !losses.isEmpty else { return 0 }
        let sorted = losses.sorted()
        let rank = Int((level * Double(sorted.count)).rounded(.up))
        let tail = sorted[(min(max(rank, 1), sorted.count) - 1)...]
        return tail.reduce(0, +) / Double(tail.count)
    }

    /// Tail value at risk of losses in whole units (fen).
    package static func tailValueAtRisk(_ losses: [Int64], level: Double) -> Double {
        tailValueAtRisk(losses.map(Double.init), level: level)
    }
}
