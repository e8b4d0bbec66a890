import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// A fund is short (ruined) in a month when its net position (cash − debt − arrears) is below
/// zero at the month end. A net position of exactly zero — everything paid to the last fen — is
/// not a shortfall. The rule is applied the same way per replication, in the policy metrics and
/// in the run summary.
@Suite struct RuinRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        var netPositions: [Int64]
        var firstShortfall: Int?
        var description: String { "\(netPositions)" }
    }

    static let cases = [
        Case(netPositions: [5, 0, 3], firstShortfall: nil),
        Case(netPositions: [0, 0, 0], firstShortfall: nil),
        Case(netPositions: [1, 2, 3], firstShortfall: nil),
        Case(netPositions: [5, -1, 0], firstShortfall: 1),
        Case(netPositions: [-1], firstShortfall: 0),
        Case(netPositions: [0, -5, 0], firstShortfall: 1),
        Case(netPositions: [3, 0, -1], firstShortfall: 2)
    ]

    /// One pool whose net position (and the total's) follows `netPositions`, in fen.
    static func result(_ netPositions: [Int64]) -> ReplicationResult {
        var result = ReplicationResult(replication: 0, months: netPositions.count, poolCount: 1, sectorCount: 1)
        for (month, value) in netPositions.enumerated() {
            result.set(value, month: month, pool: 0, metric: .netPosition)
            result.set(value, month: month, pool: 1, metric: .netPosition)
        }
        return result
    }

    @Test(arguments: cases)
    func aFundIsShortOnlyWhenItsNetPositionIsBelowZero(c: Case) {
        let result = Self.result(c.netPositions)
        #expect(result.firstShortfall(pool: 0) == c.firstShortfall)
        #expect(result.firstShortfall(pool: 1) == c.firstShortfall)

        let metrics = ReplicationMetrics(result, start: YearMonth(year: 2024, month: 1), financing: .standard)
        #expect(metrics.ruined == (c.firstShortfall != nil))
        #expect(metrics.anyPoolRuined == (c.firstShortfall != nil))
        #expect(metrics.firstShortfallMonth == c.firstShortfall)
        #expect(metrics.worstDeficit == Double(max(0, -(c.netPositions.min() ?? 0))) / 100)

        let scenario = TinyScenario.make(months: c.netPositions.count)
        let summary = RunSummary(scenario: scenario, results: [result])
        let ruined = c.firstShortfall == nil ? 0 : 1
        #expect(summary.total.ruinedReplications == ruined)
        #expect(summary.pools[0].ruinedReplications == ruined)
        #expect(summary.anyPoolRuinedReplications == ruined)
    }

    /// A fund that pays its dues out of exactly the cash it has ends the month at zero, not short.
    @Test func payingOutToTheLastFenIsNotAShortfall() {
        var ledger = FundLedger(initialCash: 1_000, shortfall: .defer, liabilityDiscountRatePerYear: 0)
        ledger.schedule([Payment(month: 0, amount: 1_250, item: .medical)])
        let books = ledger.close(month: 0, contributions: 250, adminCostShare: 0, investmentReturnPerYear: 0)
        #expect(books.netPosition == 0 && books.arrears == 0)
        var result = ReplicationResult(replication: 0, months: 1, poolCount: 1, sectorCount: 1)
        result.set(books.netPosition, month: 0, pool: 0, metric: .netPosition)
        #expect(result.firstShortfall(pool: 0) == nil)
    }
}
