import Foundation
import Testing

/// Faults at every step of writing results and checkpoints, driven by the binary's test seams
/// (`INJURYSIM_TEST_FAIL`, `INJURYSIM_TEST_STOP_AT`; see `TestSeams`): whatever fails or
/// whenever the process dies, the results folder holds the complete previous or the complete
/// new results (or, after a kill between the two renames of the fallback swap, nothing until
/// the next command puts the previous ones back), and the next command ends the job cleanly.
@Suite(.serialized) struct FaultInjectionTests {
    /// Small and quick (0.2 s in a debug build): three replications of a three-month smoke at 1% of its workers.
    static let arguments = [
        "run", "Scenarios/smoke.json", "--replications", "3", "--threads", "1", "--quiet", "--no-report",
        "--set", "months=3", "--set", "minimumSampledWorkersPerPool=0", "--sample-fraction", "0.01"
    ]

    struct Fixture {
        var dir: URL
        var target: URL
        var reference: [String: Data]
        var previous: [String: Data]
        var checkpoint: URL { dir.appendingPathComponent(".target.checkpoint") }
    }

    static func fixture() throws -> Fixture {
        let dir = EndToEndTests.temporaryDirectory()
        let reference = dir.appendingPathComponent("reference")
        let previous = dir.appendingPathComponent("previous")
        #expect(try EndToEndTests.run(Self.arguments + ["--out", reference.path]).code == 0)
        #expect(try EndToEndTests.run(Self.arguments + ["--out", previous.path, "--seed", "99"]).code == 0)
        let fixture = Fixture(
            dir: dir, target: dir.appendingPathComponent("target"), reference: InterruptTests.contents(reference),
            previous: InterruptTests.contents(previous))
        try? FileManager.default.removeItem(at: reference)
        try? FileManager.default.removeItem(at: previous)
        #expect(fixture.reference.count == 7 && fixture.previous.count == 7 && fixture.reference != fixture.previous)
        return fixture
    }

    /// Starts the binary with ``arguments`` and `extra` and returns once it waits at `point` (the N-th time it gets there).
    static func startStopped(_ extra: [String], at point: String, environment: [String: String] = [:], in dir: URL) throws -> Process {
        try startStopped(command: arguments + extra, at: point, environment: environment, in: dir)
    }

