import Foundation
import Testing

@testable import InjurySimEngine

/// The executor outlives its caller's reference while a worker is still returning from a job
/// (issue 20: a sweep aborted with "Attempted to read an unowned reference … already destroyed").
@Suite struct ThreadPoolLifetimeTests {
    /// Holds one worker inside the after-job hook the first time it is called.
    final class Gate: @unchecked Sendable {
        // Safe: `held` is only touched while holding `lock`; the semaphores are thread-safe.
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var held = false

        func hook() {
            lock.lock()
            let first = !held
            held = true
            lock.unlock()
            guard first else { return }
            entered.signal()
            release.wait()
        }
    }

    final class WeakBox: @unchecked Sendable {
        weak var executor: ThreadPoolExecutor?
    }

    @Test func aWorkerStillReturningFromAJobKeepsTheExecutorAlive() async throws {
        let gate = Gate()
        let box = WeakBox()
        do {
            let executor = ThreadPoolExecutor(threadCount: 1, afterJob: { gate.hook() })
            box.executor = executor
            let value = await withTaskExecutorPreference(executor) { 6 * 7 }
            #expect(value == 42)
            // The worker has run the job that handed the value back and is held before it
            // returns to the queue; the caller shuts down and lets go, as MonteCarloRunner does.
            gate.entered.wait()
            executor.shutdown()
        }
        #expect(box.executor != nil, "a worker is still inside the executor's loop, so the executor must be alive")
        gate.release.signal()
        // After shutdown the worker leaves its loop and the executor is freed (no cycle, no leak).
        let deadline = Date().addingTimeInterval(20)
        while box.executor != nil && Date() < deadline { try await Task.sleep(nanoseconds: 5_000_000) }
        #expect(box.executor == nil, "the executor is freed once its workers have left")
    }

    @Test func manyShortLivedPoolsRunTheirWorkAndEnd() async {
        // The pattern that crashed: a pool per call, its last job waking the caller, which drops it.
        for round in 0..<200 {
            let executor = ThreadPoolExecutor(threadCount: 2)
            let sum = await withTaskExecutorPreference(executor) {
                await withTaskGroup(of: Int.self) { group in
                    for i in 0..<4 { group.addTask { i + round } }
                    return await group.reduce(0, +)
                }
            }
            executor.shutdown()
            #expect(sum == 6 + 4 * round)
        }
    }
}
