import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim bench`: fixed workloads, each measured in a child process of its own so that peak
/// memory belongs to that workload alone.
package enum Benchmark {
    /// One measured workload at one thread count.
    package struct Row: Sendable {
        package var workload: String
        package var threads: Int
        package var workers: Int64
        package var workerDays: Int64
        package var accidents: Int64
        package var seconds: Double
        package var peakBytes: Int64
        package var baselineBytes: Int64
        package var checksum: UInt64

        package var workerDaysPerSecond: Double { Double(workerDays) / seconds }
        package var claimsPerSecond: Double { Double(accidents) / seconds }
        /// Resident memory added by the workload, per simulated worker slot.
        package var bytesPerWorker: Double { workers > 0 ? Double(peakBytes - baselineBytes) / Double(workers) : 0 }
    }

    /// A workload: which scenario, how scaled, which engine layout.
    package struct Workload {
        package var name: String
        var scenarioFile: String
        var sampleFraction: Double
        /// Months to run; nil: the scenario file's own horizon.
        var months: Int?
        var replications: (Int) -> Int
        var layout: Layout
        package var threadCounts: (Int) -> [Int]
        enum Layout { case engine, plainLoop, plainLoopScalar, actorPerWorker }
    }

    /// How big the workloads are: `full` for the figures in docs/BENCHMARKS.md, `quick` for a check in
    /// a minute or two, `tiny` for the end-to-end test in a debug build (not a measurement).
    package enum Size: String, Sendable, CaseIterable {
        case tiny, quick, full
    }

    package static func workloads(size: Size) -> [Workload] {
        let quick = size != .full
        let tiny = size == .tiny
        return [
            Workload(
                name: "national-12m", scenarioFile: "national-2026.json", sampleFraction: tiny ? 0.0005 : quick ? 0.01 : 1, months: tiny ? 2 : 12,
                replications: { _ in 1 }, layout: .engine, threadCounts: { [1, $0] }),
            Workload(
                name: "pilot-36m-many", scenarioFile: "pilot-2022.json", sampleFraction: tiny ? 0.001 : quick ? 0.01 : 1, months: tiny ? 3 : 36,
                replications: { 2 * $0 }, layout: .engine, threadCounts: { [1, $0] }),
            Workload(
                name: "small-many", scenarioFile: "smoke.json", sampleFraction: 1, months: 12,
                replications: { _ in tiny ? 4 : quick ? 50 : 2000 }, layout: .engine, threadCounts: { [1, $0] }),
            // Issue 23: the national projection over 50 years (the whole chain from the 2022
            // pilot, national-2075.json as shipped: the national phase to December 2075) with its 1% sample and 100
            // replications, at the machine's thread count; quick runs five years of it, tiny
            // (the debug end-to-end test) two months of national-2026.json without the chain.
            Workload(
                name: "national-50y", scenarioFile: tiny ? "national-2026.json" : "national-2075.json", sampleFraction: tiny ? 0.0005 : 0.01,
                months: tiny ? 2 : quick ? 60 : nil, replications: { _ in tiny ? 1 : quick ? 2 : 100 }, layout: .engine,
                threadCounts: { [$0] }),
            Workload(
                name: "ref-plain-loop", scenarioFile: "pilot-2022.json", sampleFraction: tiny ? 0.001 : quick ? 0.01 : 1, months: tiny ? 3 : 36,
                replications: { _ in 1 }, layout: .plainLoop, threadCounts: { _ in [1] }),
            Workload(
                name: "ref-scalar-kernel", scenarioFile: "pilot-2022.json", sampleFraction: tiny ? 0.001 : quick ? 0.01 : 1, months: tiny ? 3 : 36,
                replications: { _ in 1 }, layout: .plainLoopScalar, threadCounts: { _ in [1] }),
            Workload(
                name: "ref-actor-per-worker", scenarioFile: "pilot-2022.json", sampleFraction: tiny ? 0.0002 : quick ? 0.002 : 0.02,
                months: tiny ? 2 : 12,
                replications: { _ in 1 }, layout: .actorPerWorker, threadCounts: { [$0] })
        ]
    }

    /// Runs one workload in this process and returns its row (the child side of `bench`).
    package static func measure(_ workload: Workload, threads: Int, maxThreads: Int, scenarios: String) async throws(ScenarioError) -> Row {
        var scenario = try ScenarioLoader.load(path: scenarios + "/" + workload.scenarioFile).scenario
        scenario.sampleFraction = workload.sampleFraction
        if let months = workload.months { scenario.months = months }
        scenario.replications = workload.replications(maxThreads)
        if workload.sampleFraction < 0.001 { scenario.minimumSampledWorkersPerPool = 0 }  // tiny: no raised pools
        let baseline = residentBytes(field: "VmRSS")
        let clock = ContinuousClock()
        let start = clock.now
        let count: ThroughputCount
        switch workload.layout {
        case .engine:
            let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: threads)
            let workers = Int64(PopulationPlan.slotCounts(scenario).joined().reduce(0, +))
            count = ThroughputCount.of(results, workers: workers)
        case .plainLoop:
            count = ReferenceRuns.plainLoop(scenario: scenario, replication: 0)
        case .plainLoopScalar:
            count = ReferenceRuns.plainLoop(scenario: scenario, replication: 0, kernel: .scalar)
        case .actorPerWorker:
            let executor = ThreadPoolExecutor(threadCount: threads)
            defer { executor.shutdown() }
            count = await withTaskExecutorPreference(executor) { await ReferenceRuns.actorPerWorker(scenario: scenario, replication: 0) }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Row(
            workload: workload.name, threads: threads, workers: count.workers, workerDays: count.workerDays,
            accidents: count.accidents, seconds: seconds, peakBytes: residentBytes(field: "VmHWM"),
            baselineBytes: baseline, checksum: count.checksum)
    }

    /// A memory figure of this process from /proc/self/status, in bytes (0 where unavailable).
    package static func residentBytes(field: String) -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.split(separator: " ").compactMap { Int64($0) }
            if let kilobytes = digits.first { return kilobytes * 1024 }
        }
        return 0
    }

    package static func encode(_ row: Row) -> String {
        [
            row.workload, String(row.threads), String(row.workers), String(row.workerDays), String(row.accidents),
            String(row.seconds), String(row.peakBytes), String(row.baselineBytes), String(row.checksum)
        ].joined(separator: " ")
    }

    package static func decode(_ line: Substring) -> Row? {
        let f = line.split(separator: " ").map(String.init)
        guard f.count == 9, let threads = Int(f[1]), let workers = Int64(f[2]), let days = Int64(f[3]), let accidents = Int64(f[4]),
            let seconds = Double(f[5]), let peak = Int64(f[6]), let baseline = Int64(f[7]), let checksum = UInt64(f[8])
        else { return nil }
        return Row(
            workload: f[0], threads: threads, workers: workers, workerDays: days, accidents: accidents, seconds: seconds,
            peakBytes: peak, baselineBytes: baseline, checksum: checksum)
    }

    /// The child side: `injurysim bench-row NAME THREADS MAXTHREADS QUICK SCENARIOS`.
    package static func row(_ rows: [Row], _ name: String, _ threads: Int) -> Row? { rows.first { $0.workload == name && $0.threads == threads } }

    /// Derived figures: scaling, engine vs plain loop, checksums equal across thread counts.
    package static func derived(_ rows: [Row], maxThreads: Int) -> [(String, String)] {
        var out: [(String, String)] = []
        for name in ["national-12m", "pilot-36m-many", "small-many"] {
            if let one = row(rows, name, 1), let many = row(rows, name, maxThreads), maxThreads > 1 {
                let speedup = many.workerDaysPerSecond / one.workerDaysPerSecond
                out.append(
                    (
                        "\(name): speed-up 1→\(maxThreads) threads",
                        (Format.fixed(speedup, 2) ?? "") + "× (parallel efficiency " + (Format.fixed(speedup / Double(maxThreads) * 100, 0) ?? "")
                            + "%)"
                    ))
                out.append(("\(name): checksums equal across thread counts", one.checksum == many.checksum ? "yes" : "NO"))
            }
        }
        if let engine = row(rows, "pilot-36m-many", 1), let plain = row(rows, "ref-plain-loop", 1) {
            out.append(
                (
                    "engine (1 thread) ÷ plain loop, worker-days/s",
                    Format.fixed(engine.workerDaysPerSecond / plain.workerDaysPerSecond, 3) ?? ""
                ))
        }
        if let plain = row(rows, "ref-plain-loop", 1), let scalar = row(rows, "ref-scalar-kernel", 1) {
            out.append(
                (
                    "vectorised kernel (\(ShardKernel.selected.rawValue)) ÷ scalar kernel, plain loop, worker-days/s",
                    Format.fixed(plain.workerDaysPerSecond / scalar.workerDaysPerSecond, 3) ?? ""
                ))
            out.append(("vectorised and scalar kernel checksums equal", plain.checksum == scalar.checksum ? "yes" : "NO"))
        }
        if let perWorker = row(rows, "ref-actor-per-worker", maxThreads), let engine = row(rows, "pilot-36m-many", maxThreads) {
            out.append(
                (
                    "one actor per worker ÷ engine, worker-days/s",
                    Format.fixed(perWorker.workerDaysPerSecond / engine.workerDaysPerSecond, 3) ?? ""
                ))
        }
        out.append(
            (
                "bytes per worker slot in memory (Worker stride, work-stream key included)",
                String(MemoryLayout<Worker>.stride)
            ))
        return out
    }

    package static func renderTable(_ rows: [Row], maxThreads: Int, size: Size) -> String {
        var lines = [
            "InjurySim benchmark\(size == .full ? "" : " (\(size.rawValue) sizes)") — \(ProcessInfo.processInfo.activeProcessorCount) cores, up to \(maxThreads) threads; release build expected",
            "shard kernel: \(ShardKernel.selected.rawValue) (vectorised, chosen at run time; INJURYSIM_KERNEL=portable|avx2|avx512|scalar forces one)",
            "",
            [
                padded("workload", 22), padded("thr", 3, right: true), padded("workers", 10, right: true), padded("worker-days", 13, right: true),
                padded("wall s", 8, right: true),
                padded("M wd/s", 8, right: true), padded("claims/s", 10, right: true), padded("peak MB", 8, right: true),
                padded("B/worker", 9, right: true), "checksum"
            ].joined(separator: " ")
        ]
        for r in rows {
            lines.append(
                [
                    padded(r.workload, 22), padded(String(r.threads), 3, right: true), padded(String(r.workers), 10, right: true),
                    padded(String(r.workerDays), 13, right: true), padded(Format.fixed(r.seconds, 2) ?? "", 8, right: true),
                    padded(Format.fixed(r.workerDaysPerSecond / 1e6, 1) ?? "", 8, right: true),
                    padded(Format.fixed(r.claimsPerSecond, 0) ?? "", 10, right: true),
                    padded(Format.fixed(Double(r.peakBytes) / 1_048_576, 0) ?? "", 8, right: true),
                    padded(Format.fixed(r.bytesPerWorker, 0) ?? "", 9, right: true),
                    String(r.checksum, radix: 16)
                ].joined(separator: " "))
        }
        lines.append("")
        for (label, value) in derived(rows, maxThreads: maxThreads) { lines.append(label + ": " + value) }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func renderJSON(_ rows: [Row], maxThreads: Int, size: Size) -> JSONOut {
        .object([
            "cores": .number(String(ProcessInfo.processInfo.activeProcessorCount)),
            "maxThreads": .number(String(maxThreads)),
            "quick": .bool(size != .full),
            "size": .string(size.rawValue),
            "shardKernel": .string(ShardKernel.selected.rawValue),
            "rows": .array(
                rows.map { r in
                    .object([
                        "workload": .string(r.workload), "threads": .number(String(r.threads)), "workers": .number(String(r.workers)),
                        "workerDays": .number(String(r.workerDays)), "accidents": .number(String(r.accidents)),
                        "wallSeconds": JSONOut.fixed(r.seconds, 3), "workerDaysPerSecond": JSONOut.fixed(r.workerDaysPerSecond, 0),
                        "claimsPerSecond": JSONOut.fixed(r.claimsPerSecond, 1), "peakResidentBytes": .number(String(r.peakBytes)),
                        "bytesPerWorker": JSONOut.fixed(r.bytesPerWorker, 1), "checksum": .string(String(r.checksum, radix: 16))
                    ])
                }),
            "derived": .object(Dictionary(uniqueKeysWithValues: derived(rows, maxThreads: maxThreads).map { ($0.0, JSONOut.string($0.1)) }))
        ])
    }
}
