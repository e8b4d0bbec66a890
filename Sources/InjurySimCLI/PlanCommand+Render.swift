import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput

/// `plan`'s printout: a table for people, or JSON (`--json`) for a driver script.
extension PlanCommand {
    static func mib(_ bytes: Double) -> String { "\(ClusterShape.mebibytes(bytes)) MiB" }

    static func duration(_ seconds: Double) -> String {
        seconds < 120
            ? (Format.fixed(seconds, 1) ?? "") + " s"
            : seconds < 7200 ? (Format.fixed(seconds / 60, 1) ?? "") + " min" : (Format.fixed(seconds / 3600, 2) ?? "") + " h"
    }

    /// The sbatch lines of the plan, one array each (`OFFSET` tells run-array.sbatch the array's first task).
    static func submissions(_ plan: StudyPlan, scenario: String) -> [String] {
        plan.arrays.map { array in
            "SHARDS=\(plan.tasks)" + (array.firstTask > 0 ? " OFFSET=\(array.firstTask)" : "") + " sbatch --array=0-\(array.count - 1) "
                + "--cpus-per-task=\(plan.cpusPerTask) --mem=\(ClusterShape.slurmMemory(bytes: plan.memRequest)) "
                + "--time=\(ClusterShape.slurmTime(seconds: plan.timeRequest)) cluster/slurm/run-array.sbatch \(scenario) …"
        }
    }

    static func text(_ plan: StudyPlan, scenario: Scenario, measured: Measured, options: PlanOptions) -> String {
        let request = plan.request
        let shape = request.shape
        func sample(_ fraction: Double, _ sample: ReplicationCost.Sample) -> String {
            "fraction \(Format.short(fraction)) (\(sample.slots) slots): \(Format.fixed(sample.cpuSeconds, 2) ?? "") CPU-s, \(mib(sample.peakBytes)) peak"
        }
        let rows: [(String, String)] = [
            ("tasks", "\(plan.tasks) (shards 1/\(plan.tasks) … \(plan.tasks)/\(plan.tasks))"),
            (
                "replications per task",
                "\(plan.replicationsPerTask)" + (request.replications % plan.tasks == 0 ? "" : " or \(plan.replicationsPerTask - 1)")
            ),
            ("--cpus-per-task", "\(plan.cpusPerTask)"),
            ("--mem", ClusterShape.slurmMemory(bytes: plan.memRequest) + " (predicted peak \(mib(plan.taskBytes)) × \(StudyPlan.memoryMargin))"),
            (
                "--time",
                ClusterShape.slurmTime(seconds: plan.timeRequest) + " (predicted \(duration(plan.taskWallSeconds)) × \(StudyPlan.timeFactor) + "
                    + "\(StudyPlan.timeAdded / 60) min, at most the limit)"
            ),
            ("core-hours", Format.fixed(plan.coreHours, 2) ?? ""),
            ("node-hours", (Format.fixed(plan.nodeHours, 2) ?? "") + " (predicted wall time × each task's share of a node)"),
            ("arrays", "\(plan.arrays.count) (MaxArraySize \(shape.maxArraySize))"),
            (
                "part size",
                "\(ResourceEstimate.describe(bytes: Double(plan.largestPartBytes))) per task at most, \(ResourceEstimate.describe(bytes: Double(plan.totalPartBytes))) in all"
            ),
            (
                "merge",
                "--mem=\(ClusterShape.slurmMemory(bytes: plan.mergeMemRequest)) --time=\(ClusterShape.slurmTime(seconds: plan.mergeTimeRequest)) "
                    + "--cpus-per-task=1 (predicted \(mib(plan.mergeBytes)), \(duration(plan.mergeSeconds)) CPU)"
            )
        ]
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        var out =
            "Plan for \(scenario.name): \(request.replications) replications at sample fraction \(Format.short(scenario.sampleFraction)), "
            + "\(request.slots) worker slots each\n"
            + "Cluster: \(shape.coresPerNode) cores and \(mib(shape.memoryPerNode)) per node, wall-clock limit "
            + "\(ClusterShape.slurmTime(seconds: shape.wallLimit)), task time at most \(ClusterShape.slurmTime(seconds: min(request.taskSeconds, shape.wallLimit)))\n"
            + "Measured per replication (\(measured.replications.low) and \(measured.replications.high) replications, 1 thread): "
            + sample(measured.fractions.low, measured.low) + "; " + sample(measured.fractions.high, measured.high) + "\n"
            + "Measured merges of those parts: \(Format.fixed(measured.merges.low.cpuSeconds, 2) ?? "") and "
            + "\(Format.fixed(measured.merges.high.cpuSeconds, 2) ?? "") CPU-s, \(mib(measured.merges.low.peakBytes)) and \(mib(measured.merges.high.peakBytes)) peak\n"
            + "Per replication at fraction \(Format.short(scenario.sampleFraction)), predicted: \(Format.fixed(plan.secondsPerReplication, 2) ?? "") CPU-s, "
            + "\(mib(plan.bytesPerReplication)) peak with one in flight; \(request.replicationBytes) bytes in a part\n\n"
        for (name, value) in rows { out += name + String(repeating: " ", count: width - name.count) + value + "\n" }
        out += "\nSubmit (cluster/slurm/run-array.sbatch; add the study's run options after the scenario):\n"
        for line in submissions(plan, scenario: options.study.files[0]) { out += "  " + line + "\n" }
        return out
    }

