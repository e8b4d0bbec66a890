import InjurySimCore

@testable import InjurySimEngine

extension ReplicationCoordinator {
    /// The claim builder of one replication, as the month loop makes it.
    func claims(_ inputs: ReplicationInputs) -> ClaimBuilder {
        ClaimBuilder(scenario: scenario, inputs: inputs, clock: ChainClock(start: scenario.startMonth, months: scenario.months))
    }
}
