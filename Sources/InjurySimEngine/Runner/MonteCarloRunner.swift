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
    /// its own variant — and returns results in job order.
    package static func run(
        jobs: [(ReplicationCoordinator, Int)], threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> [ReplicationResult] {
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
        guard !pending.isEmpty else { return results.map { $0! } }
        let executor = ThreadPoolExecutor(threadCount: max(1, threads))
        defer { executor.shutdown() }
        return await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: (Int, ReplicationResult).self) { group in
                // At most `threads` replications in flight bounds memory; shards inside each
                // replication keep the threads busy when there are few replications.
                var next = 0
                func start(_ index: Int) {
                    let (coordinator, replication) = jobs[index]
                    group.addTask { (index, await coordinator.run(replication: replication)) }
                }
                while next < pending.count && next < max(1, threads) {
                    start(pending[next])
                    next += 1
                }
                while let (index, result) = await group.next() {
                    results[index] = result
                    store?.save(call: call, job: index, result)
                    finished += 1
                    progress?(finished)
                    if next < pending.count {
                        start(pending[next])
                        next += 1
                    }
                }
                return results.map { $0! }
            }
        }
    }
}
