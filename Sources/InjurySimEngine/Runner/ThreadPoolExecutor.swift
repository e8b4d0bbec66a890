import Foundation

/// A task executor backed by a fixed number of threads, so `--threads T` really means T.
///
/// Tasks started under `withTaskExecutorPreference(pool)` (and their children, and the default
/// actors they call) run their jobs here. Results never depend on the thread count: every draw
/// is keyed by entity and results are merged in index order.
package final class ThreadPoolExecutor: TaskExecutor, @unchecked Sendable {
    // Safe because `jobs`, `head` and `stopping` are only touched while holding `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false
    private var threads: [Thread] = []

    /// Starts `threadCount` worker threads.
    package init(threadCount: Int) {
        precondition(threadCount >= 1, "need at least one thread")
        for index in 0..<threadCount {
            let thread = Thread { [unowned self] in self.workLoop() }
            thread.name = "injurysim-\(index)"
            thread.stackSize = 8 << 20
            threads.append(thread)
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
        }
    }
}
