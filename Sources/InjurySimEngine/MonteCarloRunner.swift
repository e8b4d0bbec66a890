import InjurySimCore

/// Spreads replications over a fixed number of threads and returns their results in
/// replication order, whatever order they finish in.
public enum MonteCarloRunner {
    /// Runs `replications` of `scenario` on `threads` threads. `progress` is called with the
    /// number of finished replications after each one ends.
    public static func run(scenario: Scenario, replications: Range<Int>, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) async -> [ReplicationResult] {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        return await run(jobs: replications.map { (coordinator, $0) }, threads: threads, progress: progress)
    }

    /// Runs a list of (scenario, replication) jobs — for searches where each replication runs
    /// its own variant — and returns results in job order.
    public static func run(jobs: [(ReplicationCoordinator, Int)], threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) async -> [ReplicationResult] {
        let executor = ThreadPoolExecutor(threadCount: max(1, threads))
        defer { executor.shutdown() }
        return await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: (Int, ReplicationResult).self) { group in
                // At most `threads` replications in flight bounds memory; shards inside each
                // replication keep the threads busy when there are few replications.
                var next = 0
                var results = [ReplicationResult?](repeating: nil, count: jobs.count)
                var finished = 0
                func start(_ index: Int) {
                    let (coordinator, replication) = jobs[index]
                    group.addTask { (index, await coordinator.run(replication: replication)) }
                }
                while next < jobs.count && next < max(1, threads) {
                    start(next)
                    next += 1
                }
                while let (index, result) = await group.next() {
                    results[index] = result
                    finished += 1
                    progress?(finished)
                    if next < jobs.count {
                        start(next)
                        next += 1
                    }
                }
                return results.map { $0! }
            }
        }
    }
}
