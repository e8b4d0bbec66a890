import InjurySimCore
import InjurySimEngine

/// One replication's headline figures for one pool or the total over pools (the default), at
/// full population scale (yuan for money). The unit the policy commands compare, pair and search
/// over, and the one place the run summary's per-replication figures are computed.
package struct ReplicationMetrics: Sendable, Equatable {
    /// Liquidity: net position (cash − backstop debt − arrears) below zero at some month end.
    package var ruined: Bool
    /// Some pool's net position below zero at some month end.
    package var anyPoolRuined: Bool
    /// First month index with a negative net position.
    package var firstShortfallMonth: Int?
    /// max(0, − lowest net position), yuan.
    package var worstDeficit: Double
    /// The lowest month-end net position, yuan.
    package var lowestNetPosition: Double
    /// Solvency: assets below all liabilities (solvency position < 0) at the horizon.
    package var insolventAtEnd: Bool
    /// First month index with a negative solvency position.
    package var firstInsolventMonth: Int?
    /// Cash received over the horizon.
    package var contributions: Double
    /// Contributions booked on the horizon's orders (the last month's arrive after it).
    package var contributionsBooked: Double
    package var benefitsPaid: Double
    /// Paid loss ratio: benefits paid ÷ contributions received, both cash in the horizon's months.
    package var lossRatio: Double
    /// Incurred loss ratio: present value of recognised claims from the horizon's accidents ÷
    /// contributions booked on the horizon's orders (the same months).
    package var incurredLossRatio: Double
    package var liabilitiesAtEnd: Double
    package var ibnrAtEnd: Double
    package var borrowing: Double
    package var netPositionAtEnd: Double
    /// Assets − all liabilities at the horizon, yuan.
    package var solvencyPositionAtEnd: Double
    /// Assets ÷ all liabilities at the horizon: (cash + contributions receivable for the last
    /// month's orders) ÷ (backstop debt + arrears + reported claims' PV + IBNR); nil without liabilities.
    package var fundedRatioAtEnd: Double?

    /// The figures of `pool` (`nil`: the total over pools).
    package init(_ result: ReplicationResult, pool: Int? = nil) {
        let pool = pool ?? result.poolCount
        func yuan(_ fen: Int64) -> Double { Double(fen) / 100 }
        func sum(_ metric: Metric) -> Double { yuan(result.total(metric, pool: pool)) }
        func end(_ metric: Metric) -> Double { yuan(result.last(metric, pool: pool)) }
        firstShortfallMonth = result.firstShortfall(pool: pool)
        ruined = firstShortfallMonth != nil
        anyPoolRuined = (0..<result.poolCount).contains { result.firstShortfall(pool: $0) != nil }
        lowestNetPosition = yuan(result.series(.netPosition, pool: pool).min() ?? 0)
        worstDeficit = max(0, -lowestNetPosition)
        firstInsolventMonth = result.firstInsolvency(pool: pool)
        solvencyPositionAtEnd = end(.solvencyPosition)
        insolventAtEnd = solvencyPositionAtEnd < 0
        contributions = sum(.contributions)
        contributionsBooked = sum(.contributionsBooked)
        benefitsPaid = sum(.benefitsPaid)
        lossRatio = contributions > 0 ? benefitsPaid / contributions : .nan
        let incurred = (0..<result.sectorCount).reduce(0.0) { $0 + result.incurredBySector[pool * result.sectorCount + $1] } / 100
        incurredLossRatio = contributionsBooked > 0 ? incurred / contributionsBooked : .nan
        liabilitiesAtEnd = end(.liabilities)
        ibnrAtEnd = end(.ibnr)
        borrowing = sum(.borrowed)
        netPositionAtEnd = end(.netPosition)
        let owed = end(.debt) + liabilitiesAtEnd + ibnrAtEnd
        fundedRatioAtEnd = owed > 0 ? (end(.cash) + end(.contributionsBooked)) / owed : nil
    }
}

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
