import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimIO

/// A claimed results folder and the checkpoint of the command writing it.
struct OutputClaim {
    var folder: OutputFolder
    var checkpoint: Checkpoint

    /// Runs `work` with finished replications kept in (and, on `--resume`, loaded from) the checkpoint.
    func simulate<R>(_ work: () async -> R) async -> R {
        await ReplicationStores.$current.withValue(checkpoint) { await work() }
    }

    func release() {
        folder.abandon()
        StagingCleanup.shared.checkpoint = nil
    }
}
