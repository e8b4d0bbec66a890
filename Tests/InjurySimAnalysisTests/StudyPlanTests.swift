import InjurySimAnalysis
import Testing

/// The plan's rule: threads per task from the node (fewer when memory needs), as many waves of
/// one replication per thread as fit the task time with its margin, the replications spread
/// evenly over the fewest tasks, arrays cut at MaxArraySize, requests with their margins.
/// Expected figures are worked by hand from that rule.
@Suite struct StudyPlanTests {
    static let mebibyte = 1_048_576.0
    static let gibibyte = 1024 * mebibyte

    /// A replication of 60 CPU seconds and 1 GiB (all per slot, 1000 slots), a 32-core 256 GiB
    /// node with a day's limit, tasks of at most an hour; parts of 1,000,000 bytes a replication.
    static func request(
        replications: Int = 2000, seconds: Double = 60, bytes: Double = gibibyte, cores: Int = 32, memory: Double = 256 * gibibyte,
        maxArraySize: Int = 1001, wallLimit: Int = 86_400, cpusPerTask: Int? = nil, tasks: Int? = nil, taskSeconds: Int = 3600,
        replicationBytes: Int = 0
    ) -> StudyPlan.Request {
        StudyPlan.Request(
            replications: replications, slots: 1000,
            cost: ReplicationCost(fixedSeconds: 0, secondsPerSlot: seconds / 1000, fixedBytes: 0, bytesPerSlot: bytes / 1000),
            shape: ClusterShape(coresPerNode: cores, memoryPerNode: memory, maxArraySize: maxArraySize, wallLimit: wallLimit),
            cpusPerTask: cpusPerTask, tasks: tasks, taskSeconds: taskSeconds, replicationBytes: replicationBytes, partFixedBytes: 15_000,
            mergeFixedSeconds: 1, mergeSecondsPerReplication: 0.03, mergeFixedBytes: 30 * mebibyte, mergeBytesPerReplication: Double(replicationBytes)
        )
    }

    @Test func aWholeNodeTaskRunsTheWavesThatFitTheTaskTime() throws {
        // Budget 3600 − 300 s; a wave 60 × 1.5 = 90 s: 36 waves × 32 threads = 1152 a task, so
        // 2 tasks of 1000; 1000 / 32 → 32 waves of 60 s = 1920 s.
        let plan = try StudyPlan(Self.request())
        #expect(plan.cpusPerTask == 32)
        #expect(plan.tasks == 2)
        #expect(plan.replicationsPerTask == 1000)
        #expect(plan.taskWallSeconds == 1920)
        #expect(plan.timeRequest == 2880 + 300)
        #expect(plan.taskBytes == 32 * Self.gibibyte)
        #expect(plan.memRequest == 40 * Self.gibibyte)
        #expect(abs(plan.coreHours - 2000 * 60 / 3600.0) < 1e-9)
        // Whole nodes (32 of 32 cores): 2 tasks × 1920 s.
        #expect(abs(plan.nodeHours - 2 * 1920 / 3600.0) < 1e-9)
        #expect(plan.arrays == [StudyPlan.SlurmArray(firstTask: 0, count: 2)])
    }

    @Test func oneThreadTasksHoldTheirWaves() throws {
        // 36 waves of one replication: ceil(2000 / 36) = 56 tasks, ceil(2000 / 56) = 36 each.
        let plan = try StudyPlan(Self.request(cpusPerTask: 1))
        #expect(plan.cpusPerTask == 1)
        #expect(plan.tasks == 56)
        #expect(plan.replicationsPerTask == 36)
        #expect(plan.taskWallSeconds == 36 * 60)
        // A task's share of the node: the larger of 1/32 of the cores and 1.25 GiB of 256 GiB.
        #expect(abs(plan.nodeHours - 56 * 2160 / 3600.0 / 32) < 1e-9)
    }

