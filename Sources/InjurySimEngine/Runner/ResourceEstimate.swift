import Foundation
import InjurySimCore

/// What a run will need, estimated before anything is allocated: memory for the replications in
/// flight and the results kept, and the worker-days to simulate.
package struct ResourceEstimate: Sendable, Equatable {
    /// Simulated worker slots per replication.
    package var slots: Int
    /// Replications held in memory at once (the runner starts at most `threads` of those this
    /// process holds).
    package var inFlight: Int
    /// Bytes at the peak: the in-flight replications' worker slots and the kept results.
    package var bytes: Double
    /// Worker-days over the replications this process holds.
    package var workerDays: Double

    /// Bytes per worker slot: the slot itself plus the shard's per-slot bookkeeping.
    static let bytesPerSlot = Double(MemoryLayout<Worker>.stride) * 1.5
    /// Bytes per monthly figure kept for each replication (all metrics of all pools and the total).
    static let bytesPerFigure = Double(MemoryLayout<Int64>.stride)

    /// The estimate for a process that holds `replications` of `scenario` (a shard's own
    /// replications, not the study's) and runs them on `threads` threads.
    package init(scenario: Scenario, replications: Int, threads: Int) {
        slots = PopulationPlan.slotCounts(scenario).joined().reduce(0, +)
        inFlight = max(1, min(threads, replications))
        let pools = (scenario.poolOfProvince.max() ?? 0) + 2
        let perReplicationResults =
            Double(scenario.months * pools * Metric.allCases.count) * Self.bytesPerFigure
            + Double(pools * scenario.sectors.count * 16)
        bytes =
            Double(inFlight) * Double(slots) * Self.bytesPerSlot + Double(replications) * perReplicationResults
            + 64 * 1_048_576  // the program itself
        workerDays = Double(slots) * Double(scenario.months) * 30.44 * Double(replications)
    }

    /// The memory this process may use and what sets it: the machine's memory, or the tightest
    /// limit of the cgroups around the process (its own and its ancestors') when that is smaller.
    package static var memoryLimit: (bytes: Double, source: String) {
        memoryLimit(physical: Double(ProcessInfo.processInfo.physicalMemory), cgroup: CgroupMemoryLimit.current)
    }

    /// The smaller of `physical` and the cgroup limit, with what follows its size in a message:
    /// "this machine has" or "limit of cgroup /system.slice/job.scope". Usage is not subtracted:
    /// a cgroup's usage counts page cache the kernel would reclaim, and the 80% margin of
    /// `checkResources` leaves room for the rest of the job.
    package static func memoryLimit(physical: Double, cgroup: CgroupMemoryLimit?) -> (bytes: Double, source: String) {
        if let cgroup, Double(cgroup.bytes) < physical { return (Double(cgroup.bytes), cgroup.source) }
        return (physical, "this machine has")
    }

    /// "1.3 GB".
    package static func describe(bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var value = bytes
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(value)) bytes" : String(Int(value * 10) / 10) + "." + String(Int(value * 10) % 10) + " " + units[unit]
    }
}
