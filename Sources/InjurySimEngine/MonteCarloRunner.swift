import InjurySimCore

/// Spreads replications over a fixed number of threads and returns their results in
/// replication order, whatever order they finish in.
public enum MonteCarloRunner {
    /// Runs `replications` of `scenario` on `threads` threads. `progress` is called with the
    /// number of finished replications after each one ends.
    public static func run(scenario: Scenario, replications: Range<Int>, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) async -> [ReplicationResult] {
        let executor = ThreadPoolExecutor(threadCount: max(1, threads))
        defer { executor.shutdown() }
        let coordinator = ReplicationCoordinator(scenario: scenario)
        return await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: ReplicationResult.self) { group in
                // At most `threads` replications in flight bounds memory; shards inside each
                // replication keep the threads busy when there are few replications.
                var next = replications.lowerBound
                var results = [ReplicationResult?](repeating: nil, count: replications.count)
                var finished = 0
                while next < replications.upperBound && next - replications.lowerBound < max(1, threads) {
                    let r = next
                    group.addTask { await coordinator.run(replication: r) }
                    next += 1
                }
                while let result = await group.next() {
                    results[result.replication - replications.lowerBound] = result
                    finished += 1
                    progress?(finished)
                    if next < replications.upperBound {
                        let r = next
                        group.addTask { await coordinator.run(replication: r) }
                        next += 1
                    }
                }
                return results.map { $0! }
            }
        }
    }
}
