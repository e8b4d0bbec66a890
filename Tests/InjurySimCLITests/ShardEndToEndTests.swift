import Foundation
import Testing

/// The built binary: `run --shard` (K/N and auto/N from the scheduler's variable) then `merge`
/// writes the folder `run` writes, byte for byte; a missing part exits 65 naming it, a bad
/// command line exits 64.
@Suite(.serialized) struct ShardEndToEndTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> EndToEndTests.Outcome {
        try EndToEndTests.run(arguments, environment: environment)
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The program version `--version` prints (its first two words), which every manifest.json
    /// records as `programVersion`.
    static func expectProgramVersion(_ manifest: Data?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let printed = try run(["--version"]).stdout.split(separator: " ").prefix(2).joined(separator: " ")
        #expect(printed.hasPrefix("injurysim "), sourceLocation: sourceLocation)
        let text = String(decoding: manifest ?? Data(), as: UTF8.self)
        #expect(text.contains("\"programVersion\": \"\(printed)\""), "\(text)", sourceLocation: sourceLocation)
    }

    @Test func shardedRunMergesToTheSingleRunsFolder() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["--replications", "5", "--set", "months=4", "--threads", "2", "--quiet"]
        let single = try Self.run(["run", "Scenarios/smoke.json", "--out", dir.appendingPathComponent("single").path] + options)
        #expect(single.code == 0, "\(single.stderr)")
        let parts = (1...3).map { dir.appendingPathComponent("parts/\($0)").path }
        // Shards 1 and 3 by number, shard 2 as a Slurm array task (index 1) would run it.
        for (index, part) in parts.enumerated() {
            let shard = index == 1 ? "auto/3" : "\(index + 1)/3"
            let outcome = try Self.run(
                ["run", "Scenarios/smoke.json", "--shard", shard, "--out", part] + options,
                environment: ["SLURM_ARRAY_TASK_ID": "1"])
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        let merged = dir.appendingPathComponent("merged").path
        let merge = try Self.run(["merge"] + parts + ["--out", merged])
        #expect(merge.code == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("P(ruin)"), "merge prints the run's report")
        let expected = try Self.contents(dir.appendingPathComponent("single"))
        #expect(
            expected.keys.sorted() == [
                "manifest.json", "monthly.csv", "platforms.csv", "replications.csv", "report.html", "solvency-paths.csv", "summary.json", "yearly.csv"
            ])
        #expect(try Self.contents(URL(fileURLWithPath: merged)) == expected)
        try Self.expectProgramVersion(expected["manifest.json"])

