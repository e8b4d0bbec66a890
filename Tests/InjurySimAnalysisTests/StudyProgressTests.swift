import InjurySimAnalysis
import Testing

/// A study's progress: every shard counted (not started when nothing of it is there), the
/// replications each holds by r mod N, and the time left only when every unfinished task runs.
@Suite struct StudyProgressTests {
    typealias Task = StudyProgress.Task

    @Test func tasksNotSeenAreNotStartedAndEachHoldsItsShare() {
        // 10 replications in 3 shards: r mod 3 = 0 holds 0, 3, 6, 9; the others 3 each.
        let progress = StudyProgress(replications: 10, shards: 3, tasks: [Task(index: 1, state: .done, kept: 3)])
        #expect(progress.tasks.map(\.index) == [0, 1, 2])
        #expect(progress.tasks.map(\.state) == [.notStarted, .done, .notStarted])
        #expect([0, 1, 2].map { progress.held($0) } == [4, 3, 3])
        #expect(progress.done == 3 && progress.tasksDone == 1)
        #expect(progress.secondsLeft == nil)
    }

    @Test(arguments: [
        // (tasks, seconds left): 12 replications in 2 shards, 6 each.
        ([Task(index: 0, state: .done, kept: 6), Task(index: 1, state: .running, kept: 2, elapsed: 100, keptThisRun: 2)], 200.0),
        // A resumed task's rate counts only this run's replications: 1 in 50 s, 3 left.
        ([Task(index: 0, state: .running, kept: 3, elapsed: 50, keptThisRun: 1), Task(index: 1, state: .done, kept: 6)], 150.0),
        // The slower of two running tasks sets the time.
        (
            [
                Task(index: 0, state: .running, kept: 3, elapsed: 30, keptThisRun: 3),
                Task(index: 1, state: .running, kept: 1, elapsed: 30, keptThisRun: 1)
            ],
            150.0
        )
    ])
    func timeLeftIsTheSlowestRunningTasksAtItsOwnRate(tasks: [Task], seconds: Double) {
        let progress = StudyProgress(replications: 12, shards: 2, tasks: tasks)
        #expect(progress.secondsLeft == seconds)
    }

    @Test(arguments: [
        Task(index: 1, state: .stopped("was interrupted by SIGTERM"), kept: 2),  // waits for a resubmission
        Task(index: 1, state: .running, kept: 0, elapsed: 10, keptThisRun: 0)  // no rate yet
    ])
    func noTimeLeftWhileATaskWaitsOrHasNoRate(task: Task) {
        let progress = StudyProgress(replications: 12, shards: 2, tasks: [Task(index: 0, state: .done, kept: 6), task])
        #expect(progress.secondsLeft == nil)
    }

    @Test func anUnknownStudySizeHoldsNoShares() {
        let progress = StudyProgress(replications: nil, shards: nil, tasks: [Task(index: 4, state: .running, kept: 2, elapsed: 5, keptThisRun: 2)])
        #expect(progress.tasks.count == 1 && progress.held(4) == nil && progress.secondsLeft == nil)
    }
}
