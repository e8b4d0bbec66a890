/// When a tail figure (VaR, TVaR at a high level) says something: only when enough replications
/// fall beyond its quantile. With fewer, VaR 99.5% is simply the worst replication, so it is
/// reported as "needs ≥ N replications" in the console, the JSON and the report.
package enum TailRule {
    /// Replications beyond the quantile a tail figure needs.
    package static let observationsInTail = 10

    /// The replications a figure at `level` needs: 2,000 at 99.5%.
    package static func replicationsNeeded(level: Double) -> Int {
        Int((Double(observationsInTail) / (1 - level) - 1e-6).rounded(.up))
    }

    /// True when `replications` support a tail figure at `level`.
    package static func isSupported(level: Double, replications: Int) -> Bool {
        replications >= replicationsNeeded(level: level)
    }
}