    static func json(_ plan: StudyPlan, scenario: Scenario, measured: Measured, options: PlanOptions) -> String {
        let request = plan.request
        func int(_ value: Int) -> JSONOut { .number(String(value)) }
        func sample(_ fraction: Double, _ sample: ReplicationCost.Sample, _ count: Int, _ merge: PlanMeasurement) -> JSONOut {
            .object([
                "sampleFraction": .number(Format.short(fraction)), "slots": int(sample.slots), "replications": int(count),
                "cpuSecondsPerReplication": .fixed(sample.cpuSeconds, 3), "peakBytesOneInFlight": int(Int(sample.peakBytes)),
                "mergeCpuSeconds": .fixed(merge.cpuSeconds, 3), "mergePeakBytes": int(Int(merge.peakBytes))
            ])
        }
        let object: [String: JSONOut] = [
            "scenario": .string(scenario.name),
            "replications": int(request.replications),
            "sampleFraction": .number(Format.short(scenario.sampleFraction)),
            "slotsPerReplication": int(request.slots),
            "cluster": .object([
                "coresPerNode": int(request.shape.coresPerNode),
                "memoryPerNode": .string(ClusterShape.slurmMemory(bytes: request.shape.memoryPerNode)),
                "maxArraySize": int(request.shape.maxArraySize), "wallLimit": .string(ClusterShape.slurmTime(seconds: request.shape.wallLimit)),
                "taskTime": .string(ClusterShape.slurmTime(seconds: min(request.taskSeconds, request.shape.wallLimit)))
            ]),
            "measured": .object([
                "low": sample(measured.fractions.low, measured.low, measured.replications.low, measured.merges.low),
                "high": sample(measured.fractions.high, measured.high, measured.replications.high, measured.merges.high)
            ]),
            "predicted": .object([
                "cpuSecondsPerReplication": .fixed(plan.secondsPerReplication, 3), "peakBytesPerReplication": int(Int(plan.bytesPerReplication)),
                "taskPeakBytes": int(Int(plan.taskBytes)), "taskWallSeconds": .fixed(plan.taskWallSeconds, 1)
            ]),
            "tasks": int(plan.tasks),
            "replicationsPerTask": int(plan.replicationsPerTask),
            "cpusPerTask": int(plan.cpusPerTask),
            "mem": .string(ClusterShape.slurmMemory(bytes: plan.memRequest)),
            "time": .string(ClusterShape.slurmTime(seconds: plan.timeRequest)),
            "coreHours": .fixed(plan.coreHours, 2),
            "nodeHours": .fixed(plan.nodeHours, 2),
            "arrays": .array(plan.arrays.map { .object(["offset": int($0.firstTask), "count": int($0.count)]) }),
            "partBytes": .object([
                "replication": int(request.replicationBytes), "largestPart": int(plan.largestPartBytes), "total": int(plan.totalPartBytes)
            ]),
            "merge": .object([
                "mem": .string(ClusterShape.slurmMemory(bytes: plan.mergeMemRequest)),
                "time": .string(ClusterShape.slurmTime(seconds: plan.mergeTimeRequest)),
                "cpusPerTask": int(1), "predictedBytes": int(Int(plan.mergeBytes)), "predictedCpuSeconds": .fixed(plan.mergeSeconds, 1)
            ])
        ]
        return JSONOut.object(object).rendered()
    }
}
