import Foundation

/// A task executor backed by a fixed number of threads, so `--threads T` really means T.
///
/// Tasks started under `withTaskExecutorPreference(pool)` (and their children, and the default
/// actors they call) run their jobs here. Results never depend on the thread count: every draw
/// is keyed by entity and results are merged in index order.
///
/// Lifetime: each worker thread holds the executor strongly until it leaves its loop. The job
/// that finishes a command's last task wakes the caller, which may call ``shutdown()`` and drop
/// its reference while that worker is still returning from the job; the worker then goes back
/// to the queue's lock, so the executor must outlive every worker (with `unowned` captures it did
/// not: "Attempted to read an unowned reference but object … was already destroyed", issue 20).
/// The executor keeps no references to its threads, so there is no cycle: it is freed when the
/// caller has let go and the last worker has left after ``shutdown()``.
package final class ThreadPoolExecutor: TaskExecutor, @unchecked Sendable {
    // Safe because `jobs`, `head` and `stopping` are only touched while holding `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false
    /// Called by a worker after each job returns, before it takes the queue's lock again (tests:
    /// a hook that holds a worker there shows the executor outlives its caller's reference).
    private let afterJob: (@Sendable () -> Void)?

    /// Starts `threadCount` worker threads.
    package init(threadCount: Int, afterJob: (@Sendable () -> Void)? = nil) {
        precondition(threadCount >= 1, "need at least one thread")
        self.afterJob = afterJob
        for index in 0..<threadCount {
            // Strong: the worker keeps the executor alive until it has left `workLoop`.
            let thread = Thread { self.workLoop() }
            thread.name = "injurysim-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish once the queue is empty. Call when no more work will come.
    package func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func workLoop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 4096 {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
            afterJob?()
        }
    }
}
