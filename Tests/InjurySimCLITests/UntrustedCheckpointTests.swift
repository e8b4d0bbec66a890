import Foundation
import Testing

/// Checkpoints and the command line as a hostile or careless user meets them (issue 20): a
/// damaged or foreign checkpoint is refused naming the file, a resume is matched on the study
/// rather than on how the command was spelled, and `report --out` replaces only its own pages.
@Suite(.serialized) struct UntrustedCheckpointTests {
    typealias E2E = EndToEndTests
    static let arguments = FaultInjectionTests.arguments

    /// A folder with a checkpoint of two kept replications (the run killed at that point).
    static func killedRun(_ dir: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> URL {
        let target = dir.appendingPathComponent("target")
        let process = try FaultInjectionTests.startStopped(
            ["--out", target.path] + extra, at: "checkpoint-saved:2", environment: environment, in: dir)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return target
    }

    @Test func aFlippedBitInACheckpointFileIsRefusedNamingIt() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = try Self.killedRun(dir)
        let file = dir.appendingPathComponent(".target.checkpoint/call0-job1.bin")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 3] ^= 0x04
        try bytes.write(to: file)
        let resumed = try E2E.run(Self.arguments + ["--out", target.path, "--resume"])
        #expect(resumed.code == 65, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("call0-job1.bin is damaged") && resumed.stderr.contains("checksum"), "\(resumed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        // Removing the damaged file (as the message says) runs that replication again: same results.
        try FileManager.default.removeItem(at: file)
        #expect(try E2E.run(Self.arguments + ["--out", target.path, "--resume"]).code == 0)
        let reference = dir.appendingPathComponent("reference")
        #expect(try E2E.run(Self.arguments + ["--out", reference.path]).code == 0)
        #expect(InterruptTests.contents(target) == InterruptTests.contents(reference))
    }

    /// A file whose checksum holds but whose result has another shape (here: two months, not
    /// three) is not used: its replication runs again and the results are the uninterrupted ones.
    @Test func aWellFormedResultOfAnotherShapeIsRunAgain() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = try Self.killedRun(dir)
        let otherDir = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: otherDir, withIntermediateDirectories: true)
        let other = try FaultInjectionTests.startStopped(
            command: Self.arguments.map { $0 == "months=3" ? "months=2" : $0 } + ["--out", otherDir.appendingPathComponent("t").path],
            at: "checkpoint-saved:2", in: otherDir)
        kill(other.processIdentifier, SIGKILL)
        other.waitUntilExit()
        let foreign = otherDir.appendingPathComponent(".t.checkpoint/call0-job1.bin")
        let mine = dir.appendingPathComponent(".target.checkpoint/call0-job1.bin")
        try FileManager.default.removeItem(at: mine)
        try FileManager.default.copyItem(at: foreign, to: mine)
        let resumed = try E2E.run(Self.arguments + ["--out", target.path, "--resume"])
        #expect(resumed.code == 0, "\(resumed.stderr)")
        let reference = dir.appendingPathComponent("reference")
        #expect(try E2E.run(Self.arguments + ["--out", reference.path]).code == 0)
        #expect(InterruptTests.contents(target) == InterruptTests.contents(reference))
    }

    @Test func aCheckpointOfAnotherBuildIsNotMixedIn() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = try Self.killedRun(dir)
        let header = dir.appendingPathComponent(".target.checkpoint/checkpoint.json")
        let text = try String(contentsOf: header, encoding: .utf8)
        let version = try #require(text.range(of: #"injurysim \d+\.\d+\.\d+"#, options: .regularExpression))
        try text.replacingCharacters(in: version, with: "injurysim 0.9.9").write(to: header, atomically: true, encoding: .utf8)
        let resumed = try E2E.run(Self.arguments + ["--out", target.path, "--resume"])
        #expect(resumed.code == 73)
        #expect(resumed.stderr.contains("was made by injurysim 0.9.9") && resumed.stderr.contains("mix"), "\(resumed.stderr)")
    }

    /// The same study, spelled another way, resumes: an absolute scenario path, an absolute or
    /// slash-ended --out, options in another order; a shard given as auto/N resumes K/N.
    @Test func aResumeMatchesTheStudyNotTheCommandText() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = dir.appendingPathComponent("reference")
        #expect(try E2E.run(Self.arguments + ["--out", reference.path]).code == 0)
        let absoluteScenario = E2E.root.appendingPathComponent("Scenarios/smoke.json").path
        let respellings: [[String]] = [
            Self.arguments.map { $0 == "Scenarios/smoke.json" ? absoluteScenario : $0 },
            // Options in another order (the --set overrides keep theirs: a later one can override an earlier one).
            [
                "run", "Scenarios/smoke.json", "--sample-fraction", "0.01", "--no-report", "--quiet", "--threads", "1", "--replications", "3",
                "--set", "months=3", "--set", "minimumSampledWorkersPerPool=0"
            ]
        ]
        for (index, respelled) in respellings.enumerated() {
            let target = try Self.killedRun(dir)
            let resumed = try E2E.run(respelled + ["--out", target.path + "/", "--resume"])
            #expect(resumed.code == 0, "spelling \(index): \(resumed.stderr)")
            #expect(!resumed.stderr.contains("no checkpoint"), "spelling \(index): \(resumed.stderr)")
            #expect(InterruptTests.contents(target) == InterruptTests.contents(reference), "spelling \(index)")
            try? FileManager.default.removeItem(at: target)
        }
        // A shard: 1/2 interrupted, resumed as auto/2 inside an array task 0.
        let part = dir.appendingPathComponent("part")
        let process = try FaultInjectionTests.startStopped(
            ["--out", part.path, "--shard", "1/2"], at: "checkpoint-saved:1", in: dir)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try E2E.run(
            Self.arguments + ["--out", part.path, "--shard", "auto/2", "--resume"], environment: ["SLURM_ARRAY_TASK_ID": "0"])
        #expect(resumed.code == 0, "\(resumed.stderr)")
        #expect(!resumed.stderr.contains("no checkpoint"), "\(resumed.stderr)")
    }

    @Test func resumeWithNothingToResumeRunsTheCommand() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try E2E.run(Self.arguments + ["--out", dir.appendingPathComponent("fresh").path, "--resume"])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("there is no checkpoint to resume"), "\(outcome.stderr)")
        #expect(InterruptTests.contents(dir.appendingPathComponent("fresh")).count == 7, "the seven data files")
    }

    @Test func reportOutReplacesOnlyItsOwnPages() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = dir.appendingPathComponent("results")
        #expect(try E2E.run(Self.arguments.filter { $0 != "--no-report" } + ["--out", results.path]).code == 0)
        let scenario = dir.appendingPathComponent("smoke.json")
        try FileManager.default.copyItem(at: E2E.root.appendingPathComponent("Scenarios/smoke.json"), to: scenario)
        let before = try Data(contentsOf: scenario)
        let refused = try E2E.run(["report", results.path, "--out", scenario.path])
        #expect(refused.code == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("not a report page injurysim wrote"), "\(refused.stderr)")
        #expect(try Data(contentsOf: scenario) == before, "the scenario file was changed")
        #expect(try E2E.run(["report", results.path, "--out", dir.path]).code == 73, "a folder is not a page")
        let page = dir.appendingPathComponent("page.html")
        #expect(try E2E.run(["report", results.path, "--out", page.path]).code == 0)
        #expect(try E2E.run(["report", results.path, "--out", page.path, "--lang", "zh"]).code == 0, "its own page is replaced")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("lang=\"zh"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func aDoubledOptionADashDashAndTheVersionAreClear() throws {
        let doubled = try E2E.run(["run", "Scenarios/smoke.json", "--seed", "1", "--seed", "2"])
        #expect(doubled.code == 64)
        #expect(doubled.stderr.contains("--seed is given twice"), "\(doubled.stderr)")
        let quiet = try E2E.run(["run", "Scenarios/smoke.json", "-q", "--quiet"])
        #expect(quiet.code == 64 && quiet.stderr.contains("given twice"), "\(quiet.stderr)")
        // After `--` everything is a file, so a file may start with a dash.
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dashed = dir.appendingPathComponent("-smoke.json")
        try FileManager.default.copyItem(at: E2E.root.appendingPathComponent("Scenarios/smoke.json"), to: dashed)
        let process = Process()
        process.executableURL = try E2E.binary
        process.currentDirectoryURL = dir
        process.arguments = ["validate", "--", "-smoke.json"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "validate -- -smoke.json")
        let run = try E2E.run(["run"] + Array(Self.arguments.dropFirst(2)) + ["--out", dir.appendingPathComponent("out").path, "--", dashed.path])
        #expect(run.code == 0, "\(run.stderr)")
        let version = try E2E.run(["--version"])
        let source = E2E.root.appendingPathComponent("Sources/InjurySimOutput/Writers/ProgramVersion.swift")
        let manifest = try String(contentsOf: source, encoding: .utf8)
        let recorded = try #require(manifest.range(of: #"injurysim \d+\.\d+\.\d+"#, options: .regularExpression))
        #expect(version.stdout.hasPrefix(String(manifest[recorded]) + " "), "\(version.stdout)")
    }

    /// A path that is not UTF-8 is named, not turned into U+FFFD and reported missing.
    @Test func aNonUTF8ArgumentIsNamed() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" validate \"$(printf 'bad\\377name.json')\"", try E2E.binary.path]
        let err = Pipe()
        shell.standardError = err
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 64)
        #expect(text.contains("argument 2") && text.contains("not valid UTF-8"), "\(text)")
    }
}
