import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What an interrupt must tidy before the process exits (see the CLI's `InterruptGuard`):
/// staging folders to remove, a two-rename swap to finish or undo, and the command's checkpoint.
package final class StagingCleanup: @unchecked Sendable {
    // Safe: `paths`, `current`, `swap` and `interrupted` are only touched while holding `lock`.
    package static let shared = StagingCleanup()
    private let lock = NSLock()
    private var paths = Set<String>()
    private var current: Checkpoint?
    private var interrupted = false
    /// A fallback swap between its two renames: the previous results moved `aside` from `target`.
    private var swap: (aside: String, target: String)?

    /// The running command's checkpoint, reported (or removed when empty) on interrupt.
    package var checkpoint: Checkpoint? {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }

    func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }

    /// Registers `path` and creates it as a folder in one step under the lock, so an interrupt
    /// either finds it registered and removes it, or comes first and it is never created.
    func makeRegisteredDirectory(_ path: String) throws(FileSystemError) {
        lock.lock()
        defer { lock.unlock() }
        guard !interrupted else { throw FileSystemError(code: EINTR, operation: "creating \(path)") }
        paths.insert(path)
        try POSIXFiles.makeDirectory(path)
    }
    func unregister(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Replaces `target` with `staging` by two renames where the file system cannot exchange
    /// them atomically. Each rename runs under the lock the interrupt handler takes, and the
    /// handler puts the previous results back if it comes between them, so an interrupt leaves
    /// the complete previous or the complete new results, never neither. A kill between them
    /// leaves the previous results at `staging.swap`, which the next command's claim restores
    /// (``OutputFolder/sweepLeftovers(in:name:target:)``).
    func swapByRenaming(staging: String, target: String) throws(FileSystemError) {
        let aside = staging + ".swap"
        do {
            lock.lock()
            defer { lock.unlock() }
            guard !interrupted else { throw FileSystemError(code: EINTR, operation: "replacing \(target)") }
            _ = POSIXFiles.removeTree(aside)
            try POSIXFiles.rename(target, aside)
            swap = (aside, target)
        }
        TestSeams.reach(.swapBetweenRenames)
        do {
            lock.lock()
            defer { lock.unlock() }
            // An interrupt in between has already put the previous results back.
            guard swap != nil else { throw FileSystemError(code: EINTR, operation: "replacing \(target)") }
            swap = nil
            do throws(FileSystemError) {
                try POSIXFiles.rename(staging, target)
            } catch {
                // Put the previous results back; if even that fails, the next command's claim does.
                try? POSIXFiles.rename(aside, target)
                throw error
            }
        }
        _ = POSIXFiles.removeTree(aside)
    }

    /// Puts back the previous results of a swap caught between its renames, then removes every
    /// registered staging folder; later staging folders and swaps are refused.
    package func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        interrupted = true
        if let (aside, target) = swap {
            // Should this fail, the previous results stay at `aside` for the next claim to restore.
            _ = try? POSIXFiles.rename(aside, target)
            swap = nil
        }
        for path in paths { _ = POSIXFiles.removeTree(path) }
        paths.removeAll()
    }
}
