import Foundation

/// Staging folders to remove if the process is interrupted (see ``InterruptGuard``).
package final class StagingCleanup: @unchecked Sendable {
    // Safe: `paths`, `current` and `interrupted` are only touched while holding `lock`.
    package static let shared = StagingCleanup()
    private let lock = NSLock()
    private var paths = Set<String>()
    private var current: Checkpoint?
    private var interrupted = false

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

    /// Removes every registered staging folder.
    package func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        interrupted = true
        for path in paths { _ = POSIXFiles.removeTree(path) }
        paths.removeAll()
    }
}
