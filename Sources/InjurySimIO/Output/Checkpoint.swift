import Foundation
import InjurySimEngine

#if canImport(Glibc)
    import Glibc
#endif

/// The finished replications of a command that has not ended yet, kept in a hidden folder
/// beside its results folder (`.NAME.checkpoint`), one file per replication, each written
/// completely before it is named. If the command is interrupted — by a signal or by a kill —
/// `--resume` loads them and runs only the rest; the results are byte-identical to an
/// uninterrupted run because every replication is deterministic.
package final class Checkpoint: ReplicationStore, @unchecked Sendable {
    // Safe: `calls` and `saved` are only touched while holding `lock`; the folder is ours.
    package let folder: URL
    /// Identifies the command and inputs; a checkpoint resumes only the same command.
    package let key: String
    private let lock = NSLock()
    private var calls = 0
    private var saved = 0

    static let headerName = "checkpoint.json"
    static let formatVersion = 1

    /// `.NAME.checkpoint` beside `target`.
    package static func folder(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent("." + target.lastPathComponent + ".checkpoint")
    }

    /// Opens the checkpoint for `target`: resumes an existing one when `resume` is set (it must
    /// be of the same command), starts an empty one otherwise (an existing one is refused, so a
    /// forgotten `--resume` never throws finished work away).
    package static func open(for target: URL, key: String, resume: Bool, userPath: String) throws(OutputError) -> Checkpoint {
        let folder = folder(for: target)
        let header = folder.appendingPathComponent(headerName)
        let exists = FileManager.default.fileExists(atPath: folder.path)
        if exists {
            guard let data = FileManager.default.contents(atPath: header.path), let found = headerKey(data) else {
                throw OutputError(path: userPath, reason: "\(folder.path) is in the way and is not an injurysim checkpoint; move it away")
            }
            guard resume else {
                throw OutputError(
                    path: userPath,
                    reason: "an interrupted run left a checkpoint (\(folder.path)); add --resume to continue it, "
                        + "or remove that folder to start again")
            }
            guard found == key else {
                throw OutputError(
                    path: userPath,
                    reason: "the checkpoint \(folder.path) is of another command or scenario (\(found)); "
                        + "run that command with --resume, or remove the folder to start again")
            }
            return Checkpoint(folder: folder, key: key)
        }
        if resume {
            throw OutputError(path: userPath, reason: "--resume: there is no checkpoint to resume (\(folder.path) does not exist)")
        }
        // Made complete under a private name, then named: a kill never leaves a checkpoint without its header.
        let fresh = target.deletingLastPathComponent().appendingPathComponent(
            OutputFolder.stagingName(target.lastPathComponent, kind: "ckpt", pid: getpid()))
        do throws(FileSystemError) {
            POSIXFiles.removeTree(fresh.path)
            try StagingCleanup.shared.makeRegisteredDirectory(fresh.path)
            try POSIXFiles.writeFile(fresh.appendingPathComponent(headerName).path, Array(headerJSON(key).utf8))
            try POSIXFiles.rename(fresh.path, folder.path)
            StagingCleanup.shared.unregister(fresh.path)
        } catch {
            StagingCleanup.shared.unregister(fresh.path)
            POSIXFiles.removeTree(fresh.path)
            throw OutputError(path: userPath, reason: "cannot create the checkpoint: \(error.words)")
        }
        return Checkpoint(folder: folder, key: key)
    }

    private init(folder: URL, key: String) {
        self.folder = folder
        self.key = key
    }

    static func headerJSON(_ key: String) -> String {
        JSONOut.object([
            "generator": .string("injurysim checkpoint"), "formatVersion": .number(String(formatVersion)),
            "command": .string(key)
        ]).rendered()
    }

    static func headerKey(_ data: Data) -> String? {
        guard let root = try? JSONCParser.parse([UInt8](data)), case .object(let members) = root.value else { return nil }
        var generator = "", key: String?
        for member in members {
            if case .string(let text) = member.value.value {
                if member.key == "generator" { generator = text }
                if member.key == "command" { key = text }
            }
        }
        return generator == "injurysim checkpoint" ? key : nil
    }

    func fileName(call: Int, job: Int) -> String { "call\(call)-job\(job).bin" }

    package func beginCall() -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        return calls - 1
    }

    package func load(call: Int, job: Int) -> ReplicationResult? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName(call: call, job: job)).path) else { return nil }
        return ReplicationResult(encoded: [UInt8](data))
    }

    package func save(call: Int, job: Int, _ result: ReplicationResult) {
        let name = fileName(call: call, job: job)
        let partial = folder.appendingPathComponent(name + ".part").path
        do throws(FileSystemError) {
            POSIXFiles.removeTree(partial)
            try POSIXFiles.writeFile(partial, result.encoded())
            try POSIXFiles.rename(partial, folder.appendingPathComponent(name).path)
            lock.lock()
            saved += 1
            lock.unlock()
        } catch {
            // A checkpoint is a convenience: failing to keep one never stops the run.
            POSIXFiles.removeTree(partial)
        }
    }

    /// Replications kept in the folder (from this run and an earlier one).
    package var keptCount: Int {
        ((try? POSIXFiles.entries(folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.count
    }

    /// Removes the checkpoint (after the results are in place, or when nothing was kept). It is
    /// first renamed to a private staging name, so a kill part-way through the removal never leaves
    /// a `.NAME.checkpoint` without its header (which `--resume` would refuse); the next command
    /// sweeps a staging folder whose process is gone.
    package func remove() {
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
    }
}