    @Test func arraysAreCutAtMaxArraySize() throws {
        // 1000 s a replication: a wave 1500 s, 2 waves in 3300 s, so 2500 one-thread tasks.
        let plan = try StudyPlan(Self.request(replications: 5000, seconds: 1000, cpusPerTask: 1))
        #expect(plan.tasks == 2500)
        #expect(
            plan.arrays == [
                StudyPlan.SlurmArray(firstTask: 0, count: 1001), StudyPlan.SlurmArray(firstTask: 1001, count: 1001),
                StudyPlan.SlurmArray(firstTask: 2002, count: 498)
            ])
        #expect(plan.arrays.reduce(0) { $0 + $1.count } == plan.tasks)
    }

    @Test func threadsAreLoweredUntilTheTaskFitsTheNode() throws {
        // 10 GiB a replication on 64 GiB: 5 in flight × 1.25 = 62.5 GiB fits, 6 (75 GiB) does not.
        let plan = try StudyPlan(Self.request(bytes: 10 * Self.gibibyte, memory: 64 * Self.gibibyte))
        #expect(plan.cpusPerTask == 5)
        #expect(plan.memRequest <= 64 * Self.gibibyte)
    }

    @Test func keptReplicationsCountInATasksMemory() throws {
        // 1000 replications a task keep 999 more results of 100 MiB beside the 32 in flight.
        let plan = try StudyPlan(Self.request(replicationBytes: 100 * 1_048_576))
        #expect(plan.taskBytes == 32 * Self.gibibyte + 999 * 100 * Self.mebibyte)
    }

    @Test func theTaskTimeIsCappedAtTheWallLimit() throws {
        // A 30-minute limit: budget 1500 s, 16 waves of 90 s; 16 × 32 = 512 a task, 4 tasks of 500.
        let plan = try StudyPlan(Self.request(wallLimit: 1800))
        #expect(plan.tasks == 4)
        #expect(plan.replicationsPerTask == 500)
        #expect(plan.timeRequest <= 1800)
    }

    @Test func tasksAskedForShareTheReplications() throws {
        // 2000 over 7 tasks: ceil(2000 / 7) = 286 each at most, 32 threads, 9 waves of 60 s.
        let plan = try StudyPlan(Self.request(tasks: 7))
        #expect(plan.tasks == 7 && plan.replicationsPerTask == 286 && plan.cpusPerTask == 32)
        #expect(plan.taskWallSeconds == 9 * 60)
        // Never more tasks than replications.
        #expect(try StudyPlan(Self.request(replications: 3, tasks: 10)).tasks == 3)
    }

    @Test func unevenStudiesDifferByOneReplicationAtMost() throws {
        let plan = try StudyPlan(Self.request(replications: 2001, cpusPerTask: 1))
        // ceil(2001 / 36) = 56 tasks; ceil(2001 / 56) = 36; 56 × 36 ≥ 2001 > 56 × 35.
        #expect(plan.tasks == 56)
        #expect(plan.replicationsPerTask == 36)
        #expect(plan.tasks * plan.replicationsPerTask >= 2001 && plan.tasks * (plan.replicationsPerTask - 1) < 2001)
    }

    @Test func partsAndMergeGrowWithTheReplications() throws {
        let plan = try StudyPlan(Self.request(replicationBytes: 854_320))
        #expect(plan.largestPartBytes == 15_000 + 1000 * (854_320 + 135))
        #expect(plan.totalPartBytes == 2 * 15_000 + 2000 * (854_320 + 135))
        #expect(plan.mergeBytes == 30 * Self.mebibyte + 2000 * 854_320)
        #expect(abs(plan.mergeSeconds - 61) < 1e-9)
        #expect(plan.mergeTimeRequest == 183 + 600)
        #expect(plan.mergeMemRequest >= plan.mergeBytes * 1.25)
    }

    static let refused: [StudyPlan.Request] = [
        request(seconds: 3000),  // 3000 × 1.5 s do not fit 3300 s
        request(bytes: 100 * gibibyte, memory: 64 * gibibyte),  // one replication is larger than a node
        request(bytes: 10 * gibibyte, memory: 64 * gibibyte, cpusPerTask: 8),  // 8 asked, 5 fit
        request(wallLimit: 3600, tasks: 1)  // 63 waves of 90 s pass 3600 − 300 s
    ]

    @Test(arguments: refused)
    func studiesTheClusterCannotRunAreRefused(request: StudyPlan.Request) {
        #expect(throws: StudyPlan.Problem.self) { try StudyPlan(request) }
    }
}
