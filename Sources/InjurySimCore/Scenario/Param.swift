import Foundation
import InjurySimFormat

/// A numeric scenario input: a fixed value, or a distribution drawn once per replication.
///
/// Uncertain inputs are what make a fund run dry, so any number in a scenario may be given as a
/// distribution. Draws are clamped to `bounds`, the range the field allows.
public struct Param: Sendable, Equatable {
    /// The shape of the input.
    package enum Shape: Sendable, Equatable {
        case fixed(Double)
        case uniform(low: Double, high: Double)
        case triangular(low: Double, mode: Double, high: Double)
        case normal(mean: Double, sd: Double)
        case lognormal(median: Double, sigma: Double)
        /// A list of values with weights (weights need not sum to 1).
        case choice(values: [Double], weights: [Double])
    }

    /// The distribution.
    package var shape: Shape
    /// The range a draw is clamped to (the field's valid range).
    package var bounds: ClosedRange<Double>

    /// Creates an input.
    package init(_ shape: Shape, bounds: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) {
        self.shape = shape
        self.bounds = bounds
    }

    /// A fixed input.
    package static func fixed(_ value: Double) -> Param { Param(.fixed(value)) }

    /// True for a fixed value (no draw).
    package var isFixed: Bool {
        if case .fixed = shape { return true }
        return false
    }

    /// The distribution in a language-neutral notation, e.g. `U(0.04, 0.08)`, `Tri(1.2, 2, 4)`,
    /// `N(1, sd 0.2)`, `LogN(median 5000, σ 0.5)`, `choice of 3 values`.
    package var notation: String {
        func n(_ x: Double) -> String { Format.significant(x, 6) }
        switch shape {
        case .fixed(let v): return n(v)
        case .uniform(let low, let high): return "U(\(n(low)), \(n(high)))"
        case .triangular(let low, let mode, let high): return "Tri(\(n(low)), \(n(mode)), \(n(high)))"
        case .normal(let mean, let sd): return "N(\(n(mean)), sd \(n(sd)))"
        case .lognormal(let median, let sigma): return "LogN(median \(n(median)), σ \(n(sigma)))"
        case .choice(let values, let weights):
            let total = weights.reduce(0, +)
            return "choice of " + zip(values, weights).map { "\(n($0.0)) (\(n($0.1 / total * 100))%)" }.joined(separator: ", ")
        }
    }

    /// The value used when uncertainty is switched off: the fixed value, the midpoint of a
    /// uniform, the mode of a triangular, the mean of a normal, the median of a lognormal, the
    /// weighted mean of a choice.
    public var central: Double {
        let value: Double
        switch shape {
        case .fixed(let v): value = v
        case .uniform(let low, let high): value = (low + high) / 2
        case .triangular(_, let mode, _): value = mode
        case .normal(let mean, _): value = mean
        case .lognormal(let median, _): value = median
        case .choice(let values, let weights):
            let total = weights.reduce(0, +)
            value = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        }
        // Validation keeps NaN out (finite choice weights); this keeps it out of the model regardless.
        guard !value.isNaN else { return bounds.lowerBound }
        return min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    /// One draw, using one uniform from `key` (so each input has its own stream).
    package func draw(_ key: StreamKey) -> Double { value(at: key.uniform(0)) }

    /// The value at uniform `u` in (0, 1): the draw a stream whose uniform is `u` makes (the
    /// inverse of the distribution function), so a world is its inputs' uniforms.
    package func value(at u: Double) -> Double {
        let value: Double
        switch shape {
        case .fixed(let v): value = v
        case .uniform(let low, let high): value = low + (high - low) * u
        case .triangular(let low, let mode, let high):
            let split = (mode - low) / (high - low)
            if high <= low {
                value = mode
            } else if u < split {
                value = low + ((high - low) * (mode - low) * u).squareRoot()
            } else {
                value = high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
            }
        case .normal(let mean, let sd): value = mean + sd * Sample.inverseNormalCDF(u)
        case .lognormal(let median, let sigma): value = median * PortableMath.exp(sigma * Sample.inverseNormalCDF(u))
        case .choice(let values, let weights):
            let total = weights.reduce(0, +)
            var cumulative = 0.0
            var picked = values[values.count - 1]
            for (v, w) in zip(values, weights) {
                cumulative += w / total
                if u < cumulative { picked = v; break }
            }
            value = picked
        }
        guard !value.isNaN else { return bounds.lowerBound }
        return min(max(value, bounds.lowerBound), bounds.upperBound)
    }
}
