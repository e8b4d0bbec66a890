import Foundation
import Testing

/// Signals during a run: SIGINT/SIGTERM leave the previous results and a checkpoint that
/// `--resume` completes byte-identically; SIGKILL at any moment leaves the previous results or
/// the complete new ones, never a mixture or a half-written file.
@Suite(.serialized) struct InterruptTests {
    /// Three months at 1% of smoke's workers: the stop points, not the run's length, put each
    /// signal where it belongs, so the runs can be short.
    static let quick = ["--set", "months=3", "--set", "minimumSampledWorkersPerPool=0", "--sample-fraction", "0.01"]
    static let arguments = ["run", "Scenarios/smoke.json", "--replications", "8", "--threads", "1", "--quiet"] + quick

    static func start(_ extra: [String]) throws -> Process { try launch(arguments + extra) }

    /// Starts the binary with `arguments`, output discarded.
    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try EndToEndTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = EndToEndTests.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func runToEnd(_ extra: [String]) throws -> Int32 {
        let process = try start(extra)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every file of a folder, name → bytes.
    static func contents(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return files
    }

    static func siblings(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)) ?? []).sorted()
    }

    /// The reference (uninterrupted) results and the "previous" results of another seed, made once.
    static let shared: Result<(reference: [String: Data], previous: [String: Data]), any Error> = Result {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = dir.appendingPathComponent("reference")
        let previous = dir.appendingPathComponent("previous")
        guard try runToEnd(["--out", reference.path]) == 0, try runToEnd(["--out", previous.path, "--seed", "99"]) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        return (contents(reference), contents(previous))
    }

    static func fixtures(in dir: URL) throws -> (reference: [String: Data], previous: [String: Data]) {
        let (r, p) = try shared.get()
        #expect(r.count == 8 && p.count == 8 && r != p, "the seven data files and report.html")
        return (r, p)
    }

    static func copy(_ files: [String: Data], to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
    }

    @Test(arguments: zip([0.0, 0.4, 1.0], [SIGTERM, SIGINT, SIGTERM]))
    func signalLeavesPreviousResultsAndAResumableCheckpoint(delay: Double, signal: Int32) throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (reference, previous) = try Self.fixtures(in: dir)
        let target = dir.appendingPathComponent("target")
        try Self.copy(previous, to: target)
        let process = try Self.start(["--out", target.path])
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let checkpoint = dir.appendingPathComponent(".target.checkpoint")
        if process.terminationReason == .exit && process.terminationStatus == 0 {
            #expect(Self.contents(target) == reference)
        } else {
            // Interrupted (130), or killed by the signal before the handler was installed.
            #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 130, "status \(process.terminationStatus)")
            #expect(Self.contents(target) == previous, "the previous results changed")
        }
        #expect(!Self.siblings(target).contains { $0.contains(".tmp-") || $0.contains(".ckpt-") }, "\(Self.siblings(target))")
        if FileManager.default.fileExists(atPath: checkpoint.path) {
            #expect(try Self.runToEnd(["--out", target.path, "--resume"]) == 0)
            #expect(Self.contents(target) == reference, "resumed results differ from an uninterrupted run")
            #expect(!FileManager.default.fileExists(atPath: checkpoint.path))
        }
    }

    @Test func aSignalAfterSomeReplicationsKeepsThem() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (reference, _) = try Self.fixtures(in: dir)
        let target = dir.appendingPathComponent("target")
        // Stopped right after the second replication is kept, then interrupted: no race with a fast machine.
        let process = try FaultInjectionTests.startStopped(
            command: Self.arguments + ["--out", target.path], at: "checkpoint-saved:2", in: dir)
        let checkpoint = dir.appendingPathComponent(".target.checkpoint")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: checkpoint.path)) ?? []).filter { $0.hasSuffix(".bin") }
        #expect(kept.sorted() == ["call0-job0.bin", "call0-job1.bin"])
        // Without --resume the checkpoint is not thrown away.
        #expect(try Self.runToEnd(["--out", target.path]) == 73)
        #expect(FileManager.default.fileExists(atPath: checkpoint.path))
        // Resumed on another thread count (each option once: a doubled one is refused).
        let resumed = try Self.launch(Self.arguments.map { $0 == "1" ? "2" : $0 } + ["--out", target.path, "--resume"])
        resumed.waitUntilExit()
        #expect(resumed.terminationStatus == 0)
        #expect(Self.contents(target) == reference)
    }

    /// SIGKILL after each kept replication and at each step of replacing the results, each
    /// followed by a command that resumes: the folder holds the previous or the new results.
    @Test func sigkillAtEveryStepLeavesOldOrNewResultsWhole() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (reference, previous) = try Self.fixtures(in: dir)
        let target = dir.appendingPathComponent("target")
        try Self.copy(previous, to: target)
        let checkpoint = dir.appendingPathComponent(".target.checkpoint")
        // Each round resumes the last one's checkpoint, so "the k-th kept" is one further each time.
        for point in ["claimed", "checkpoint-saved:1", "checkpoint-saved:2", "checkpoint-saved:3", "before-swap", "after-swap"] {
            let resume = FileManager.default.fileExists(atPath: checkpoint.path)
            let process = try FaultInjectionTests.startStopped(
                command: Self.arguments + ["--out", target.path] + (resume ? ["--resume"] : []), at: point, in: dir)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.contents(target)
            #expect(now == previous || now == reference, "\(point): results are neither the previous nor the new ones: \(now.keys.sorted())")
            #expect(point != "after-swap" || now == reference, "after the swap the new results are in place")
        }
        let resume = FileManager.default.fileExists(atPath: checkpoint.path)
        #expect(try Self.runToEnd(["--out", target.path] + (resume ? ["--resume"] : [])) == 0)
        #expect(Self.contents(target) == reference)
        #expect(Self.siblings(target) == ["target"], "leftovers: \(Self.siblings(target))")
    }

    /// A sweep interrupted part-way resumes from the replications it kept and writes the same
    /// files as an uninterrupted sweep.
    @Test func anInterruptedSweepResumesWhereItStopped() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep =
            ["sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShare=0.03,0.08", "--replications", "6", "--threads", "1", "--quiet"]
            + Self.quick
        func run(_ extra: [String]) throws -> Process { try Self.launch(sweep + extra) }
        let reference = dir.appendingPathComponent("reference")
        let whole = try run(["--out", reference.path])
        whole.waitUntilExit()
        #expect(whole.terminationStatus == 0)
        let target = dir.appendingPathComponent("target")
        let checkpoint = dir.appendingPathComponent(".target.checkpoint")
        // Stopped past the first grid point (6 replications) into the second, then terminated.
        let process = try FaultInjectionTests.startStopped(command: sweep + ["--out", target.path], at: "checkpoint-saved:8", in: dir)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: checkpoint.path)) ?? []).filter { $0.hasSuffix(".bin") }
        #expect(kept.contains("call1-job1.bin") && kept.count == 8, "\(kept.sorted())")
        let resumed = try Self.launch(sweep.map { $0 == "1" ? "2" : $0 } + ["--out", target.path, "--resume"])
        resumed.waitUntilExit()
        #expect(resumed.terminationStatus == 0)
        #expect(Self.contents(target) == Self.contents(reference))
    }
}
