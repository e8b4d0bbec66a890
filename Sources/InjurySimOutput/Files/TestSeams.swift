import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Seams for the fault-injection and interrupt tests, read once from the environment. Unset
/// (every real run), they cost one dictionary lookup at start-up and change nothing.
///
/// - `INJURYSIM_TEST_FAIL=op:N[,op:N…]` makes the N-th call (from 1, counted over the process) of
///   a file-system operation fail as the system would: `mkdir`, `write`, `fsync` and `rename` with
///   EIO (`write` with ENOSPC), `renameat2` with EINVAL (so the two-rename fallback swap runs).
///   `op:*` fails every call of that operation.
/// - `INJURYSIM_TEST_STOP_AT=point[:N]` with `INJURYSIM_TEST_STOP_FILE=PATH`: on reaching the
///   named point (the N-th time, default the first) the process writes the point's name to PATH
///   and waits there until a signal ends it, so a test can interrupt or kill it at exactly that
///   step — no sleeps, no polling of progress.
package enum TestSeams {
    /// The named points a test can stop at, in the order a command reaches them.
    package enum Point: String, CaseIterable, Sendable {
        /// The results folder and the checkpoint are claimed; nothing is simulated yet.
        case claimed
        /// A replication's checkpoint file was named (once per replication kept).
        case checkpointSaved = "checkpoint-saved"
        /// The staging folder is complete and flushed; the target is not touched yet.
        case beforeSwap = "before-swap"
        /// The fallback swap has moved the previous results aside and not yet moved the new ones in.
        case swapBetweenRenames = "swap-between-renames"
        /// The new results are in place; the previous ones not yet removed.
        case afterSwap = "after-swap"
    }

    private static let environment = ProcessInfo.processInfo.environment
    private static let failures: [String: Int] = {
        var plan: [String: Int] = [:]
        for item in (environment["INJURYSIM_TEST_FAIL"] ?? "").split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 2 else { continue }
            plan[String(parts[0])] = parts[1] == "*" ? 0 : Int(parts[1]) ?? -1
        }
        return plan
    }()
    private static let stop: (point: String, count: Int, file: String)? = {
        guard let text = environment["INJURYSIM_TEST_STOP_AT"], let file = environment["INJURYSIM_TEST_STOP_FILE"] else { return nil }
        let parts = text.split(separator: ":")
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1, file)
    }()
    nonisolated(unsafe) private static var calls: [String: Int] = [:]
    private static let lock = NSLock()

    /// Counts a call of `operation`; true when the plan says this call fails.
    static func fails(_ operation: String) -> Bool {
        guard !failures.isEmpty, let nth = failures[operation] else { return false }
        lock.lock()
        defer { lock.unlock() }
        calls[operation, default: 0] += 1
        return nth == 0 || calls[operation] == nth
    }

    /// Stops here when a test asked for this point (see the type's notes).
    package static func reach(_ point: Point) {
        guard let stop, stop.point == point.rawValue else { return }
        lock.lock()
        calls["stop:" + point.rawValue, default: 0] += 1
        let count = calls["stop:" + point.rawValue]!
        lock.unlock()
        guard count == stop.count else { return }
        let fd = open(stop.file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd >= 0 {
            let text = Array((point.rawValue + "\n").utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }
        while true { sleep(1000) }
    }
}
