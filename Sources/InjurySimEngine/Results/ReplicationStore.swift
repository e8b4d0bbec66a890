import InjurySimCore

/// Where finished replications are kept while a command runs, so that an interrupted command
/// can resume. The runner asks it for each job before running it and hands it each result as
/// soon as the job ends.
///
/// Jobs are named by the runner call (the k-th call of ``MonteCarloRunner`` in a command) and
/// the job's index in that call. Every command makes the same calls in the same order for the
/// same inputs — the results are deterministic — so the names match between the interrupted
/// run and the resumed one.
package protocol ReplicationStore: AnyObject, Sendable {
    /// Starts a runner call and returns its number (0, 1, 2, …).
    func beginCall() -> Int
    /// The stored result of job `job` of call `call`, if it finished before.
    func load(call: Int, job: Int) -> ReplicationResult?
    /// Keeps a finished job's result.
    func save(call: Int, job: Int, _ result: ReplicationResult)
}
