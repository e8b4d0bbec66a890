/// The first-order sensitivity index of a figure to one input, estimated from the worlds a run
/// already has (given data, no extra runs): the share of the figure's variance explained by the
/// input's value alone, Var(E[Y | X]) / Var(Y).
///
/// The worlds are sorted by the input and cut into `bins` classes of (nearly) equal count; the
/// variance of the class means over the total variance estimates the index (Plischke 2010,
/// "An effective algorithm for computing global sensitivity indices (EASI)", in its binned form).
/// With n worlds and M classes an input that does not matter still explains about (M − 1)/(n − 1)
/// of the variance by chance; that part is taken out, so a null input reads about 0.
package enum FirstOrderIndex {
    /// The classes used for `count` worlds: ⌊√n⌋, at least 2 and at most 50.
    package static func bins(for count: Int) -> Int { min(50, max(2, Int(Double(count).squareRoot()))) }

    /// The index of `y` to `x` (paired by world), weighted by `weights` (nil: equal). NaN when
    /// `y` does not vary or there are fewer than 8 worlds.
    package static func estimate(x: [Double], y: [Double], weights: [Double]? = nil) -> Double {
        let n = min(x.count, y.count)
        guard n >= 8 else { return .nan }
        let w = weights ?? Array(repeating: 1, count: n)
        let order = (0..<n).filter { w[$0] > 0 && !y[$0].isNaN }.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : $0 < $1 }
        let total = order.reduce(0.0) { $0 + w[$1] }
        guard total > 0 else { return .nan }
        let mean = order.reduce(0.0) { $0 + w[$1] * y[$1] } / total
        let variance = order.reduce(0.0) { $0 + w[$1] * (y[$1] - mean) * (y[$1] - mean) } / total
        guard variance > 0 else { return .nan }
        let m = bins(for: order.count)
        var between = 0.0
        for b in 0..<m {
            let slice = order[(b * order.count / m)..<((b + 1) * order.count / m)]
            let weight = slice.reduce(0.0) { $0 + w[$1] }
            guard weight > 0 else { continue }
            let classMean = slice.reduce(0.0) { $0 + w[$1] * y[$1] } / weight
            between += weight / total * (classMean - mean) * (classMean - mean)
        }
        let chance = Double(m - 1) / Double(order.count - 1)
        return min(1, max(0, (between / variance - chance) / (1 - chance)))
    }
}