    /// Starts the binary with `command` and returns once it waits at `point`.
    static func startStopped(command: [String], at point: String, environment: [String: String] = [:], in dir: URL) throws -> Process {
        let stopFile = dir.appendingPathComponent("stopped-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = try EndToEndTests.binary
        process.arguments = command
        process.currentDirectoryURL = EndToEndTests.root
        var env = ProcessInfo.processInfo.environment
        env["INJURYSIM_TEST_STOP_AT"] = point
        env["INJURYSIM_TEST_STOP_FILE"] = stopFile.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The process writes the file when it gets there; it cannot get past the point.
        let deadline = Date().addingTimeInterval(300)
        while !FileManager.default.fileExists(atPath: stopFile.path) && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(FileManager.default.fileExists(atPath: stopFile.path), "the run never reached \(point)")
        try? FileManager.default.removeItem(at: stopFile)
        return process
    }

    /// Hidden leftovers beside the target other than the checkpoint.
    static func leftovers(_ fixture: Fixture) -> [String] {
        InterruptTests.siblings(fixture.target).filter { $0.hasPrefix(".target.") && $0 != ".target.checkpoint" }
    }

    /// The next command (resuming when a checkpoint is there) ends with the new results and nothing left over.
    static func finish(_ fixture: Fixture, _ label: String) throws {
        let resume = FileManager.default.fileExists(atPath: fixture.checkpoint.path)
        let outcome = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path] + (resume ? ["--resume"] : []))
        #expect(outcome.code == 0, "\(label): the next command failed: \(outcome.stderr)")
        #expect(InterruptTests.contents(fixture.target) == fixture.reference, "\(label): the next command's results differ")
        #expect(InterruptTests.siblings(fixture.target) == ["target"], "\(label): leftovers \(InterruptTests.siblings(fixture.target))")
    }

    /// A kill or an interrupt at each named step, with the atomic exchange and with the fallback swap.
    @Test(arguments: [SIGKILL, SIGINT])
    func aSignalAtEveryStepLeavesOldOrNewResultsAndTheNextCommandFinishes(signal: Int32) throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        let steps: [(point: String, fallback: Bool)] = [
            ("checkpoint-saved:1", false), ("checkpoint-saved:3", false), ("before-swap", false), ("after-swap", false),
            ("before-swap", true), ("swap-between-renames", true), ("after-swap", true)
        ]
        for (point, fallback) in steps {
            let label = "\(signal == SIGKILL ? "SIGKILL" : "SIGINT") at \(point)\(fallback ? " (fallback swap)" : "")"
            try InterruptTests.copy(fixture.previous, to: fixture.target)
            let process = try Self.startStopped(
                ["--out", fixture.target.path], at: point, environment: fallback ? ["INJURYSIM_TEST_FAIL": "renameat2:*"] : [:],
                in: fixture.dir)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let now = InterruptTests.contents(fixture.target)
            if signal == SIGINT {
                #expect(process.terminationStatus == 130, "\(label): status \(process.terminationStatus)")
                // The handler removes staging folders and, between the renames, puts the previous results back.
                #expect(now == fixture.previous || now == fixture.reference, "\(label): \(now.keys.sorted())")
                #expect(Self.leftovers(fixture).isEmpty, "\(label): leftovers \(Self.leftovers(fixture))")
            } else if point == "swap-between-renames" {
                // Killed with the previous results moved aside: the next claim restores them.
                #expect(now.isEmpty, "\(label): \(now.keys.sorted())")
                let aside = try #require(Self.leftovers(fixture).first { $0.hasSuffix(".swap") }, "\(label): \(Self.leftovers(fixture))")
                #expect(InterruptTests.contents(fixture.dir.appendingPathComponent(aside)) == fixture.previous)
                let report = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path, "--resume"])
                #expect(report.stderr.contains("restored the previous results"), "\(label): \(report.stderr)")
            } else {
                #expect(now == fixture.previous || now == fixture.reference, "\(label): \(now.keys.sorted())")
            }
            try Self.finish(fixture, label)
        }
    }

    /// Each file-system call the writer makes fails in turn (the N-th mkdir, write, fsync, rename;
    /// renames also with the fallback swap): the command fails with a clear message or succeeds,
    /// the folder holds the previous or the new results, and the next command finishes the job.
    @Test func aFailingCallAtEveryStepLeavesOldOrNewResultsAndTheNextCommandFinishes() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        var plans: [String] = []
        for call in 1...3 { plans.append("mkdir:\(call)") }
        for call in 1...8 { plans += ["write:\(call)", "fsync:\(call)", "rename:\(call)", "renameat2:*,rename:\(call)"] }
        var failed = 0
        for plan in plans {
            try InterruptTests.copy(fixture.previous, to: fixture.target)
            let outcome = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path], environment: ["INJURYSIM_TEST_FAIL": plan])
            let now = InterruptTests.contents(fixture.target)
            #expect(now == fixture.previous || now == fixture.reference, "\(plan): \(now.keys.sorted())")
            if outcome.code != 0 {
                failed += 1
                #expect(outcome.code == 73, "\(plan): exit \(outcome.code): \(outcome.stderr)")
                #expect(outcome.stderr.contains("Input/output error") || outcome.stderr.contains("No space left"), "\(plan): \(outcome.stderr)")
                #expect(now == fixture.previous, "\(plan): a failed command changed the results")
            }
            try Self.finish(fixture, plan)
        }
        // Most planned failures hit a call the results depend on (a checkpoint file that cannot be
        // kept does not stop the run).
        #expect(failed >= 10, "only \(failed) of \(plans.count) planned failures stopped the command")
    }

    /// A failure after some replications were kept says so, and the next plain run is told how
    /// the last one ended (an error, not an interruption) — and --resume continues it.
    @Test func aRunStoppedByAnErrorSaysWhatItKeptAndTheNextRunKnows() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        try InterruptTests.copy(fixture.previous, to: fixture.target)
        // Writes: the checkpoint's header, three replications, then the results' first file.
        let failing = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path], environment: ["INJURYSIM_TEST_FAIL": "write:5"])
        #expect(failing.code == 73)
        #expect(failing.stderr.contains("3 replications that finished are kept in"), "\(failing.stderr)")
        #expect(failing.stderr.contains("No space left on device"), "\(failing.stderr)")
        let plain = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path])
        #expect(plain.code == 73)
        #expect(plain.stderr.contains("stopped on an error") && plain.stderr.contains("3 finished replications"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("interrupted"), "\(plain.stderr)")
        try Self.finish(fixture, "after an error")
    }

    /// A file-size limit (`ulimit -f`) fails a write like a full disk (the process ignores
    /// SIGXFSZ; its worker threads also have it blocked): the command says what its checkpoint
    /// kept, and --resume finishes once the limit is lifted.
    @Test func aFileSizeLimitIsAnErrorNotASilentDeath() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        // python3 (on every machine here) sets the limit and SIGXFSZ's default action — a parent
        // such as the test runner may ignore it, and an ignored signal stays ignored across exec.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.currentDirectoryURL = EndToEndTests.root
        let launcher =
            "import os, resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); "
            + "resource.setrlimit(resource.RLIMIT_FSIZE, (40960, 40960)); os.execv(sys.argv[1], sys.argv[1:])"
        shell.arguments = ["python3", "-c", launcher, try EndToEndTests.binary.path] + Self.arguments + ["--out", fixture.target.path]
        let err = Pipe()
        shell.standardError = err
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationReason == .exit && shell.terminationStatus == 73, "\(shell.terminationStatus): \(text)")
        #expect(text.contains("File too large") && text.contains("3 replications that finished are kept"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: fixture.target.path))
        try Self.finish(fixture, "after ulimit -f")
    }

    /// A crash (the process killed with no chance to say anything) is told apart from an
    /// interruption; a crash that kept nothing leaves nothing in the way.
    @Test func aCrashIsNotCalledAnInterruption() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        let crashed = try Self.startStopped(["--out", fixture.target.path], at: "checkpoint-saved:2", in: fixture.dir)
        kill(crashed.processIdentifier, SIGKILL)
        crashed.waitUntilExit()
        let afterCrash = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path])
        #expect(afterCrash.code == 73)
        #expect(afterCrash.stderr.contains("crashed or was killed") && afterCrash.stderr.contains("2 finished replications"), "\(afterCrash.stderr)")
        let interrupted = try Self.startStopped(["--out", fixture.target.path, "--resume"], at: "checkpoint-saved:1", in: fixture.dir)
        interrupted.interrupt()
        interrupted.waitUntilExit()
        #expect(interrupted.terminationStatus == 130)
        let afterInterrupt = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path])
        #expect(
            afterInterrupt.stderr.contains("was interrupted (SIGINT)") && afterInterrupt.stderr.contains("3 finished replications"),
            "\(afterInterrupt.stderr)")
        try Self.finish(fixture, "after a crash and an interrupt")
        // A crash before any replication finished: nothing to resume, so nothing blocks the next run.
        let early = try Self.startStopped(["--out", fixture.target.path], at: "claimed", in: fixture.dir)
        kill(early.processIdentifier, SIGKILL)
        early.waitUntilExit()
        let next = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path])
        #expect(next.code == 0, "\(next.stderr)")
    }

    /// A second command into a folder that a live run is writing is told so.
    @Test func aLiveRunHoldingTheFolderIsNamed() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.dir) }
        let first = try Self.startStopped(["--out", fixture.target.path], at: "checkpoint-saved:1", in: fixture.dir)
        defer {
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
        }
        for extra in [[], ["--resume"]] {
            let second = try EndToEndTests.run(Self.arguments + ["--out", fixture.target.path] + extra)
            #expect(second.code == 73)
            #expect(
                second.stderr.contains("another injurysim run (process \(first.processIdentifier)) is writing these results now"), "\(second.stderr)")
        }
    }
}
