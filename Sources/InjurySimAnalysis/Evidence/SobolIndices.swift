import Foundation
import InjurySimCore

/// Variance-based sensitivity indices of a function of k independent inputs: first-order (the
/// share of the output's variance an input explains alone) and total (its share with all its
/// interactions), by Saltelli's design with bootstrap intervals.
///
/// Design (Saltelli 2002; Saltelli et al. 2010): two independent N × k samples A and B of the
/// unit cube, and for each input i the matrix A_B^(i) — A with column i taken from B; N(k + 2)
/// evaluations. Estimators (Saltelli et al. 2010, table 2, the ones it recommends): first-order
/// S_i = mean((f(B) − f̄) (f(A_B^(i)) − f(A))) / V (Saltelli 2010, with f(B) centred), total
/// S_Ti = ½ mean((f(A) − f(A_B^(i)))²) / V (Jansen 1999), with V the variance of f over A and B
/// together. Where A and A_B^(i) share everything but input i — a simulator's chance included —
/// f(A_B^(i)) − f(A) is input i's effect alone, so Saltelli's first-order estimator is exactly 0
/// for an input the figure does not read and has a small variance for one that matters little;
/// Jansen's first-order form, V − ½ mean((f(B) − f(A_B^(i)))²), is as unbiased but is the
/// difference of two estimates of nearly the whole variance, and its error is shared by every
/// small input (on the pilot it put the groups that matter little at −0.1 to −0.2 together). The
/// intervals resample the N rows with replacement (`resamples` times) and take the 2.5th and
/// 97.5th percentiles, as SALib does.
package struct SobolIndices: Sendable {
    package struct Index: Sendable, Equatable {
        package var estimate: Double
        package var low95: Double
        package var high95: Double
    }

    package var firstOrder: [Index]
    package var total: [Index]
    /// Evaluations of the function made: N(k + 2).
    package var evaluations: Int
    /// The rows the indices rest on (those whose outputs are all finite).
    package var rows: Int

    /// The indices of `f` over `inputs` inputs, each uniform on (0, 1) (map them to an input's
    /// distribution inside `f`), from `rows` rows of the design drawn on the streams of `seed`.
    package init(inputs k: Int, rows n: Int, seed: UInt64, resamples: Int = 500, _ f: ([Double]) -> Double) {
        let root = StreamKey(seed: seed)
        let a = (0..<n).map { row in (0..<k).map { root.child(UInt64(row)).uniform(UInt64($0)) } }
        let b = (0..<n).map { row in (0..<k).map { root.child(UInt64(row)).uniform(UInt64(k + $0)) } }
        let fAB = (0..<k).map { i in
            (0..<n).map { row -> Double in
                var x = a[row]
                x[i] = b[row][i]
                return f(x)
            }
        }
        self.init(a: a.map(f), b: b.map(f), ab: fAB, bootstrap: root.child(named: "bootstrap"), resamples: resamples)
    }

    /// The indices from the design's outputs: f(A) and f(B) by row, and f(A_B^(i)) by input and
    /// row. The intervals resample rows on the streams of `bootstrap`. Rows whose outputs are not
    /// all finite are left out (an undefined figure in some world, e.g. a break-even rate without
    /// orders); with fewer than two rows left every index is NaN.
    package init(a fA: [Double], b fB: [Double], ab fAB: [[Double]], bootstrap: StreamKey, resamples: Int = 500) {
        let k = fAB.count
        let kept = fA.indices.filter { row in fA[row].isFinite && fB[row].isFinite && fAB.allSatisfy { $0[row].isFinite } }
        let n = kept.count
        evaluations = fA.count * (k + 2)
        rows = n
        func indices(_ rows: [Int]) -> (first: [Double], total: [Double]) {
            let outputs = rows.map { fA[$0] } + rows.map { fB[$0] }
            let mean = outputs.reduce(0, +) / Double(outputs.count)
            let variance = outputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outputs.count)
            guard variance > 0 else { return (Array(repeating: .nan, count: k), Array(repeating: .nan, count: k)) }
            let m = Double(rows.count)
            // f(B) centred on the mean: the same expectation (f(A_B^(i)) − f(A) has mean 0), less noise.
            let first = (0..<k).map { i in rows.reduce(0) { $0 + (fB[$1] - mean) * (fAB[i][$1] - fA[$1]) } / m / variance }
            let total = (0..<k).map { i in 0.5 * rows.reduce(0) { $0 + (fA[$1] - fAB[i][$1]) * (fA[$1] - fAB[i][$1]) } / m / variance }
            return (first, total)
        }
        guard n >= 2 else {
            let none = Index(estimate: .nan, low95: .nan, high95: .nan)
            firstOrder = Array(repeating: none, count: k)
            total = Array(repeating: none, count: k)
            return
        }
        let point = indices(kept)
        let draws = (0..<resamples).map { r in
            indices((0..<n).map { j in kept[Int(bootstrap.child(UInt64(r)).bits(UInt64(j)) % UInt64(n))] })
        }
        func interval(_ estimate: Double, _ values: [Double]) -> Index {
            let sorted = values.filter { !$0.isNaN }.sorted()
            return Index(
                estimate: estimate, low95: Statistics.percentile(sorted: sorted, 2.5) ?? .nan,
                high95: Statistics.percentile(sorted: sorted, 97.5) ?? .nan)
        }
        firstOrder = (0..<k).map { i in interval(point.first[i], draws.map { $0.first[i] }) }
        total = (0..<k).map { i in interval(point.total[i], draws.map { $0.total[i] }) }
    }
}

/// The Ishigami function, the standard test of sensitivity methods: f = sin x₁ + a sin² x₂ +
/// b x₃⁴ sin x₁ on x uniform in (−π, π)³, with known indices (Ishigami & Homma 1990; Sobol &
/// Levitan 1999).
package enum Ishigami {
    package static let a = 7.0, b = 0.1

    /// f at a point of the unit cube (mapped to (−π, π)³).
    package static func value(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        let s1 = sin(x[0]), s2 = sin(x[1])
        return s1 + a * s2 * s2 + b * x[2] * x[2] * x[2] * x[2] * s1
    }

    /// The exact first-order and total indices of x₁, x₂, x₃.
    package static var exact: (first: [Double], total: [Double]) {
        let pi4 = Double.pi * Double.pi * Double.pi * Double.pi, pi8 = pi4 * pi4
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
        let v2 = a * a / 8
        let v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }
}
