/// How far a sharded study has got, from what its parts folder holds: each task done (its part
/// is written), under way or stopped (its checkpoint keeps some replications), or not started;
/// the replications done and, when every unfinished task is under way, the time left. A pure
/// rule over what `injurysim status` read from the folder.
package struct StudyProgress: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        case done
        /// Its process still runs (the checkpoint's owner is alive).
        case running
        /// Its process ended without finishing: how, as the checkpoint recorded it.
        case stopped(String)
        case notStarted
    }

    /// One task (shard `index + 1`).
    package struct Task: Sendable, Equatable {
        package var index: Int
        package var state: State
        /// Replications finished: those its part holds, or those its checkpoint keeps.
        package var kept: Int
        /// Seconds since the task's process started, and the replications it finished in them
        /// (a resumed task's earlier ones are not counted); nil when unknown.
        package var elapsed: Double?
        package var keptThisRun: Int

        package init(index: Int, state: State, kept: Int, elapsed: Double? = nil, keptThisRun: Int = 0) {
            self.index = index
            self.state = state
            self.kept = kept
            self.elapsed = elapsed
            self.keptThisRun = keptThisRun
        }
    }

    /// The study's replications and shards, when a part or a checkpoint says them.
    package var replications: Int?
    package var shards: Int?
    /// Every task in index order: those given, and the ones of 0..<shards not given as not started.
    package var tasks: [Task]

    package init(replications: Int?, shards: Int?, tasks given: [Task]) {
        self.replications = replications
        self.shards = shards
        var byIndex: [Int: Task] = [:]
        for task in given { byIndex[task.index] = task }
        for index in 0..<(shards ?? 0) where byIndex[index] == nil { byIndex[index] = Task(index: index, state: .notStarted, kept: 0) }
        tasks = byIndex.keys.sorted().compactMap { byIndex[$0] }
    }

    /// The replications task `index` holds (r mod N = index), when the study's size is known.
    package func held(_ index: Int) -> Int? {
        guard let replications, let shards, shards > 0 else { return nil }
        return replications / shards + (index < replications % shards ? 1 : 0)
    }

    package var done: Int { tasks.reduce(0) { $0 + $1.kept } }
    package var tasksDone: Int { tasks.filter { $0.state == .done }.count }

    /// Seconds until the last unfinished task ends at its own rate so far; nil when a task is
    /// not under way (it waits for the scheduler or a resubmission) or has no rate yet.
    package var secondsLeft: Double? {
        var longest = 0.0
        for task in tasks where task.state != .done {
            guard task.state == .running, let held = held(task.index), let elapsed = task.elapsed, elapsed > 0, task.keptThisRun > 0
            else { return nil }
            longest = max(longest, Double(held - task.kept) * elapsed / Double(task.keptThisRun))
        }
        return longest
    }
}
