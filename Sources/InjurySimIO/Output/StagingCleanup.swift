import Foundation

/// Staging folders to remove if the process is interrupted (see ``InterruptGuard``).
package final class StagingCleanup: @unchecked Sendable {
    // Safe: `paths` is only touched while holding `lock`.
    package static let shared = StagingCleanup()
    private let lock = NSLock()
    private var paths = Set<String>()
    private var current: Checkpoint?

    /// The running command's checkpoint, reported (or removed when empty) on interrupt.
    package var checkpoint: Checkpoint? {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }

    func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func unregister(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Removes every registered staging folder.
    package func removeAll() {
        lock.lock()
        let current = paths
        paths.removeAll()
        lock.unlock()
        for path in current { _ = POSIXFiles.removeTree(path) }
    }
}
