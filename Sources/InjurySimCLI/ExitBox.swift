import Foundation

/// The exit code handed from the detached task to the waiting thread.
final class ExitBox: @unchecked Sendable {
    // Safe: written once before the semaphore is signalled, read after it is waited on; the lock
    // makes the hand-over explicit.
    private let lock = NSLock()
    private var code: Int32 = 0

    func set(_ value: Int32) { lock.lock(); code = value; lock.unlock() }
    var value: Int32 { lock.lock(); defer { lock.unlock() }; return code }
}
