import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An output folder that cannot be claimed or written.
package struct OutputError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String
    /// The folder holds something that cannot be used (a damaged checkpoint file): exit 65, not 73.
    package var dataError = false

    package init(path: String, reason: String, dataError: Bool = false) {
        self.path = path
        self.reason = reason
        self.dataError = dataError
    }
    package var description: String { "cannot write results to \(path): \(reason)" }
}

/// A results folder, claimed before a simulation and replaced all at once after it.
///
/// `claim` checks — before any simulating — that the folder may be replaced (see
/// ``FolderOwnership``), sweeps staging folders left by earlier runs that were killed, and
/// creates this run's staging folder beside the target (registered for clean-up *before* it
/// exists). `commit` writes the files into the staging folder, flushes them, checks ownership
/// again and swaps the staging folder with the target in one atomic rename, so at every moment
/// the target holds either the complete previous results or the complete new ones.
package final class OutputFolder: @unchecked Sendable {
    // Safe: the stored properties are constants; the file system is the only shared state.
    /// The path as the user gave it (for messages).
    package let path: String
    /// The folder that is replaced: `path` made absolute, with a symbolic link at its end followed.
    package let target: URL
    /// This run's hidden staging folder beside the target.
    package let staging: URL
    /// Notes about leftovers swept while claiming (for the console).
    package private(set) var notes: [String] = []

    private init(path: String, target: URL, staging: URL) {
        self.path = path
        self.target = target
        self.staging = staging
    }

    /// Claims `directory` for this process, or throws saying why it may not be replaced.
    package static func claim(_ directory: String) throws(OutputError) -> OutputFolder {
        guard !directory.isEmpty else { throw OutputError(path: "''", reason: "the results folder path is empty") }
        guard !directory.contains("\0") else { throw OutputError(path: directory, reason: "the path contains a NUL character") }
        let target = try resolve(directory)
        guard target.path != "/" else { throw OutputError(path: directory, reason: "it is the root folder") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        if contains(target.path, cwd) {
            throw OutputError(path: directory, reason: "it is the current folder or contains it (\(target.path))")
        }
        let parent = target.deletingLastPathComponent()
        // Leftovers first: a swap killed between its renames left the previous results aside.
        let notes = sweepLeftovers(in: parent, name: target.lastPathComponent, target: target)
        if case .foreign(let reason) = try ownership(of: target) { throw OutputError(path: directory, reason: reason) }
        try POSIXFiles.makeDirectories(parent.path, for: directory)
        let pid = getpid()
        let staging = parent.appendingPathComponent(stagingName(target.lastPathComponent, kind: "tmp", pid: pid))
        let folder = OutputFolder(path: directory, target: target, staging: staging)
        folder.notes = notes
        _ = POSIXFiles.removeTree(staging.path)
        do throws(FileSystemError) {
            try StagingCleanup.shared.makeRegisteredDirectory(staging.path)
        } catch {
            StagingCleanup.shared.unregister(staging.path)
            throw OutputError(path: directory, reason: "cannot create the staging folder \(staging.path): \(error.words)")
        }
        return folder
    }

    /// Writes `files` and replaces the target with them in one step.
    package func commit(_ files: [(name: String, text: String)]) throws(OutputError) {
        try commit(bytes: files.map { ($0.name, Array($0.text.utf8)) })
    }

    /// Writes `files` (raw bytes, such as a part's replications) and replaces the target with them in one step.
    package func commit(bytes files: [(name: String, bytes: [UInt8])]) throws(OutputError) {
        do throws(FileSystemError) {
            for file in files {
                try POSIXFiles.writeFile(staging.appendingPathComponent(file.name).path, file.bytes)
            }
            try POSIXFiles.syncDirectory(staging.path)
        } catch {
            abandon()
            throw OutputError(path: path, reason: "writing the staging folder \(staging.path) failed: \(error.words)")
        }
        // The simulation may have taken hours: check again that nothing foreign moved in.
        let now: FolderOwnership
        do throws(OutputError) { now = try Self.ownership(of: target) } catch { abandon(); throw error }
        if case .foreign(let reason) = now {
            abandon()
            throw OutputError(path: path, reason: reason + " (it changed while the simulation ran)")
        }
        TestSeams.reach(.beforeSwap)
        do throws(FileSystemError) {
            if now == .absent {
                try POSIXFiles.rename(staging.path, target.path)
                TestSeams.reach(.afterSwap)
            } else if try POSIXFiles.exchange(staging.path, target.path) {
                // Atomic swap: the old results end up at the staging path and are removed.
                TestSeams.reach(.afterSwap)
                _ = POSIXFiles.removeTree(staging.path)
            } else {
                try StagingCleanup.shared.swapByRenaming(staging: staging.path, target: target.path)
                TestSeams.reach(.afterSwap)
            }
        } catch {
            abandon()
            let aside = staging.path + ".swap"
            let previous =
                FileManager.default.fileExists(atPath: aside)
                ? "the previous results are in \(aside) and the next command into this folder puts them back"
                : "the previous results are untouched"
            throw OutputError(path: path, reason: "moving the new results into place failed: \(error.words); \(previous)")
        }
        StagingCleanup.shared.unregister(staging.path)
        // The results are complete in place; a failed flush of the folder's entry only risks a power cut.
        try? POSIXFiles.syncDirectory(target.deletingLastPathComponent().path)
    }

    /// Removes the staging folder without touching the target.
    package func abandon() {
        _ = POSIXFiles.removeTree(staging.path)
        StagingCleanup.shared.unregister(staging.path)
    }

    /// The absolute target, with a symbolic link at the end followed (consistently: the link's
    /// folder is judged, written and swapped, and the link itself stays).
    static func resolve(_ directory: String) throws(OutputError) -> URL {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        // Resolve links in the parent path so the staging folder sits on the same file system.
        let parent = url.deletingLastPathComponent().resolvingSymlinksInPath()
        url = parent.appendingPathComponent(url.lastPathComponent)
        var info = stat()
        if lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = realpath(url.path, nil) else {
                throw OutputError(path: directory, reason: "it is a symbolic link to a missing folder")
            }
            defer { free(real) }
            url = URL(fileURLWithPath: String(cString: real)).standardizedFileURL
        }
        return url
    }

    /// True when `folder` is `path` or one of its ancestors.
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == path || folder == "/" || path.hasPrefix(folder + "/")
    }

    /// What is at `target` now.
    static func ownership(of target: URL) throws(OutputError) -> FolderOwnership {
        var info = stat()
        guard lstat(target.path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .absent }
            if code == ENOTDIR { throw OutputError(path: target.path, reason: "a part of the path is a file, not a folder") }
            throw OutputError(path: target.path, reason: FileSystemError(code: code, operation: "looking at the folder").words)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return .foreign("a file (not a folder) is in the way")
        }
        let entries: [String]
        do throws(FileSystemError) { entries = try POSIXFiles.entries(target.path) } catch {
            throw OutputError(path: target.path, reason: error.words)
        }
        let manifest =
            entries.contains("manifest.json") ? FileManager.default.contents(atPath: target.appendingPathComponent("manifest.json").path) : nil
        return FolderOwnership.judge(entries: entries, manifest: manifest.map { [UInt8]($0) })
    }

    /// `.NAME.KIND-PID`, the hidden sibling used while writing.
    static func stagingName(_ name: String, kind: String, pid: Int32) -> String { "." + name + "." + kind + "-\(pid)" }

    /// Removes staging folders of `name` left by processes that no longer run, and puts back a
    /// previous-results folder that an interrupted older build left hidden when the target is missing.
    static func sweepLeftovers(in parent: URL, name: String, target: URL) -> [String] {
        guard let entries = try? POSIXFiles.entries(parent.path) else { return [] }
        var notes: [String] = []
        for entry in entries.sorted() {
            // `.NAME.tmp-PID.swap`: a fallback swap killed between its renames; the previous results.
            let swapPrefix = "." + name + ".tmp-"
            if entry.hasPrefix(swapPrefix), entry.hasSuffix(".swap"),
                let pid = Int32(entry.dropFirst(swapPrefix.count).dropLast(".swap".count)), pid > 0,
                kill(pid, 0) != 0 && errno == ESRCH
            {
                let leftover = parent.appendingPathComponent(entry).path
                if (try? ownership(of: target)) == .absent, (try? POSIXFiles.rename(leftover, target.path)) != nil {
                    notes.append("restored the previous results from \(leftover), left by a run killed while replacing them (process \(pid))")
                } else if POSIXFiles.removeTree(leftover) {
                    notes.append("removed \(leftover), the previous results replaced by a run that was killed (process \(pid))")
                }
                continue
            }
            for kind in ["tmp", "old", "ckpt"] {
                let prefix = "." + name + "." + kind + "-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0 else { continue }
                guard kill(pid, 0) != 0 && errno == ESRCH else { continue }  // still running: not ours to touch
                let leftover = parent.appendingPathComponent(entry).path
                if kind == "old", (try? ownership(of: target)) == .absent, (try? POSIXFiles.rename(leftover, target.path)) != nil {
                    notes.append("restored the previous results of an interrupted run from \(leftover)")
                } else if POSIXFiles.removeTree(leftover) {
                    notes.append("removed \(leftover), left by an interrupted run (process \(pid))")
                }
            }
        }
        return notes
    }
}
