/// The reach of an input: the largest value any draw can take.
extension Param {
    /// The largest |z| the inverse normal CDF returns for a 53-bit uniform (Φ⁻¹(1 − 2⁻⁵³) ≈ 8.29).
    package static let largestStandardNormal = 8.3

    /// The largest value a draw can take (the central value when uncertainty is off is never above it).
    package var largest: Double {
        let value: Double
        switch shape {
        case .fixed(let v): value = v
        case .uniform(_, let high): value = high
        case .triangular(_, _, let high): value = high
        case .normal(let mean, let sd): value = mean + sd * Param.largestStandardNormal
        case .lognormal(let median, let sigma): value = median * PortableMath.exp(sigma * Param.largestStandardNormal)
        case .choice(let values, _): value = values.max() ?? 0
        }
        guard !value.isNaN else { return bounds.upperBound }
        return min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    /// The smallest value a draw can take.
    package var smallest: Double {
        let value: Double
        switch shape {
        case .fixed(let v): value = v
        case .uniform(let low, _): value = low
        case .triangular(let low, _, _): value = low
        case .normal(let mean, let sd): value = mean - sd * Param.largestStandardNormal
        case .lognormal(let median, let sigma): value = median * PortableMath.exp(-sigma * Param.largestStandardNormal)
        case .choice(let values, _): value = values.min() ?? 0
        }
        guard !value.isNaN else { return bounds.lowerBound }
        return min(max(value, bounds.lowerBound), bounds.upperBound)
    }
}
