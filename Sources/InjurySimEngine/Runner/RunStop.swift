import Foundation

/// Where a command's runs leave the error that stopped them, so that layers between the command
/// and ``MonteCarloRunner`` (the policy searches, sweeps, sensitivity runs) need not pass it on:
/// set for the duration of a command with `RunStop.$current.withValue(RunStop()) { … }`, like
/// ``ReplicationStores``. Once it holds an error, every later run of the command returns at once
/// with empty results, and the command reports the error instead of any results.
package final class RunStop: @unchecked Sendable {
    @TaskLocal package static var current: RunStop?

    private let lock = NSLock()
    private var stored: EngineError?

    package init() {}

    /// The error that stopped the command's runs, if any (the first recorded).
    package var error: EngineError? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Records `error` unless one is already recorded.
    package func record(_ error: EngineError) {
        lock.lock()
        defer { lock.unlock() }
        if stored == nil { stored = error }
    }
}
