import Foundation
import InjurySimEngine
import InjurySimScenario

#if canImport(Glibc)
    import Glibc
#endif

/// The finished replications of a command that has not ended yet, kept in a hidden folder
/// beside its results folder (`.NAME.checkpoint`), one file per replication (a
/// ``CheckpointEntry``: length and checksum in front), each written completely before it is
/// named. If the command is interrupted, fails or dies, `--resume` loads them and runs only the
/// rest; the results are byte-identical to an uninterrupted run because every replication is
/// deterministic.
///
/// The folder holds `checkpoint.json` (the command's key, the program version and the owner's
/// process id), `lock` — locked (`flock`) by the live process that owns the checkpoint, so a
/// second command into the same folder is told another run is writing, and a lock that is free
/// means the owner has ended — and, once the owner has ended without finishing, `ended.json`
/// saying how: interrupted by a signal, or stopped by an error. No `ended.json` and a free lock
/// means the process crashed or was killed.
package final class Checkpoint: ReplicationStore, @unchecked Sendable {
    // Safe: `calls`, `lockDescriptor` and `removed` are only touched while holding `lock`; the folder is ours.
    package let folder: URL
    /// Identifies the command and inputs; a checkpoint resumes only the same command.
    package let key: String
    /// What opening found and did, for the console (a stale checkpoint removed, nothing to resume).
    package private(set) var notes: [String] = []
    private let lock = NSLock()
    private var calls = 0
    private var lockDescriptor: Int32
    private var removed = false

    static let headerName = "checkpoint.json"
    static let lockName = "lock"
    static let endedName = "ended.json"
    static let formatVersion = 2
    /// `checkpoint.json` and `ended.json` are a few hundred bytes; anything much larger is not ours.
    static let maxSmallFileBytes = 1 << 20

    /// `.NAME.checkpoint` beside `target`.
    package static func folder(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent("." + target.lastPathComponent + ".checkpoint")
    }

    /// `callC-jobJ.bin`: the result of job J of the C-th runner call of the command.
    static func fileName(call: Int, job: Int) -> String { "call\(call)-job\(job).bin" }

    static func isEntryName(_ name: String) -> Bool {
        guard name.hasPrefix("call"), name.hasSuffix(".bin") else { return false }
        let parts = name.dropFirst(4).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && UInt32(parts[0]) != nil && parts[1].hasPrefix("job") && UInt32(parts[1].dropFirst(3)) != nil
    }

    /// Opens the checkpoint for `target`. Without `resume` it starts an empty one; one left by
    /// an earlier run is refused when it holds finished replications (a forgotten `--resume`
    /// never throws work away) and removed when it holds none. With `resume` it continues the
    /// one there — of the same command and program version, every file intact — or, when there
    /// is none, starts an empty one. A checkpoint whose owner still runs is always refused.
    package static func open(for target: URL, key: String, resume: Bool, userPath: String) throws(OutputError) -> Checkpoint {
        let folder = folder(for: target)
        var notes: [String] = []
        for attempt in 0..<2 {
            if FileManager.default.fileExists(atPath: folder.path) {
                if let checkpoint = try reopen(folder, key: key, resume: resume, userPath: userPath, notes: &notes) {
                    checkpoint.notes = notes
                    return checkpoint
                }
                // An empty checkpoint of an ended run was removed: start afresh.
            } else if resume && attempt == 0 {
                notes.append("--resume: there is no checkpoint to resume (\(folder.path)), so the command runs from the start")
            }
            if let checkpoint = try create(folder, target: target, key: key, userPath: userPath) {
                checkpoint.notes = notes
                return checkpoint
            }
            // Another process created the folder in the meantime: judge it as found.
        }
        throw OutputError(path: userPath, reason: "another injurysim run is creating the checkpoint \(folder.path) at the same moment")
    }

    /// The header of an existing checkpoint.
    package struct Header: Equatable {
        package var key: String
        package var programVersion: String
        package var pid: Int
        package var formatVersion: Int
    }

    /// An existing checkpoint judged and, when it may be resumed, taken over (nil: it was empty
    /// and its owner had ended, so it was removed).
    private static func reopen(_ folder: URL, key: String, resume: Bool, userPath: String, notes: inout [String]) throws(OutputError)
        -> Checkpoint?
    {
        let header: Header
        do throws(FileSystemError) {
            guard let parsed = parseHeader(try POSIXFiles.readFile(folder.appendingPathComponent(headerName).path, maxBytes: maxSmallFileBytes))
            else { throw FileSystemError(code: EINVAL, operation: "reading its header") }
            header = parsed
        } catch {
            throw OutputError(
                path: userPath, reason: "\(folder.path) is in the way and is not an injurysim checkpoint (\(error.words)); move it away")
        }
        // The owner's lock: held means the owner runs now.
        let descriptor = Glibc.open(folder.appendingPathComponent(lockName).path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: userPath, reason: POSIXFiles.fail("opening \(folder.path)/\(lockName)").words)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError(
                path: userPath,
                reason: "another injurysim run (process \(header.pid)) is writing these results now (its checkpoint is \(folder.path)); "
                    + "wait for it to end, or choose another --out")
        }
        let checkpoint = Checkpoint(folder: folder, key: key, lockDescriptor: descriptor)
        let entries: [String]
        do throws(FileSystemError) { entries = try POSIXFiles.entries(folder.path) } catch {
            checkpoint.release()
            throw OutputError(path: userPath, reason: error.words)
        }
        let known: Set<String> = [headerName, lockName, endedName]
        let strangers = entries.filter { !known.contains($0) && !isEntryName($0) && !isPartialName($0) }
        guard strangers.isEmpty else {
            checkpoint.release()
            throw OutputError(
                path: userPath,
                reason: "the checkpoint \(folder.path) holds files injurysim did not write (\(FolderOwnership.listing(strangers))); move them away")
        }
        let kept = entries.filter(isEntryName).count
        let how = endedText(folder)
        if kept == 0 {
            // Nothing finished: nothing to lose, nothing to resume.
            checkpoint.remove()
            notes.append("removed the empty checkpoint \(folder.path) left by a run (process \(header.pid)) that \(how)")
            return nil
        }
        guard resume else {
            checkpoint.release()
            throw OutputError(
                path: userPath,
                reason: "a run (process \(header.pid)) that \(how) left a checkpoint with \(kept) finished replication\(kept == 1 ? "" : "s") "
                    + "(\(folder.path)); add --resume to continue from them, or remove that folder to start again")
        }
        guard header.formatVersion == formatVersion, header.programVersion == ProgramVersion.current else {
            checkpoint.release()
            let made = header.formatVersion == formatVersion ? header.programVersion : "an earlier build (checkpoint format \(header.formatVersion))"
            throw OutputError(
                path: userPath,
                reason: "the checkpoint \(folder.path) was made by \(made), this is \(ProgramVersion.current): resuming would mix "
                    + "replications of two models; resume with the build that made it, or remove the folder to start again")
        }
        guard header.key == key else {
            checkpoint.release()
            throw OutputError(
                path: userPath,
                reason: "the checkpoint \(folder.path) is of another command or scenario (\(header.key)); "
                    + "run that command with --resume, or remove the folder to start again")
        }
        for name in entries.sorted() where isEntryName(name) {
            if case .failure(let problem) = readEntry(folder.appendingPathComponent(name).path) {
                checkpoint.release()
                throw OutputError(
                    path: userPath,
                    reason: "the checkpoint file \(folder.path)/\(name) is damaged: \(problem); remove that file "
                        + "(its replication runs again) or the whole folder, and resume",
                    dataError: true)
            }
        }
        do throws(FileSystemError) {
            for name in entries where isPartialName(name) { POSIXFiles.removeTree(folder.appendingPathComponent(name).path) }
            try checkpoint.writeHeader()
            POSIXFiles.removeTree(folder.appendingPathComponent(endedName).path)
        } catch {
            checkpoint.release()
            throw OutputError(path: userPath, reason: "cannot take over the checkpoint: \(error.words)")
        }
        return checkpoint
    }

    /// A new, empty checkpoint, made complete under a private name and then named, so a kill
    /// never leaves a checkpoint without its header; nil when another process named one first.
    private static func create(_ folder: URL, target: URL, key: String, userPath: String) throws(OutputError) -> Checkpoint? {
        let fresh = target.deletingLastPathComponent().appendingPathComponent(
            OutputFolder.stagingName(target.lastPathComponent, kind: "ckpt", pid: getpid()))
        var descriptor: Int32 = -1
        do throws(FileSystemError) {
            POSIXFiles.removeTree(fresh.path)
            try StagingCleanup.shared.makeRegisteredDirectory(fresh.path)
            try POSIXFiles.writeFile(fresh.appendingPathComponent(headerName).path, Array(headerJSON(key).utf8))
            descriptor = Glibc.open(fresh.appendingPathComponent(lockName).path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw POSIXFiles.fail("locking \(fresh.path)/\(lockName)") }
            do throws(FileSystemError) { try POSIXFiles.rename(fresh.path, folder.path) } catch {
                guard error.code == ENOTEMPTY || error.code == EEXIST else { throw error }
                close(descriptor)
                StagingCleanup.shared.unregister(fresh.path)
                POSIXFiles.removeTree(fresh.path)
                return nil
            }
            StagingCleanup.shared.unregister(fresh.path)
        } catch {
            if descriptor >= 0 { close(descriptor) }
            StagingCleanup.shared.unregister(fresh.path)
            POSIXFiles.removeTree(fresh.path)
            throw OutputError(path: userPath, reason: "cannot create the checkpoint: \(error.words)")
        }
        return Checkpoint(folder: folder, key: key, lockDescriptor: descriptor)
    }

    private init(folder: URL, key: String, lockDescriptor: Int32) {
        self.folder = folder
        self.key = key
        self.lockDescriptor = lockDescriptor
    }

    static func headerJSON(_ key: String) -> String {
        JSONOut.object([
            "generator": .string("injurysim checkpoint"), "formatVersion": .number(String(formatVersion)),
            "programVersion": .string(ProgramVersion.current), "command": .string(key), "pid": .number(String(getpid()))
        ]).rendered()
    }

    /// The header in `bytes`, nil when they are not an injurysim checkpoint's.
    package static func parseHeader(_ bytes: [UInt8]) -> Header? {
        guard let root = try? JSONCParser.parse(bytes), case .object(let members) = root.value else { return nil }
        var generator = "", key: String?, version = "", pid = 0, format = 1
        for member in members {
            switch (member.key, member.value.value) {
            case ("generator", .string(let text)): generator = text
            case ("command", .string(let text)): key = text
            case ("programVersion", .string(let text)): version = text
            case ("pid", .number(let number, _)): pid = Int(exactly: number) ?? 0
            case ("formatVersion", .number(let number, _)): format = Int(exactly: number) ?? 0
            default: break
            }
        }
        guard generator == "injurysim checkpoint", let key else { return nil }
        return Header(key: key, programVersion: version, pid: pid, formatVersion: format)
    }

    /// How the owner of a checkpoint ended, from its `ended.json`.
    static func endedText(_ folder: URL) -> String {
        let path = folder.appendingPathComponent(endedName).path
        guard let bytes = try? POSIXFiles.readFile(path, maxBytes: maxSmallFileBytes),
            let root = try? JSONCParser.parse(bytes), case .object(let members) = root.value,
            case .string(let text)? = members.first(where: { $0.key == "how" })?.value.value
        else { return "ended without finishing (it crashed or was killed)" }
        return text
    }

    static func isPartialName(_ name: String) -> Bool { name.hasSuffix(".bin.part") && isEntryName(String(name.dropLast(5))) }

    /// A checkpoint file read with its size checked first and its checksum verified.
    static func readEntry(_ path: String) -> Result<ReplicationResult, CheckpointEntry.Problem> {
        do throws(FileSystemError) {
            return CheckpointEntry.decode(try POSIXFiles.readFile(path, maxBytes: CheckpointEntry.maxPayloadBytes + CheckpointEntry.headerBytes))
        } catch {
            return .failure(.unreadable(error.words))
        }
    }

    /// Writes this process's header over the one there (taking over a checkpoint to resume it).
    private func writeHeader() throws(FileSystemError) {
        let partial = folder.appendingPathComponent(Self.headerName + ".new").path
        POSIXFiles.removeTree(partial)
        try POSIXFiles.writeFile(partial, Array(Self.headerJSON(key).utf8))
        try POSIXFiles.rename(partial, folder.appendingPathComponent(Self.headerName).path)
    }

    /// Records how the command ended without finishing ("was interrupted by SIGINT", "stopped on
    /// an error: …"), for the next command's message, and lets go of the lock.
    package func markEnded(_ how: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !removed else { return }
        let path = folder.appendingPathComponent(Self.endedName).path
        POSIXFiles.removeTree(path)
        try? POSIXFiles.writeFile(path, Array(JSONOut.object(["how": .string(how)]).rendered().utf8))
    }

    package func beginCall() -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        return calls - 1
    }

    /// The stored result, or nil when there is none or it no longer verifies (the job then runs
    /// again, with the same result).
    package func load(call: Int, job: Int) -> ReplicationResult? {
        let path = folder.appendingPathComponent(Self.fileName(call: call, job: job)).path
        guard FileManager.default.fileExists(atPath: path), case .success(let result) = Self.readEntry(path) else { return nil }
        return result
    }

    package func save(call: Int, job: Int, _ result: ReplicationResult) {
        let name = Self.fileName(call: call, job: job)
        let partial = folder.appendingPathComponent(name + ".part").path
        do throws(FileSystemError) {
            POSIXFiles.removeTree(partial)
            try POSIXFiles.writeFile(partial, CheckpointEntry.encode(result))
            try POSIXFiles.rename(partial, folder.appendingPathComponent(name).path)
            TestSeams.reach(.checkpointSaved)
        } catch {
            // A checkpoint is a convenience: failing to keep one never stops the run.
            POSIXFiles.removeTree(partial)
        }
    }

    /// Replications kept in the folder (from this run and an earlier one).
    package var keptCount: Int {
        ((try? POSIXFiles.entries(folder.path)) ?? []).filter(Self.isEntryName).count
    }

    /// True once ``remove()`` has run.
    package var isRemoved: Bool {
        lock.lock()
        defer { lock.unlock() }
        return removed
    }

    /// Lets go of the lock without touching the folder (a refused or finished-elsewhere checkpoint).
    private func release() {
        lock.lock()
        defer { lock.unlock() }
        if lockDescriptor >= 0 { close(lockDescriptor) }
        lockDescriptor = -1
    }

    /// Removes the checkpoint (after the results are in place, or when nothing was kept). It is
    /// first renamed to a private staging name, so a kill part-way through the removal never leaves
    /// a `.NAME.checkpoint` without its header (which `--resume` would refuse); the next command
    /// sweeps a staging folder whose process is gone.
    package func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard !removed else { return }
        removed = true
        let name = String(folder.lastPathComponent.dropFirst().dropLast(".checkpoint".count))
        let doomed = folder.deletingLastPathComponent().appendingPathComponent(
            OutputFolder.stagingName(name, kind: "ckpt", pid: getpid())
        ).path
        POSIXFiles.removeTree(doomed)
        if (try? POSIXFiles.rename(folder.path, doomed)) != nil {
            POSIXFiles.removeTree(doomed)
        } else {
            POSIXFiles.removeTree(folder.path)
        }
        if lockDescriptor >= 0 { close(lockDescriptor) }
        lockDescriptor = -1
    }
}
