import InjurySimCore

/// Spreads replications over a fixed number of threads and returns their results in
/// replication order, whatever order they finish in.
package enum MonteCarloRunner {
    /// Runs `replications` of `scenario` on `threads` threads. `progress` is called with the
    /// number of finished replications after each one ends.
    package static func run(
        scenario: Scenario, replications: Range<Int>, threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> [ReplicationResult] {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        return await run(jobs: replications.map { (coordinator, $0) }, threads: threads, progress: progress)
    }

    /// Runs a list of (scenario, replication) jobs — for searches where each replication runs
    /// its own variant — and returns results in job order. When a replication's money overflows
    /// (``checkedRun(jobs:threads:progress:)``) the error goes to ``RunStop/current`` and the
    /// results are empty ones of the right shape, which the command discards; once the command's
    /// ``RunStop`` holds an error nothing more runs. Without a ``RunStop`` (tests, fixed
    /// reference runs) an overflow traps.
    package static func run(
        jobs: [(ReplicationCoordinator, Int)], threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> [ReplicationResult] {
        func empty() -> [ReplicationResult] {
            jobs.map { coordinator, replication in
                let s = coordinator.scenario
                return ReplicationResult(
                    replication: replication, months: s.months, poolCount: s.poolCount, sectorCount: s.sectors.count,
                    platformCount: s.platforms.count)
            }
        }
        let stop = RunStop.current
        if stop?.error != nil { return empty() }
        switch await checkedRun(jobs: jobs, threads: threads, progress: progress) {
        case .success(let results): return results
        case .failure(let error):
            guard let stop else { preconditionFailure(error.description) }
            stop.record(error)
            return empty()
        }
    }

    /// ``run(jobs:threads:progress:)`` whose outcome is the error of the lowest job whose
    /// replication's money left the exact range (``MoneyOverflow``). Jobs start in order, so when
    /// a job fails every earlier one has started: the runner starts no more, lets those in flight
    /// end, and returns the lowest failure — the same whatever the thread count. A failed
    /// replication is not stored in the checkpoint.
    package static func checkedRun(
        jobs: [(ReplicationCoordinator, Int)], threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> Result<[ReplicationResult], EngineError> {
        // Jobs finished by an earlier, interrupted run of the same command are loaded, not run.
        let store = ReplicationStores.current
        let call = store?.beginCall() ?? 0
        var results = [ReplicationResult?](repeating: nil, count: jobs.count)
        var finished = 0
        if let store {
            for index in jobs.indices {
                if let stored = store.load(call: call, job: index), stored.replication == jobs[index].1, stored.fits(jobs[index].0.scenario) {
                    results[index] = stored
                    finished += 1
                }
            }
            if finished > 0 { progress?(finished) }
        }
        let pending = jobs.indices.filter { results[$0] == nil }
        guard !pending.isEmpty else { return .success(results.map { $0! }) }
        let executor = ThreadPoolExecutor(threadCount: max(1, threads))
        defer { executor.shutdown() }
        // The group collects its results itself (nothing outside it is mutated from inside):
        // finished ones in `done`, the lowest failing job in `failure`.
        let alreadyFinished = finished
        let (done, failure) = await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: (Int, Result<ReplicationResult, EngineError>).self) { group in
                // At most `threads` replications in flight bounds memory; shards inside each
                // replication keep the threads busy when there are few replications.
                var next = 0
                func start(_ index: Int) {
                    let (coordinator, replication) = jobs[index]
                    group.addTask { (index, await coordinator.checkedRun(replication: replication)) }
                }
                while next < pending.count && next < max(1, threads) {
                    start(pending[next])
                    next += 1
                }
                var done: [(Int, ReplicationResult)] = []
                var failure: (index: Int, error: EngineError)?
                while let (index, outcome) = await group.next() {
                    switch outcome {
                    case .success(let result):
                        done.append((index, result))
                        store?.save(call: call, job: index, result)
                        progress?(alreadyFinished + done.count)
                    case .failure(let error):
                        if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
                    }
                    if failure == nil && next < pending.count {
                        start(pending[next])
                        next += 1
                    }
                }
                return (done, failure)
            }
        }
        if let failure { return .failure(failure.error) }
        for (index, result) in done { results[index] = result }
        return .success(results.map { $0! })
    }
}
