import InjurySimCore
import InjurySimEngine

/// A mean with a 95% interval.
package struct Estimate: Sendable, Equatable {
    package var mean: Double
    package var low: Double
    package var high: Double
    package var width: Double { high - low }

    /// An estimate with given bounds.
    package init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// The mean of `values` with a Student-t 95% interval.
    package init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let n = finite.count
        mean = Statistics.mean(finite)
        guard n > 1 else {
            low = mean
            high = mean
            return
        }
        let half = Estimate.t975(degreesOfFreedom: n - 1) * Statistics.standardDeviation(finite) / Double(n).squareRoot()
        low = mean - half
        high = mean + half
    }

    /// The 97.5% quantile of Student's t (table to 30 degrees of freedom, then a Cornish–Fisher step).
    static func t975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
            2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
            2.052, 2.048, 2.045, 2.042
        ]
        if df >= 1 && df <= table.count { return table[df - 1] }
        let z = 1.959964
        let n = Double(df)
        return z + (z * z * z + z) / (4 * n) + (5 * pow5(z) + 16 * z * z * z + 3 * z) / (96 * n * n)
    }

    private static func pow5(_ x: Double) -> Double { x * x * x * x * x }
}
