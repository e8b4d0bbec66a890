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
    /// The month-end net position of every month of the horizon, in order, yuan: what the
    /// policy pages' monthly medians are computed from, once all replications are in.
    package var netPositionByMonth: [Double]
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
    /// The break-even rate over all sectors (yuan per order): ``breakEvenRate(incurredFen:orders:adminCostShare:)``
    /// of the incurred cost and orders summed over the sectors; NaN without orders.
    package var breakEvenRate: Double
    /// Assets ÷ all liabilities at the horizon: (cash + contributions receivable for the last
    /// month's orders) ÷ (backstop debt + arrears + reported claims' PV + IBNR); nil without liabilities.
    package var fundedRatioAtEnd: Double?
    /// The figures of the financing methods (pay-as-you-go, terminal funding, the general average premium).
    package var financing: FinancingFigures

    /// The figures of `pool` (`nil`: the total over pools) of a replication of `scenario`.
    package init(_ result: ReplicationResult, pool: Int? = nil, scenario: Scenario) {
        self.init(result, pool: pool, start: scenario.startMonth, financing: scenario.financing)
    }

    /// The figures of `pool` (`nil`: the total over pools) of a replication whose horizon starts
    /// at `start`, judged with the `financing` settings.
    package init(_ result: ReplicationResult, pool: Int? = nil, start: YearMonth, financing settings: Scenario.Financing) {
        let pool = pool ?? result.poolCount
        func yuan(_ fen: Int64) -> Double { Double(fen) / 100 }
        func sum(_ metric: Metric) -> Double { yuan(result.total(metric, pool: pool)) }
        func end(_ metric: Metric) -> Double { yuan(result.last(metric, pool: pool)) }
        firstShortfallMonth = result.firstShortfall(pool: pool)
        ruined = firstShortfallMonth != nil
        anyPoolRuined = (0..<result.poolCount).contains { result.firstShortfall(pool: $0) != nil }
        let netPositions = result.series(.netPosition, pool: pool)
        netPositionByMonth = netPositions.map(yuan)
        lowestNetPosition = yuan(netPositions.min() ?? 0)
        worstDeficit = max(0, -lowestNetPosition)
        firstInsolventMonth = result.firstInsolvency(pool: pool)
        solvencyPositionAtEnd = end(.solvencyPosition)
        insolventAtEnd = solvencyPositionAtEnd < 0
        contributions = sum(.contributions)
        contributionsBooked = sum(.contributionsBooked)
        benefitsPaid = sum(.benefitsPaid)
        lossRatio = contributions > 0 ? benefitsPaid / contributions : .nan
        let incurredFen = (0..<result.sectorCount).reduce(0.0) { $0 + result.incurredBySector[pool * result.sectorCount + $1] }
        let incurred = incurredFen / 100
        incurredLossRatio = contributionsBooked > 0 ? incurred / contributionsBooked : .nan
        let orders = (0..<result.sectorCount).reduce(Int64(0)) { $0 + result.ordersBySector[pool * result.sectorCount + $1] }
        breakEvenRate = Self.breakEvenRate(incurredFen: incurredFen, orders: Double(orders), adminCostShare: result.adminCostShare)
        liabilitiesAtEnd = end(.liabilities)
        ibnrAtEnd = end(.ibnr)
        borrowing = sum(.borrowed)
        netPositionAtEnd = end(.netPosition)
        let owed = end(.debt) + liabilitiesAtEnd + ibnrAtEnd
        fundedRatioAtEnd = Self.fundedRatio(cash: end(.cash), contributionsBooked: end(.contributionsBooked), owed: owed)
        financing = FinancingFigures(FinancingPath(result, pool: pool, start: start), financing: settings)
    }

    /// The funded ratio: assets (cash and contributions booked but not yet received) ÷ what is
    /// owed (backstop debt, outstanding liabilities, IBNR); nil when nothing is owed. The one
    /// place of this rule (the end of a replication, and each month in `solvency-paths.csv`).
    package static func fundedRatio(cash: Double, contributionsBooked: Double, owed: Double) -> Double? {
        owed > 0 ? (cash + contributionsBooked) / owed : nil
    }

    /// The break-even rate (yuan per order) of `incurredFen` over `orders`: the fund's incurred
    /// cost per order, loaded for administration when the fund is charged for it; NaN without
    /// orders. The one place of this rule (run summary per sector, ``breakEvenRate`` over all sectors).
    package static func breakEvenRate(incurredFen: Double, orders: Double, adminCostShare: Double) -> Double {
        orders > 0 ? incurredFen / orders / max(1e-9, 1 - adminCostShare) / 100 : .nan
    }
}
