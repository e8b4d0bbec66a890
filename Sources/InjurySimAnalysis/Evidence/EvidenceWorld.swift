import InjurySimCore
import InjurySimEngine

/// One replication as the evidence sees it: its verdict figures (the total over pools), its
/// counterparts of the published figures and its draw of each uncertain input. Built from the
/// results after a run, or read back from `replications.csv` by a what-if (``init(row:)``).
package struct EvidenceWorld: Sendable, Equatable {
    /// Liquidity: the net position fell below zero at some month end (the reserve was exhausted).
    package var ruined: Bool
    /// Solvency: assets below all liabilities at the horizon.
    package var insolvent: Bool
    /// Pay-as-you-go: the reserve missed its target at some year end.
    package var reserveTargetMissed: Bool
    /// Terminal funding: the reserve fell short of the capital of the awards in payment.
    package var capitalShort: Bool
    /// The break-even rate over all sectors, yuan per order (NaN without orders).
    package var breakEvenRate: Double
    /// The counterparts, in the order of the scenario's ``PublishedCounterpart/all(scenario:results:)``.
    package var counterparts: [Double]
    /// The draws, in the order of ``Scenario/uncertainInputs``.
    package var draws: [Double]

    package init(
        ruined: Bool, insolvent: Bool, reserveTargetMissed: Bool, capitalShort: Bool, breakEvenRate: Double, counterparts: [Double],
        draws: [Double]
    ) {
        self.ruined = ruined
        self.insolvent = insolvent
        self.reserveTargetMissed = reserveTargetMissed
        self.capitalShort = capitalShort
        self.breakEvenRate = breakEvenRate
        self.counterparts = counterparts
        self.draws = draws
    }

    /// Every replication of a run, in the order of `results`.
    package static func all(scenario: Scenario, results: [ReplicationResult], counterparts: [PublishedCounterpart]) -> [EvidenceWorld] {
        results.enumerated().map { index, result in
            let m = ReplicationMetrics(result, scenario: scenario)
            return EvidenceWorld(
                ruined: m.ruined, insolvent: m.insolventAtEnd, reserveTargetMissed: m.financing.reserveTargetMissed,
                capitalShort: m.financing.capitalShort, breakEvenRate: m.breakEvenRate, counterparts: counterparts.map { $0.values[index] },
                draws: scenario.inputDraws(replication: result.replication))
        }
    }
}
