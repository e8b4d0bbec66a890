import InjurySimCore
import InjurySimEngine

/// One replication's headline figures for the total over pools, at full population scale (yuan
/// for money). The unit the policy commands compare, pair and search over.
public struct ReplicationMetrics: Sendable, Equatable {
    /// Total net position below zero at some month end.
    public var ruined: Bool
    /// Some pool's net position below zero at some month end.
    public var anyPoolRuined: Bool
    /// First month index with a negative total net position.
    public var firstShortfallMonth: Int?
    /// max(0, − lowest total net position), yuan.
    public var worstDeficit: Double
    public var contributions: Double
    public var benefitsPaid: Double
    public var lossRatio: Double
    public var liabilitiesAtEnd: Double
    public var borrowing: Double
    public var netPositionAtEnd: Double
    /// (cash − debt) ÷ liabilities in the last month; nil without liabilities.
    public var fundedRatioAtEnd: Double?

    public init(_ result: ReplicationResult) {
        let pool = result.poolCount
        func yuan(_ fen: Int64) -> Double { Double(fen) / 100 }
        func sum(_ metric: Metric) -> Double { yuan(result.total(metric, pool: pool)) }
        func end(_ metric: Metric) -> Double { yuan(result.last(metric, pool: pool)) }
        firstShortfallMonth = result.firstShortfall(pool: pool)
        ruined = firstShortfallMonth != nil
        anyPoolRuined = (0..<result.poolCount).contains { result.firstShortfall(pool: $0) != nil }
        worstDeficit = max(0, -yuan(result.series(.netPosition, pool: pool).min() ?? 0))
        contributions = sum(.contributions)
        benefitsPaid = sum(.benefitsPaid)
        lossRatio = contributions > 0 ? benefitsPaid / contributions : .nan
        liabilitiesAtEnd = end(.liabilities)
        borrowing = sum(.borrowed)
        netPositionAtEnd = end(.netPosition)
        let cash = end(.cash) - end(.debt)
        fundedRatioAtEnd = liabilitiesAtEnd > 0 ? cash / liabilitiesAtEnd : nil
    }
}

/// A mean with a 95% interval.
public struct Estimate: Sendable, Equatable {
    public var mean: Double
    public var low: Double
    public var high: Double
    public var width: Double { high - low }

    /// An estimate with given bounds.
    public init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// The mean of `values` with a Student-t 95% interval.
    public init(_ values: [Double]) {
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
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
                               2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
                               2.052, 2.048, 2.045, 2.042]
        if df >= 1 && df <= table.count { return table[df - 1] }
        let z = 1.959964
        let n = Double(df)
        return z + (z * z * z + z) / (4 * n) + (5 * pow5(z) + 16 * z * z * z + 3 * z) / (96 * n * n)
    }

    private static func pow5(_ x: Double) -> Double { x * x * x * x * x }
}
