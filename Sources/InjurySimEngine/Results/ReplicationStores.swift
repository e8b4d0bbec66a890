import InjurySimCore

/// The store the runner uses when none is passed: set for the duration of a command with
/// `ReplicationStores.$current.withValue(store) { … }` so that every run inside it (policy
/// searches included) checkpoints without each layer passing it on.
package enum ReplicationStores {
    @TaskLocal package static var current: (any ReplicationStore)?
}
