import Foundation

extension Param {
    /// The log of the distribution's density at `x` (for a choice, the log of its probability):
    /// what a what-if's likelihood ratio is made of. −∞ outside the support. The clamp to
    /// ``bounds`` is left out: it moves the mass beyond a bound onto the bound, which a
    /// distribution inside the field's range (every shipped one) never has.
    /// A fixed value has no density: nil.
    package func logDensity(_ x: Double) -> Double? {
        switch shape {
        case .fixed: return nil
        case .uniform(let low, let high):
            guard high > low else { return nil }
            return x >= low && x <= high ? -PortableMath.log(high - low) : -.infinity
        case .triangular(let low, let mode, let high):
            guard high > low, x >= low, x <= high else { return high > low ? -.infinity : nil }
            let density: Double
            if x < mode {
                density = 2 * (x - low) / ((high - low) * (mode - low))
            } else if x > mode {
                density = 2 * (high - x) / ((high - low) * (high - mode))
            } else {
                density = 2 / (high - low)
            }
            return density > 0 ? PortableMath.log(density) : -.infinity
        case .normal(let mean, let sd):
            guard sd > 0 else { return nil }
            let z = (x - mean) / sd
            return -0.5 * z * z - PortableMath.log(sd) - Self.logSquareRootOfTwoPi
        case .lognormal(let median, let sigma):
            guard sigma > 0, median > 0 else { return nil }
            guard x > 0 else { return -.infinity }
            let z = (PortableMath.log(x) - PortableMath.log(median)) / sigma
            return -0.5 * z * z - PortableMath.log(sigma) - PortableMath.log(x) - Self.logSquareRootOfTwoPi
        case .choice(let values, let weights):
            let total = weights.reduce(0, +)
            let mass = zip(values, weights).filter { $0.0 == x }.reduce(0.0) { $0 + $1.1 }
            guard total > 0 else { return nil }
            return mass > 0 ? PortableMath.log(mass / total) : -.infinity
        }
    }

    /// Whether the distribution is a choice among values (a probability mass, not a density).
    package var isChoice: Bool {
        if case .choice = shape { return true }
        return false
    }

    static let logSquareRootOfTwoPi = 0.918_938_533_204_672_7
}
