import InjurySimCore
import InjurySimEngine

/// What a throughput run produced: the work done and a checksum of its results.
package struct ThroughputCount: Sendable, Equatable {
    /// Covered worker × calendar days simulated.
    package var workerDays: Int64 = 0
    /// Accidents simulated.
    package var accidents: Int64 = 0
    /// Worker slots simulated.
    package var workers: Int64 = 0
    /// FNV-1a over the results in index order: equal across thread counts.
    package var checksum: UInt64 { hash.value }
    private var hash = FNV1a()

    package init() {}

    mutating func mix(_ value: Int64) {
        hash.add(word: UInt64(bitPattern: value))
    }

    /// Counts and checksums replication results in replication order.
    package static func of(_ results: [ReplicationResult], workers: Int64) -> ThroughputCount {
        var count = ThroughputCount()
        count.workers = workers
        for result in results {
            count.workerDays += result.coveredWorkerDays
            count.accidents += result.simulatedAccidents
            for value in result.monthly { count.mix(value) }
        }
        return count
    }
}
