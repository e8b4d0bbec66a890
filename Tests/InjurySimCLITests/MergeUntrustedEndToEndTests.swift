import Foundation
import Testing

/// The built binary: `merge` treats parts as untrusted. An --out that is a part, lies inside one
/// or contains one is refused (exit 64) before anything is read; a sparse 3 GiB replication file
/// and a claimed billion replications are refused (exit 65) by size and count, under a 1 GiB
/// address-space cap that reading or allocating them would break.
@Suite(.serialized) struct MergeUntrustedEndToEndTests {
    /// Two parts of a small run in `dir/parts/1` and `dir/parts/2`.
    static func parts(in dir: URL) throws -> [String] {
        let parts = (1...2).map { dir.appendingPathComponent("parts/\($0)").path }
        for (index, part) in parts.enumerated() {
            let options = ["--replications", "2", "--set", "months=2", "--threads", "2", "--quiet"]
            let outcome = try EndToEndTests.run(["run", "Scenarios/smoke.json", "--shard", "\(index + 1)/2", "--out", part] + options)
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        return parts
    }

    /// `injurysim ARGUMENTS` from the package root under `ulimit -v` (KiB), through /bin/sh.
    static func runCapped(_ arguments: [String], kibibytes: Int) throws -> EndToEndTests.Outcome {
        let quoted = try ([EndToEndTests.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(kibibytes) && exec " + quoted.joined(separator: " ")]
        process.currentDirectoryURL = EndToEndTests.root
        var environment = ProcessInfo.processInfo.environment
        for key in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] { environment[key] = nil }
        process.environment = environment
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return EndToEndTests.Outcome(
            code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func anOutThatIsInsideOrAroundAPartIsRefused() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = try Self.parts(in: dir)
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: parts[0])
        let cases: [(out: String, phrase: String)] = [
            (parts[0], "is the part \(parts[0])"),
            (parts[0] + "/sub", "is inside the part \(parts[0])"),
            (parts[1] + "/a/b", "is inside the part \(parts[1])"),
            (link + "/sub", "is inside the part \(parts[0])"),
            (dir.appendingPathComponent("parts").path, "contains the part \(parts[0])"),
            (dir.path, "contains the part \(parts[0])")
        ]
        for (out, phrase) in cases {
            let outcome = try EndToEndTests.run(["merge"] + parts + ["--out", out, "--quiet"])
            #expect(outcome.code == 64, "--out \(out): \(outcome.stderr)")
            #expect(outcome.stderr.contains("--out \(out) \(phrase); write the merged results to a folder apart"), "\(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: parts[0] + "/sub"))
        #expect(!FileManager.default.fileExists(atPath: parts[1] + "/a"))
        // Beside the parts: merged.
        let apart = try EndToEndTests.run(["merge"] + parts + ["--out", dir.appendingPathComponent("merged").path, "--quiet"])
        #expect(apart.code == 0, "\(apart.stderr)")
    }

    @Test func hostileSizesAndCountsAreRefusedWithinAMemoryCap() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = try Self.parts(in: dir)
        let out = dir.appendingPathComponent("merged").path
        // The untouched parts merge under the cap.
        let plain = try Self.runCapped(["merge"] + parts + ["--out", out, "--quiet"], kibibytes: 1_048_576)
        #expect(plain.code == 0, "\(plain.stderr)")
        // A replication file made 3 GiB (sparse: no disk used).
        let file = parts[1] + "/replication-000001.isr3"
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 3 * 1_073_741_824)
        try handle.close()
        let grown = try Self.runCapped(["merge"] + parts + ["--out", out, "--quiet"], kibibytes: 1_048_576)
        #expect(grown.code == 65, "\(grown.stderr)")
        #expect(
            grown.stderr.contains(
                "part \(parts[1]): replication-000001.isr3 is damaged or truncated: it has 3221225472 bytes but the manifest says \(original.count)"),
            "\(grown.stderr)")
        try original.write(to: URL(fileURLWithPath: file))
        // A billion replications claimed by every part.
        for part in parts {
            let manifest = URL(fileURLWithPath: part + "/manifest.json")
            let text = try String(contentsOf: manifest, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"replications\": 2,", with: "\"replications\": 1000000000,").utf8).write(to: manifest)
        }
        let claimed = try Self.runCapped(["merge"] + parts + ["--out", out, "--quiet"], kibibytes: 1_048_576)
        #expect(claimed.code == 65, "\(claimed.stderr)")
        #expect(claimed.stderr.contains("manifest.json: \"replications\" is 1000000000; a study has 1 to 1000000 replications"), "\(claimed.stderr)")
    }
}
