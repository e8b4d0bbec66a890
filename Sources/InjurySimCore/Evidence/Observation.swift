/// How a published figure was observed: what a world's simulated counterpart of it says about
/// how likely that world is (`published[].observation` in a scenario file).
///
/// - **normal**: the published value is the simulated one plus a normal error whose standard
///   deviation is `relativeError` × the published value (a count that may be under-reported, a
///   money figure rounded or restated). The likelihood is exp(−½ z²), z = (published − simulated) / sd.
/// - **interval**: the true figure lies in [low, high]; a world whose counterpart lies inside is
///   kept with weight 1, any other gets 0 (rejection, as in approximate Bayesian computation).
package enum Observation: Sendable, Equatable {
    case normal(relativeError: Double)
    case interval(low: Double, high: Double)

    /// The log-likelihood of a world whose counterpart is `simulated`, given the `published`
    /// value: −∞ for a world the observation rules out. Constant terms are left out (weights are
    /// normalised over the worlds).
    package func logLikelihood(simulated: Double, published: Double) -> Double {
        guard simulated.isFinite else { return -.infinity }
        switch self {
        case .normal(let relativeError):
            let sd = relativeError * abs(published)
            guard sd > 0 else { return simulated == published ? 0 : -.infinity }
            let z = (published - simulated) / sd
            return -0.5 * z * z
        case .interval(let low, let high):
            return simulated >= low && simulated <= high ? 0 : -.infinity
        }
    }

    /// `normal ±10%` or `in [28000, 36000]`: how the report and the console name it.
    package var notation: String {
        switch self {
        case .normal(let relativeError): return "normal ±\(Self.trim(relativeError * 100))%"
        case .interval(let low, let high): return "in [\(Self.trim(low)), \(Self.trim(high))]"
        }
    }

    static func trim(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
