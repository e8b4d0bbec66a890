import InjurySimCore
import InjurySimEngine

/// The verdict under one of a scenario's choices (``Scenario/choices``): the shares of worlds short
/// of cash, insolvent at the horizon, below the reserve target and short of capital, and the
/// break-even rate, over the same worlds and chance as the run (a choice's scenario runs with the
/// run's seed), every world counted equally.
package struct ChoiceVerdict: Sendable {
    /// The setting (`PATH=VALUE`); nil for the scenario as run.
    package var setting: String?
    package var figures: Evidence.Figures

    package init(setting: String?, metrics: [ReplicationMetrics]) {
        self.setting = setting
        figures = Evidence.Figures(metrics.map { EvidenceWorld(metrics: $0) }, ImportanceWeights(equal: metrics.count))
    }

    /// The scenario as run, then each choice in the scenario's order; empty without choices.
    package static func all(run: [ReplicationMetrics], choices: [(setting: String, metrics: [ReplicationMetrics])]) -> [ChoiceVerdict] {
        guard !choices.isEmpty else { return [] }
        return [ChoiceVerdict(setting: nil, metrics: run)] + choices.map { ChoiceVerdict(setting: $0.setting, metrics: $0.metrics) }
    }
}

extension EvidenceWorld {
    /// A world's verdict figures from its metrics, without counterparts or draws.
    package init(metrics m: ReplicationMetrics) {
        self.init(
            ruined: m.ruined, insolvent: m.insolventAtEnd, reserveTargetMissed: m.financing.reserveTargetMissed,
            capitalShort: m.financing.capitalShort, breakEvenRate: m.breakEvenRate, counterparts: [], draws: [])
    }
}
