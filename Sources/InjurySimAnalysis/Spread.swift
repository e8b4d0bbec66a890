import InjurySimCore
import InjurySimEngine

/// The 5th, 50th and 95th nearest-rank percentiles and the mean of a figure over replications.
package struct Spread: Sendable, Equatable {
    package var p5: Double
    package var p50: Double
    package var p95: Double
    package var mean: Double

    package init(_ values: [Double]) {
        let sorted = values.sorted()
        p5 = Statistics.percentile(sorted: sorted, 5) ?? .nan
        p50 = Statistics.percentile(sorted: sorted, 50) ?? .nan
        p95 = Statistics.percentile(sorted: sorted, 95) ?? .nan
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
