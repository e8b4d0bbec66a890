import Foundation
import InjurySimAnalysis
import InjurySimFormat
import InjurySimOutput

/// `injurysim status PARTS…`: a sharded study's progress from its parts folders — tasks done
/// (`task-i/manifest.json`), under way or stopped (`.task-i.checkpoint`), not started — with the
/// replications done and the time left (``StudyProgress``). Reads; writes nothing.
struct StatusCommand: Command {
    static let name = CommandName.status
    var folders: [String]

    init(_ parsed: ParsedArguments) throws(UsageError) { folders = parsed.operands }

    func run(console: Console) -> Int32 {
        var tasks: [StudyProgress.Task] = []
        var replications: Int?
        var shards: Int?
        let now = Date()
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
                let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
            else {
                console.err(
                    "injurysim status: \(folder) is not a folder that can be read (give the parts folder: the one holding task-0, task-1, …)\n")
                return ExitCode.usage
            }
            for name in names.sorted() {
                let path = (folder as NSString).appendingPathComponent(name)
                if name.hasPrefix("task-"), let index = Int(name.dropFirst(5)),
                    let bytes = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent("manifest.json")),
                    bytes.count <= PartManifest.maximumBytes, let manifest = try? PartManifest(parsing: [UInt8](bytes), part: path)
                {
                    replications = manifest.replications
                    shards = manifest.shard.count
                    tasks.append(StudyProgress.Task(index: index, state: .done, kept: manifest.replicationsHeld.count))
                } else if name.hasPrefix(".task-"), name.hasSuffix(".checkpoint"), let index = Int(name.dropFirst(6).dropLast(11)) {
                    let (task, key) = Self.checkpointTask(index: index, path: path, now: now)
                    for word in key.split(separator: " ") {
                        if word.hasPrefix("replications="), replications == nil { replications = Int(word.dropFirst(13)) }
                        if word.hasPrefix("shard="), shards == nil, let count = word.split(separator: "/").last { shards = Int(count) }
                    }
                    tasks.append(task)
                }
            }
        }
        // A part written replaces its checkpoint; a checkpoint beside a part is one being removed.
        var byIndex: [Int: StudyProgress.Task] = [:]
        for task in tasks where byIndex[task.index]?.state != .done { byIndex[task.index] = task }
        let progress = StudyProgress(replications: replications, shards: shards, tasks: Array(byIndex.values))
        guard !progress.tasks.isEmpty else {
            console.out("no part (task-i) and no checkpoint (.task-i.checkpoint) in \(folders.joined(separator: ", ")): no task has started\n")
            return ExitCode.success
        }
        console.out(Self.text(progress))
        return ExitCode.success
    }

    /// A task from its checkpoint folder, and the checkpoint's key (which names the shard).
    static func checkpointTask(index: Int, path: String, now: Date) -> (StudyProgress.Task, String) {
        let manager = FileManager.default
        let header = (path as NSString).appendingPathComponent("checkpoint.json")
        let key = manager.contents(atPath: header).flatMap { Checkpoint.parseHeader([UInt8]($0)) }?.key ?? ""
        let started = (try? manager.attributesOfItem(atPath: header))?[.modificationDate] as? Date
        var kept = 0
        var keptThisRun = 0
        for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix("call") && name.hasSuffix(".bin") {
            kept += 1
            let written = (try? manager.attributesOfItem(atPath: (path as NSString).appendingPathComponent(name)))?[.modificationDate] as? Date
            if let written, let started, written >= started { keptThisRun += 1 }
        }
        let state: StudyProgress.State
        if isLocked((path as NSString).appendingPathComponent("lock")) {
            state = .running
        } else if let data = manager.contents(atPath: (path as NSString).appendingPathComponent("ended.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let how = object["how"] as? String
        {
            state = .stopped(how)
        } else {
            state = .stopped("ended without finishing (it crashed or was killed)")
        }
        let elapsed = started.map { now.timeIntervalSince($0) }
        return (StudyProgress.Task(index: index, state: state, kept: kept, elapsed: elapsed, keptThisRun: keptThisRun), key)
    }

    /// Whether the checkpoint's owner holds its lock: a shared lock is tried and let go at once.
    static func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    static func text(_ progress: StudyProgress) -> String {
        var out = ""
        for task in progress.tasks where task.state != .done {
            let held = progress.held(task.index).map { " of \($0)" } ?? ""
            let what: String
            switch task.state {
            case .done: what = "done"
            case .running: what = "running"
            case .stopped(let how): what = "stopped: \(how)"
            case .notStarted: what = "not started"
            }
            out +=
                "task-\(task.index) (shard \(task.index + 1)\(progress.shards.map { "/\($0)" } ?? "")): \(task.kept)\(held) replications, \(what)\n"
        }
        let total = progress.replications.map { " of \($0)" } ?? ""
        let share = progress.replications.map { $0 > 0 ? " (" + Format.percent(Double(progress.done) / Double($0)) + ")" : "" } ?? ""
        out +=
            "\(progress.tasksDone) of \(progress.shards.map(String.init) ?? "?") tasks done, \(progress.done)\(total) replications\(share); "
        if progress.tasksDone == progress.tasks.count && progress.shards != nil {
            out += "all done: merge the parts\n"
        } else if let seconds = progress.secondsLeft {
            out +=
                "about \(seconds < 120 ? "\(Int(seconds.rounded(.up))) s" : "\(Int((seconds / 60).rounded(.up))) min") left at the running tasks' rates\n"
        } else {
            out += "time left unknown (a task is not running or has finished no replication yet)\n"
        }
        return out
    }
}
