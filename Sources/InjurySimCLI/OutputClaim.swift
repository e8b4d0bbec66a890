import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// A claimed results folder and the checkpoint of the command writing it.
struct OutputClaim {
    var folder: OutputFolder
    var checkpoint: Checkpoint

    /// Runs `work` with finished replications kept in (and, on `--resume`, loaded from) the
    /// checkpoint; throws the error that stopped its runs (a replication whose money left the
    /// exact range, ``RunStop``) instead of returning results built from them, before anything
    /// is written.
    func simulate<R>(_ work: () async -> R) async throws(Program.CommandError) -> R {
        let stop = RunStop()
        let value = await RunStop.$current.withValue(stop) { await ReplicationStores.$current.withValue(checkpoint) { await work() } }
        if let error = stop.error { throw .engine(error) }
        return value
    }

    /// Removes the staging folder; the checkpoint stays until the results are in place (the
    /// command's caller records how a command that failed ended).
    func release() {
        folder.abandon()
    }
}
