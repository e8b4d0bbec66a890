import InjurySimCore

/// Owns the worker agents of one shard; steps them one month per call (one hop per shard per month).
package actor ShardActor {
    private var state: ShardState

    package init(state: ShardState) { self.state = state }

    /// Steps the shard's workers through a month.
    package func step(month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        ShardKernel.selected.step(&state, month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
    }

    /// The state at the end of a phase, handed to the next one.
    package func currentState() -> ShardState { state }
}
