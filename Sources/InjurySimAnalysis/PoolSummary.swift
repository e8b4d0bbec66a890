import InjurySimCore
import InjurySimEngine

/// The verdict for one pool (or the total) across replications, at full population scale.
/// Money in fen.
package struct PoolSummary: Sendable {
    package var name: String
    /// Liquidity: replications whose net position fell below zero at some month end.
    package var ruinedReplications: Int
    package var replications: Int
    /// Share of replications whose net position fell below zero at some month end.
    package var ruinProbability: Double { share(ruinedReplications) }
    /// Wilson 95% interval of the ruin probability.
    package var ruinInterval: (low: Double, high: Double) { Statistics.wilson(successes: ruinedReplications, trials: replications) }
    /// Month index of the first shortfall, over ruined replications only.
    package var firstShortfallMonth: Spread?
    package var lowestNetPosition: Spread
    /// Value and tail value at risk (99.5%) of the worst deficit, max(0, −lowest net position), fen.
    package var worstDeficitVaR: Double
    package var worstDeficitTVaR: Double
    /// Solvency: replications whose assets fall short of all liabilities at the horizon.
    package var insolventAtEndReplications: Int
    /// Solvency: replications whose assets fell short of all liabilities at some month end.
    package var insolventEverReplications: Int
    package var insolvencyAtEndProbability: Double { share(insolventAtEndReplications) }
    package var insolvencyEverProbability: Double { share(insolventEverReplications) }
    package var insolvencyAtEndInterval: (low: Double, high: Double) {
        Statistics.wilson(successes: insolventAtEndReplications, trials: replications)
    }
    package var insolvencyEverInterval: (low: Double, high: Double) { Statistics.wilson(successes: insolventEverReplications, trials: replications) }
    /// Month index of the first insolvency, over replications insolvent at some month end.
    package var firstInsolventMonth: Spread?
    /// Assets − all liabilities at the horizon.
    package var solvencyPositionAtEnd: Spread
    /// Value and tail value at risk (99.5%) of the deficit at the horizon, max(0, −solvency position), fen.
    package var solvencyDeficitVaR: Double
    package var solvencyDeficitTVaR: Double
    package var ibnrAtEnd: Spread
    package var contributions: Spread
    package var benefitsPaid: Spread
    package var adminCost: Spread
    package var investmentIncome: Spread
    package var borrowed: Spread
    package var platformPaid: Spread
    package var lossRatio: Spread
    package var incurredLossRatio: Spread
    package var liabilitiesAtEnd: Spread
    package var netPositionAtEnd: Spread
    package var fundedRatioAtEnd: Spread
    /// Break-even per-order rate by sector (yuan), sectors in scenario order.
    package var breakEvenRate: [Spread]
    package var orders: Spread
    package var accidents: Spread
    package var claimsRecognised: Spread
    package var claimsBySeverity: [Spread]
    package var insuredPersons: Spread
    package var activeWorkersAtEnd: Spread
    /// Recognised claims and benefits paid (fen) from the first phase of a chain (`continues`)
    /// to the horizon; the horizon's own without one.
    package var claimsRecognisedSinceStart = Spread([])
    package var benefitsPaidSinceStart = Spread([])
    /// The figures under the financing methods and the scenario's method's binding test.
    package var financing: FinancingOutcome

    private func share(_ count: Int) -> Double { replications == 0 ? 0 : Double(count) / Double(replications) }
}
