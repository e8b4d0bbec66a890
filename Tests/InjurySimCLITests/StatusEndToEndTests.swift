import Foundation
import Testing

/// `injurysim status` on a real parts folder: a finished part, a task killed part-way (its
/// checkpoint kept) and a task not started, with the replications each holds.
@Suite(.serialized) struct StatusEndToEndTests {
    typealias E2E = EndToEndTests

    @Test func doneKilledAndNotStartedTasksAreTold() throws {
        let parts = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parts) }
        let study = ["run", "Scenarios/smoke.json", "--replications", "40", "--threads", "1", "--quiet"]
        let first = try E2E.run(study + ["--set", "months=3", "--shard", "1/3", "--out", parts.appendingPathComponent("task-0").path])
        // A different --set is another study, but status reads only counts: the first part says 40 in 3 shards.
        #expect(first.code == 0, "\(first.stderr)")
        // Task 1 killed once its checkpoint keeps a replication.
        let process = Process()
        process.executableURL = try E2E.binary
        process.arguments = study + ["--shard", "2/3", "--out", parts.appendingPathComponent("task-1").path]
        process.currentDirectoryURL = E2E.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        let checkpoint = parts.appendingPathComponent(".task-1.checkpoint")
        var kept = 0
        for _ in 0..<600 where kept == 0 {
            kept = ((try? FileManager.default.contentsOfDirectory(atPath: checkpoint.path)) ?? []).filter { $0.hasSuffix(".bin") }.count
            if kept == 0 { usleep(50_000) }
        }
        let running = try E2E.run(["status", parts.path])
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(kept > 0, "task 1 kept no replication before it was killed")
        #expect(running.stdout.contains("task-1 (shard 2/3):") && running.stdout.contains("running"), "\(running.stdout)")
        let status = try E2E.run(["status", parts.path])
        #expect(status.code == 0, "\(status.stderr)")
        // 40 replications in 3 shards: 14, 13, 13.
        #expect(status.stdout.contains("of 13 replications, stopped: ended without finishing (it crashed or was killed)"), "\(status.stdout)")
        #expect(status.stdout.contains("task-2 (shard 3/3): 0 of 13 replications, not started"), "\(status.stdout)")
        #expect(status.stdout.contains("1 of 3 tasks done"), "\(status.stdout)")
        #expect(status.stdout.contains("time left unknown"), "\(status.stdout)")
    }

    @Test func aPathThatIsNotAFolderIsRefused() throws {
        let outcome = try E2E.run(["status", "Scenarios/smoke.json"])
        #expect(outcome.code == 64 && outcome.stderr.contains("is not a folder that can be read"), "\(outcome.stderr)")
    }
}
