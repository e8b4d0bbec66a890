import InjurySimCore
import InjurySimEngine

/// A pool's (or the total's) figures under the financing methods, over replications: what the
/// verdict of the scenario's method states and `summary.json` records.
///
/// - **Pay-as-you-go with a reserve** asks two things of each world: is the reserve exhausted
///   (the net position below zero at some month end — the liquidity test) and does it hold the
///   target months of spending at every year end? The test failing in more worlds binds
///   (exhaustion on a tie: it is the graver failure).
/// - **Terminal funding** asks: is the reserve exhausted, and does it hold, at the horizon, the
///   capital of the long-term awards in payment? The same rule picks the binding test.
/// - **Full funding** is the solvency test and the liquidity test (``Verdict``).
package struct FinancingOutcome: Sendable {
    /// Which test binds under the method.
    package enum Binding: String, Sendable {
        case reserveTarget, exhaustion, capital, liquidity, solvency, neither
    }

    package var method: Scenario.Financing.Method
    package var reserveTargetMonths: Double
    package var replications: Int
    /// Worlds whose reserve is exhausted within the horizon (the same as running short).
    package var exhaustedReplications: Int
    /// The calendar year of exhaustion, over the worlds exhausted (nil: none).
    package var exhaustionYear: Spread?
    package var targetMissedReplications: Int
    package var capitalShortReplications: Int
    package var reserveMonthsAtEnd: Spread
    package var costRateLastYear: Spread
    package var rateChargedLastYear: Spread
    package var terminalRateLastYear: Spread
    /// Fen, as every amount of a pool summary.
    package var capitalShortfallAtEnd: Spread
    package var generalAveragePremium: Spread
    package var actuarialBalance: Spread
    /// The calendar years of the horizon: the last one (the year of the last-year rates) and the
    /// number of full ones (the period of the general average premium).
    package var lastYear: Int
    package var fullYears: Int
    /// The full-funding verdict of the same pool.
    package var fullFunding: Verdict

    package init(metrics: [ReplicationMetrics], settings: Scenario.Financing, start: YearMonth, months: Int, fullFunding: Verdict) {
        method = settings.method
        reserveTargetMonths = settings.reserveTargetMonths
        replications = metrics.count
        self.fullFunding = fullFunding
        let years = metrics.compactMap { m in m.firstShortfallMonth.map { Double(start.adding(months: $0).year) } }
        exhaustedReplications = years.count
        exhaustionYear = years.isEmpty ? nil : Spread(years)
        targetMissedReplications = metrics.filter(\.financing.reserveTargetMissed).count
        capitalShortReplications = metrics.filter(\.financing.capitalShort).count
        func spread(_ value: (FinancingFigures) -> Double) -> Spread { Spread(metrics.map { value($0.financing) }.filter { !$0.isNaN }) }
        reserveMonthsAtEnd = spread(\.reserveMonthsAtEnd)
        costRateLastYear = spread(\.costRateLastYear)
        rateChargedLastYear = spread(\.rateChargedLastYear)
        terminalRateLastYear = spread(\.terminalRateLastYear)
        capitalShortfallAtEnd = spread { $0.capitalShortfallAtEnd * 100 }
        generalAveragePremium = spread(\.generalAveragePremium)
        actuarialBalance = spread(\.actuarialBalance)
        lastYear = start.adding(months: max(0, months - 1)).year
        fullYears = (11..<max(11, months)).filter { start.adding(months: $0).month == 12 }.count
    }

    /// The binding test of the method.
    package var binding: Binding {
        switch method {
        case .fullFunding:
            switch fullFunding {
            case .liquidity: return .liquidity
            case .solvency: return .solvency
            case .neither: return .neither
            }
        case .payAsYouGo: return Self.binding(other: .reserveTarget, failing: targetMissedReplications, exhausted: exhaustedReplications)
        case .terminalFunding: return Self.binding(other: .capital, failing: capitalShortReplications, exhausted: exhaustedReplications)
        }
    }

    static func binding(other: Binding, failing: Int, exhausted: Int) -> Binding {
        if failing == 0 && exhausted == 0 { return .neither }
        return exhausted >= failing ? .exhaustion : other
    }

    package func share(_ count: Int) -> Double { replications == 0 ? 0 : Double(count) / Double(replications) }
    package func interval(_ count: Int) -> (low: Double, high: Double) { Statistics.wilson(successes: count, trials: replications) }
}
