/// One task's share of a study's replications: shard K of N holds the replications r with
/// r mod N = K − 1 (K counted from 1). Pure: the same text and environment give the same share.
///
/// `--shard auto/N` takes K − 1 from the scheduler's task index: `SLURM_ARRAY_TASK_ID` (Slurm
/// array jobs) or `JOB_COMPLETION_INDEX` (Kubernetes Indexed Jobs), both counted from 0.
package struct ShardSelection: Sendable, Equatable, CustomStringConvertible {
    /// K, from 1.
    package let index: Int
    /// N, at least 1.
    package let count: Int

    /// The largest N accepted (a shard per replication at most makes sense; this bounds typos).
    package static let maximumCount = 100_000
    /// The environment variables `auto` reads, in order.
    package static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"]

    /// A bad `--shard` value, in words naming the value and what is allowed.
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    package init(index: Int, count: Int) throws(Problem) {
        guard (1...Self.maximumCount).contains(count) else {
            throw Problem(message: "--shard K/N: N must be a whole number from 1 to \(Self.maximumCount), got \(count)")
        }
        guard (1...count).contains(index) else {
            throw Problem(message: "--shard K/N: K must be from 1 to N = \(count), got \(index)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` or `auto/N`; `auto` reads the first of ``indexVariables`` set in `environment`.
    package init(parsing text: String, environment: [String: String]) throws(Problem) {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2 else {
            throw Problem(message: "--shard must be K/N (K from 1 to N) or auto/N, got '\(text)'")
        }
        guard let count = Int(pieces[1]) else {
            throw Problem(message: "--shard K/N: N must be a whole number from 1 to \(Self.maximumCount), got '\(pieces[1])' in '\(text)'")
        }
        if pieces[0] == "auto" {
            guard let variable = Self.indexVariables.first(where: { environment[$0] != nil }), let raw = environment[variable] else {
                throw Problem(
                    message: "--shard auto/\(count): neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; "
                        + "use it inside a Slurm array job or a Kubernetes Indexed Job, or give K/N")
            }
            guard let task = Int(raw), task >= 0, task < count else {
                throw Problem(
                    message: "--shard auto/\(count): \(variable)=\(raw) is not a task index from 0 to \(count - 1) "
                        + "(submit the array as 0-\(count - 1), one task per shard)")
            }
            try self.init(index: task + 1, count: count)
        } else {
            guard let index = Int(pieces[0]) else {
                throw Problem(message: "--shard K/N: K must be a whole number from 1 to N or 'auto', got '\(pieces[0])' in '\(text)'")
            }
            try self.init(index: index, count: count)
        }
    }

    /// The replications of a study of `total` replications this shard runs, ascending.
    package func replications(of total: Int) -> [Int] {
        Array(stride(from: index - 1, to: max(0, total), by: count))
    }

    /// The shard (K, from 1) that holds replication `replication` when there are `count` shards.
    package static func owner(of replication: Int, count: Int) -> Int { replication % count + 1 }

    /// "K/N".
    package var description: String { "\(index)/\(count)" }
}