        // A missing part: exit 65, naming the replications and the shard; nothing written.
        let missing = try Self.run(["merge", parts[0], parts[2], "--out", dir.appendingPathComponent("m2").path])
        #expect(missing.code == 65)
        #expect(missing.stderr.contains("replications 1, 4 are missing"), "\(missing.stderr)")
        #expect(missing.stderr.contains("shard 2/3"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m2").path))
        // Bad command lines: exit 64.
        #expect(try Self.run(["merge", "--out", merged]).code == 64)
        #expect(try Self.run(["merge", dir.appendingPathComponent("nowhere").path, "--out", merged]).code == 64)
        let auto = try Self.run(["run", "Scenarios/smoke.json", "--shard", "auto/3", "--out", dir.appendingPathComponent("x").path])
        #expect(auto.code == 64)
        #expect(auto.stderr.contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set"))
        // The merged folder is injurysim's own: a second merge may replace it (same bytes).
        #expect(try Self.run(["merge"] + parts + ["--out", merged, "--quiet"]).code == 0)
        #expect(try Self.contents(URL(fileURLWithPath: merged)) == expected)
    }

    /// `compare --shard` parts (two scenarios, one extending the other) merge to compare's folder;
    /// a `run` part among them is refused.
    @Test func shardedCompareMergesToComparesFolder() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dear = dir.appendingPathComponent("dear.json")
        let base = EndToEndTests.root.appendingPathComponent("Scenarios/smoke.json").path
        try Data(#"{"extends": "\#(base)", "name": "smoke-dear", "platforms": {"caocao": {"ratePerOrderYuan": 0.02}}}"#.utf8).write(to: dear)
        let options = ["Scenarios/smoke.json", dear.path, "--replications", "5", "--set", "months=3", "--threads", "2", "--quiet"]
        let single = try Self.run(["compare"] + options + ["--out", dir.appendingPathComponent("single").path])
        #expect(single.code == 0, "\(single.stderr)")
        let parts = (1...2).map { dir.appendingPathComponent("parts/\($0)").path }
        for (index, part) in parts.enumerated() {
            let outcome = try Self.run(["compare"] + options + ["--shard", "\(index + 1)/2", "--out", part])
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        let merged = dir.appendingPathComponent("merged")
        let merge = try Self.run(["merge"] + parts + ["--out", merged.path, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        let expected = try Self.contents(dir.appendingPathComponent("single"))
        #expect(expected.keys.sorted() == ["compare-monthly.csv", "compare.csv", "compare.json", "manifest.json", "report.html"])
        // The monthly medians, the break-even rate and the variants' inputs are in what must match.
        #expect(String(decoding: expected["compare.json"] ?? Data(), as: UTF8.self).contains("\"netPositionMedianYuan\""))
        #expect(String(decoding: expected["compare.json"] ?? Data(), as: UTF8.self).contains("\"breakEvenRateYuanPerOrder\""))
        #expect(String(decoding: expected["compare-monthly.csv"] ?? Data(), as: UTF8.self).split(separator: "\n").count == 1 + 2 * 3)
        #expect(String(decoding: expected["manifest.json"] ?? Data(), as: UTF8.self).contains("\"uncertainInputs\""))
        #expect(try Self.contents(merged) == expected)
        try Self.expectProgramVersion(expected["manifest.json"])

        let runPart = dir.appendingPathComponent("run-part").path
        #expect(
            try Self.run(["run", "Scenarios/smoke.json", "--replications", "5", "--set", "months=3", "--shard", "2/2", "--out", runPart, "--quiet"])
                .code == 0)
        let mixed = try Self.run(["merge", parts[0], runPart, "--out", dir.appendingPathComponent("mixed").path])
        #expect(mixed.code == 65)
        #expect(mixed.stderr.contains("has command run but part \(parts[0]) has compare"), "\(mixed.stderr)")
    }

    /// `solve --shard` parts (each replication's threshold, rounds and benchmark result) merge to
    /// solve's folder: the answer, its interval, the break-even rates and the number of rounds.
    @Test(arguments: [["--target", "poolruin<=0.5"], ["--target", "ruin<=0.2", "--for", "food-delivery"]])
    func shardedSolveMergesToSolvesFolder(target: [String]) throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["solve", "Scenarios/smoke.json"] + target + ["--replications", "3", "--set", "months=2", "--threads", "2", "--quiet"]
        #expect(try Self.run(options + ["--out", dir.appendingPathComponent("single").path]).code == 0)
        let parts = (1...2).map { dir.appendingPathComponent("parts/\($0)").path }
        for (index, part) in parts.enumerated() {
            let outcome = try Self.run(options + ["--shard", "\(index + 1)/2", "--out", part])
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        let merged = dir.appendingPathComponent("merged")
        let merge = try Self.run(["merge"] + parts + ["--out", merged.path, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        let expected = try Self.contents(dir.appendingPathComponent("single"))
        #expect(expected.keys.sorted() == ["manifest.json", "report.html", "solve.json"])
        #expect(try Self.contents(merged) == expected)
        try Self.expectProgramVersion(expected["manifest.json"])
    }

    /// `sensitivity --shard` parts (23 runs' figures, break-even rates included, per replication) merge
    /// to sensitivity's folder.
    @Test func shardedSensitivityMergesToSensitivitysFolder() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["sensitivity", "Scenarios/smoke.json", "--replications", "3", "--set", "months=2", "--threads", "2", "--quiet"]
        #expect(try Self.run(options + ["--out", dir.appendingPathComponent("single").path]).code == 0)
        let parts = (1...2).map { dir.appendingPathComponent("parts/\($0)").path }
        for (index, part) in parts.enumerated() {
            let outcome = try Self.run(options + ["--shard", "\(index + 1)/2", "--out", part])
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        let merged = dir.appendingPathComponent("merged")
        let merge = try Self.run(["merge"] + parts + ["--out", merged.path, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        let expected = try Self.contents(dir.appendingPathComponent("single"))
        #expect(expected.keys.sorted() == ["manifest.json", "report.html", "sensitivity.csv", "sensitivity.json"])
        #expect(try Self.contents(merged) == expected)
        try Self.expectProgramVersion(expected["manifest.json"])
    }

    /// `sweep --shard` parts over a two-axis grid (one axis changes the pools) merge to sweep's folder.
    @Test func shardedSweepMergesToSweepsFolder() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = [
            "sweep", "Scenarios/smoke.json", "--replications", "4", "--set", "months=3", "--set", "platforms.caocao.ratePerOrderYuan=0.01,0.02",
            "--set", "pooling=province,national", "--threads", "2", "--quiet"
        ]
        #expect(try Self.run(options + ["--out", dir.appendingPathComponent("single").path]).code == 0)
        let parts = (1...3).map { dir.appendingPathComponent("parts/\($0)").path }
        for (index, part) in parts.enumerated() {
            let outcome = try Self.run(options + ["--shard", "\(index + 1)/3", "--out", part])
            #expect(outcome.code == 0, "\(outcome.stderr)")
        }
        let merged = dir.appendingPathComponent("merged")
        let merge = try Self.run(["merge"] + parts.reversed() + ["--out", merged.path, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        let expected = try Self.contents(dir.appendingPathComponent("single"))
        #expect(expected.keys.sorted() == ["manifest.json", "report.html", "sweep.csv", "sweep.json"])
        #expect(String(decoding: expected["sweep.json"] ?? Data(), as: UTF8.self).contains("\"breakEvenRateYuanPerOrder\""))
        #expect(
            String(decoding: expected["manifest.json"] ?? Data(), as: UTF8.self).contains(
                "\"name\": \"platforms.caocao.ratePerOrderYuan=0.02, pooling=national\""))
        #expect(try Self.contents(merged) == expected)
        try Self.expectProgramVersion(expected["manifest.json"])
    }
}
