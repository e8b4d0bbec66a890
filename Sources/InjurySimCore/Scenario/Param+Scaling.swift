extension Param {
    /// The input multiplied by `factor` (every value of the distribution scales; bounds stay).
    package func scaled(by factor: Double) -> Param {
        var copy = self
        switch shape {
        case .fixed(let v): copy.shape = .fixed(v * factor)
        case .uniform(let low, let high): copy.shape = .uniform(low: low * factor, high: high * factor)
        case .triangular(let low, let mode, let high): copy.shape = .triangular(low: low * factor, mode: mode * factor, high: high * factor)
        case .normal(let mean, let sd): copy.shape = .normal(mean: mean * factor, sd: sd * abs(factor))
        case .lognormal(let median, let sigma): copy.shape = .lognormal(median: median * factor, sigma: sigma)
        case .choice(let values, let weights): copy.shape = .choice(values: values.map { $0 * factor }, weights: weights)
        }
        return copy
    }

    /// A fixed input at `factor` × this input's central value.
    package func fixedAtCentral(times factor: Double) -> Param {
        Param(.fixed(central * factor), bounds: bounds)
    }
}
