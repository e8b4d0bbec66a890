/// How to run a study of `replications` replications on a cluster of a given shape: tasks,
/// replications and resources per task, the Slurm arrays (split at MaxArraySize), part sizes
/// and the merge's resources, from a measured ``ReplicationCost``. A pure rule: the same
/// request gives the same plan.
///
/// The rule: `--cpus-per-task` is the whole node (or the value asked for), lowered until the
/// task's memory request fits the node; a task runs `waves × cpus` replications, as many waves
/// (one replication per thread each) as fit the target task time with the time margin; the
/// replications are then spread evenly over the fewest tasks that hold them (with `tasks` asked
/// for, over those, refused when a task would not fit the wall-clock limit). Requests carry
/// margins over the prediction: memory × 1.25, time × 1.5 + 5 minutes (capped at the wall limit);
/// the merge's time × 3 + 10 minutes, as it reads every part from a shared file system.
package struct StudyPlan: Sendable, Equatable {
    package struct Request: Sendable, Equatable {
        package var replications: Int
        /// Simulated worker slots of one replication at the study's sample fraction.
        package var slots: Int
        package var cost: ReplicationCost
        package var shape: ClusterShape
        /// Threads per task asked for; nil: the rule chooses.
        package var cpusPerTask: Int?
        /// Tasks asked for (at most one per replication); nil: the rule chooses from the task time.
        package var tasks: Int?
        /// The wall time a task should take, at most (seconds; capped at the wall limit).
        package var taskSeconds: Int
        /// Bytes of one replication's file in a part (also what a process keeps per replication).
        package var replicationBytes: Int
        /// A part's bytes besides its replications: scenario.json and manifest.json's fixed part.
        package var partFixedBytes: Int
        /// The merge's CPU seconds and peak bytes: a fixed part and a part per replication merged.
        package var mergeFixedSeconds: Double
        package var mergeSecondsPerReplication: Double
        package var mergeFixedBytes: Double
        package var mergeBytesPerReplication: Double

        package init(
            replications: Int, slots: Int, cost: ReplicationCost, shape: ClusterShape, cpusPerTask: Int? = nil, tasks: Int? = nil,
            taskSeconds: Int = 3600,
            replicationBytes: Int, partFixedBytes: Int, mergeFixedSeconds: Double, mergeSecondsPerReplication: Double, mergeFixedBytes: Double,
            mergeBytesPerReplication: Double
        ) {
            self.replications = replications
            self.slots = slots
            self.cost = cost
            self.shape = shape
            self.cpusPerTask = cpusPerTask
            self.tasks = tasks
            self.taskSeconds = taskSeconds
            self.replicationBytes = replicationBytes
            self.partFixedBytes = partFixedBytes
            self.mergeFixedSeconds = mergeFixedSeconds
            self.mergeSecondsPerReplication = mergeSecondsPerReplication
            self.mergeFixedBytes = mergeFixedBytes
            self.mergeBytesPerReplication = mergeBytesPerReplication
        }
    }

    /// A study the cluster cannot run as asked, said in a sentence with what to change.
    package struct Problem: Error, Equatable {
        package var message: String

        package init(message: String) { self.message = message }
    }

    /// One Slurm array: tasks `firstTask ..< firstTask + count` (0-based), submitted as
    /// `--array=0-(count−1)` with the offset `firstTask`.
    package struct SlurmArray: Sendable, Equatable {
        package var firstTask: Int
        package var count: Int

        package init(firstTask: Int, count: Int) {
            self.firstTask = firstTask
            self.count = count
        }
    }

    package var request: Request
    package var tasks: Int
    /// The most replications a task holds (tasks hold this many or one fewer).
    package var replicationsPerTask: Int
    package var cpusPerTask: Int
    /// Predicted CPU seconds and peak bytes (one in flight) of one replication.
    package var secondsPerReplication: Double
    package var bytesPerReplication: Double
    /// Predicted peak bytes and wall seconds of the largest task, and what to request.
    package var taskBytes: Double
    package var taskWallSeconds: Double
    package var memRequest: Double
    package var timeRequest: Int
    package var coreHours: Double
    /// Node-hours the tasks occupy, predicted: each task's wall time × its share of a node (the
    /// larger of its cores' and its memory's share).
    package var nodeHours: Double
    package var arrays: [SlurmArray]
    package var largestPartBytes: Int
    package var totalPartBytes: Int
    package var mergeBytes: Double
    package var mergeSeconds: Double
    package var mergeMemRequest: Double
    package var mergeTimeRequest: Int

    /// Memory margin over the predicted peak, and the time margin (factor, then seconds added).
    package static let memoryMargin = 1.25
    package static let timeFactor = 1.5
    package static let timeAdded = 300
    /// Bytes a part's manifest takes per replication (one file entry; measured 27,728 bytes for 200).
    package static let manifestBytesPerReplication = 135

    package init(_ request: Request) throws(Problem) {
        self.request = request
        let shape = request.shape
        let seconds = request.cost.seconds(slots: request.slots)
        let budget = min(request.taskSeconds, shape.wallLimit) - Self.timeAdded
        let wave = seconds * Self.timeFactor
        guard Double(budget) >= wave else {
            throw Problem(
                message: "one replication takes about \(Int(seconds.rounded(.up))) CPU seconds; with the margin (× \(Self.timeFactor) + "
                    + "\(Self.timeAdded) s) it does not fit the task time of \(min(request.taskSeconds, shape.wallLimit)) s — raise --task-time "
                    + "or --time-limit, or lower --sample-fraction")
        }
        let waves = max(1, Int((Double(budget) / wave).rounded(.down)))
        let largest = min(request.cpusPerTask ?? shape.coresPerNode, request.replications)
        var chosen: (cpus: Int, tasks: Int, perTask: Int, bytes: Double)?
        for cpus in stride(from: largest, through: 1, by: -1) {
            let tasks = request.tasks.map { min($0, request.replications) } ?? (request.replications + waves * cpus - 1) / (waves * cpus)
            let perTask = (request.replications + tasks - 1) / tasks
            let bytes =
                request.cost.bytes(slots: request.slots, inFlight: min(cpus, perTask))
                + Double(perTask - 1) * Double(request.replicationBytes)
            if bytes * Self.memoryMargin <= shape.memoryPerNode {
                chosen = (cpus, tasks, perTask, bytes)
                break
            }
            if request.cpusPerTask != nil { break }
        }
        guard let chosen else {
            let one = request.cost.bytes(slots: request.slots)
            throw Problem(
                message: "a task of \(request.cpusPerTask.map { "\($0) CPUs" } ?? "one CPU") needs more than the "
                    + "\(ClusterShape.mebibytes(shape.memoryPerNode)) MiB of a node (one replication in flight: about "
                    + "\(ClusterShape.mebibytes(one)) MiB, with the × \(Self.memoryMargin) margin) — lower --cpus-per-task or --sample-fraction")
        }
        let taskWaves = (chosen.perTask + chosen.cpus - 1) / chosen.cpus
        if request.tasks != nil && Double(taskWaves) * wave > Double(shape.wallLimit - Self.timeAdded) {
            throw Problem(
                message: "\(chosen.tasks) tasks of \(chosen.perTask) replications on \(chosen.cpus) CPUs take about "
                    + "\(Int((Double(taskWaves) * seconds).rounded(.up))) s each; with the margin that passes the wall-clock limit of "
                    + "\(shape.wallLimit) s — ask for more --tasks")
        }
        tasks = chosen.tasks
        replicationsPerTask = chosen.perTask
        cpusPerTask = chosen.cpus
        secondsPerReplication = seconds
        bytesPerReplication = request.cost.bytes(slots: request.slots)
        taskBytes = chosen.bytes
        taskWallSeconds = Double(taskWaves) * seconds
        memRequest = (chosen.bytes * Self.memoryMargin / 1_048_576).rounded(.up) * 1_048_576
        timeRequest = min(shape.wallLimit, Int((taskWallSeconds * Self.timeFactor).rounded(.up)) + Self.timeAdded)
        coreHours = Double(request.replications) * seconds / 3600
        let share = max(Double(chosen.cpus) / Double(shape.coresPerNode), memRequest / shape.memoryPerNode)
        nodeHours = Double(chosen.tasks) * taskWallSeconds / 3600 * min(1, share)
        arrays = stride(from: 0, to: chosen.tasks, by: shape.maxArraySize).map {
            SlurmArray(firstTask: $0, count: min(shape.maxArraySize, chosen.tasks - $0))
        }
        let perReplication = request.replicationBytes + Self.manifestBytesPerReplication
        largestPartBytes = request.partFixedBytes + chosen.perTask * perReplication
        totalPartBytes = chosen.tasks * request.partFixedBytes + request.replications * perReplication
        mergeBytes = request.mergeFixedBytes + Double(request.replications) * request.mergeBytesPerReplication
        mergeSeconds = request.mergeFixedSeconds + request.mergeSecondsPerReplication * Double(request.replications)
        mergeMemRequest = (mergeBytes * Self.memoryMargin / 1_048_576).rounded(.up) * 1_048_576
        mergeTimeRequest = min(shape.wallLimit, Int((mergeSeconds * 3).rounded(.up)) + 600)
    }
}
