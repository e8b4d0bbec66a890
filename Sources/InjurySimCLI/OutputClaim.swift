import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// A claimed results folder and the checkpoint of the command writing it.
struct OutputClaim {
    var folder: OutputFolder
    var checkpoint: Checkpoint

    /// Runs `work` with finished replications kept in (and, on `--resume`, loaded from) the checkpoint.
    func simulate<R>(_ work: () async -> R) async -> R {
        await ReplicationStores.$current.withValue(checkpoint) { await work() }
    }

    /// Removes the staging folder; the checkpoint stays until the results are in place (the
    /// command's caller records how a command that failed ended).
    func release() {
        folder.abandon()
    }
}
