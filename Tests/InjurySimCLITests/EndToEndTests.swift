import Foundation
import Testing

/// Runs the built `injurysim` binary as a user would and checks exit codes, output and files.
@Suite(.serialized) struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (swift test builds it: this target depends on it).
    static var binary: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL,
                Bundle.main.bundleURL.deletingLastPathComponent(),
                root.appendingPathComponent(".build/debug")
            ].map { $0.appendingPathComponent("injurysim") }
            return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        }
    }

    struct Outcome {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary from the package root. The scheduler's task variables are cleared (a
    /// test run inside a Slurm or Kubernetes job must not shard by accident), then
    /// `environment` is added.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        for key in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The smoke scenario over six months: the same rules at half the debug time.
    static let shorter = ["--set", "months=6"]

    @Test func runSmokeWritesTheVerdictAndAllFiles() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("smoke")
        let outcome = try Self.run(["run", "Scenarios/smoke.json", "--out", out.path, "--threads", "2"] + Self.shorter)
        #expect(outcome.code == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("P(ruin)"))
        #expect(outcome.stdout.contains("Break-even per-order rate by sector"))
        #expect(outcome.stdout.contains("food-delivery"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "manifest.json", "monthly.csv", "platforms.csv", "replications.csv", "report.html", "solvency-paths.csv", "summary.json", "yearly.csv"
            ])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let total = try #require(summary?["total"] as? [String: Any])
        #expect(total["ruinProbability"] != nil)
        #expect(total["breakEvenRateYuanPerOrder"] != nil)
        // Both verdicts, and the one that binds is the one that failed more often.
        let short = try #require((total["ruinProbability"] as? [String: Any])?["estimate"] as? Double)
        let insolvent = try #require((total["insolvencyProbabilityAtHorizon"] as? [String: Any])?["estimate"] as? Double)
        let verdict = try #require(summary?["verdict"] as? [String: Any])
        let full = try #require(verdict["fullFunding"] as? [String: Any])
        let binding = try #require(full["binding"] as? String)
        #expect(binding == (short == 0 && insolvent == 0 ? "neither" : insolvent >= short ? "solvency" : "liquidity"))
        #expect(total["bindingTest"] as? String == binding)
        // The scenario's method (pay-as-you-go by default) leads: its binding test is the one
        // failing in more worlds, exhaustion (running short) or the reserve target.
        #expect(verdict["method"] as? String == "payAsYouGo")
        let financing = try #require(total["financing"] as? [String: Any])
        let missed = try #require((financing["reserveBelowTargetProbability"] as? [String: Any])?["estimate"] as? Double)
        let exhausted = try #require((financing["exhaustionProbability"] as? [String: Any])?["estimate"] as? Double)
        #expect(exhausted == short, "exhaustion is running short")
        #expect(verdict["binding"] as? String == (missed == 0 && short == 0 ? "neither" : short >= missed ? "exhaustion" : "reserveTarget"))
        let sentence = try #require(verdict["sentence"] as? String)
        #expect(sentence.hasPrefix("Judged pay-as-you-go"))
        #expect(outcome.stdout.contains(sentence), "the console leads with the same sentence")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.firstIndex(of: sentence).map { $0 < 4 } == true, "the method's sentence comes before the tables")
        #expect(outcome.stdout.contains("Under full funding: " + (try #require(full["sentence"] as? String))))
        let replications = try String(contentsOf: out.appendingPathComponent("replications.csv"), encoding: .utf8)
        #expect(replications.split(separator: "\n").count == 1 + 8)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!manifest.contains(dir.path))
        // No staging folders are left beside the results.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["smoke"])

        // The same run on one thread gives byte-identical files.
        let again = dir.appendingPathComponent("smoke-1")
        #expect(try Self.run(["run", "Scenarios/smoke.json", "--out", again.path, "--threads", "1", "--quiet"] + Self.shorter).code == 0)
        for name in names {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func badScenarioExits64AndNamesTheField() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json")
        let smoke = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/smoke.json"), encoding: .utf8)
        try smoke.replacingOccurrences(of: "\"months\": 12", with: "\"months\": 0, \"monhts\": 3")
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try Self.run(["validate", file.path])
        #expect(outcome.code == 64)
        #expect(outcome.stderr.contains("months: out of range"))
        #expect(outcome.stderr.contains("monhts: unknown key"))
        let run = try Self.run(["run", file.path, "--out", dir.appendingPathComponent("r").path])
        #expect(run.code == 64)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r").path))
    }

    @Test func validateShippedScenarios() throws {
        let outcome = try Self.run(["validate", "Scenarios/smoke.json", "Scenarios/pilot-2022.json"])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("smoke.json: ok"))
    }

    @Test(arguments: [
        ["run"], ["run", "Scenarios/smoke.json", "--threads", "zero"], ["frobnicate"], [],
        ["run", "Scenarios/smoke.json", "--bogus"], ["run", "does-not-exist.json"]
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.code == 64)
        #expect(!outcome.stderr.isEmpty)
    }

    @Test func unwritableOutputExits73AndLeavesNothing() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let outcome = try Self.run(["run", "Scenarios/smoke.json", "--replications", "2", "--out", blocker.path, "--quiet"])
        #expect(outcome.code == 73)
        #expect(outcome.stderr.contains("cannot write results"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }
}

@Suite struct BenchCommandTests {
    /// The benchmark runs every workload at quick sizes and its checksums agree across threads.
    /// The bench end to end on tiny workloads (the quick and full sizes run in release: .ci/run, docs/BENCHMARKS.md).
    @Test func tinyBenchReportsEveryWorkloadWithStableChecksums() throws {
        let outcome = try EndToEndTests.run(["bench", "--tiny", "--json", "--threads", "2"])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let rows = try #require(json?["rows"] as? [[String: Any]])
        let names = Set(rows.compactMap { $0["workload"] as? String })
        #expect(
            names == ["national-12m", "pilot-36m-many", "small-many", "national-50y", "ref-plain-loop", "ref-scalar-kernel", "ref-actor-per-worker"])
        for name in ["national-12m", "pilot-36m-many", "small-many"] {
            let checksums = Set(rows.filter { $0["workload"] as? String == name }.compactMap { $0["checksum"] as? String })
            #expect(checksums.count == 1, "\(name)")
            #expect(rows.filter { $0["workload"] as? String == name }.count == 2)
        }
        #expect(rows.allSatisfy { ($0["workerDays"] as? Int ?? 0) > 0 })
        // The vectorised kernel (whichever build ran, named in the output) and the scalar one agree.
        let kernels = ["ref-plain-loop", "ref-scalar-kernel"].map { name in rows.first { $0["workload"] as? String == name }?["checksum"] as? String }
        #expect(kernels[0] != nil && kernels[0] == kernels[1])
        #expect(["avx512", "avx2", "portable"].contains(json?["shardKernel"] as? String ?? ""))
    }
}

@Suite(.serialized) struct PolicyCommandEndToEndTests {
    static let cheap = [
        "--set", "platforms.meituan.ratePerOrderYuan=8", "--set", "platforms.eleme.ratePerOrderYuan=8",
        "--set", "platforms.caocao.ratePerOrderYuan=1", "--replications", "6", "--set", "months=6", "--quiet"
    ]

    @Test func compareWritesCSVAndJSON() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("other.json")
        try "{ \"extends\": \"\(EndToEndTests.root.path)/Scenarios/smoke.json\", \"name\": \"smoke-national\", \"pooling\": \"national\" }"
            .write(to: other, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("cmp")
        let outcome = try EndToEndTests.run(["compare", "Scenarios/smoke.json", other.path, "--out", out.path] + Self.cheap)
        #expect(outcome.code == 0, "\(outcome.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "compare-monthly.csv", "compare.csv", "compare.json", "manifest.json", "report.html"
            ])
        let csv = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
        #expect(csv.contains("ruinProbability,smoke-national,"))
    }

    @Test func sweepSolveAndSensitivityRun() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = try EndToEndTests.run(
            [
                "sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShare=0.03,0.08",
                "--out", dir.appendingPathComponent("sweep").path
            ] + Self.cheap)
        #expect(sweep.code == 0, "\(sweep.stderr)")
        let rows = try String(contentsOf: dir.appendingPathComponent("sweep/sweep.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 3 && rows[0].hasPrefix("fund.adminCostShare,ruinProbability,"))

        let solve = try EndToEndTests.run(
            [
                "solve", "Scenarios/smoke.json", "--target", "ruin<=0.5", "--for", "food-delivery",
                "--out", dir.appendingPathComponent("solve").path
            ] + Self.cheap)
        #expect(solve.code == 0, "\(solve.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("solve/solve.json"))) as? [String: Any]
        #expect((json?["platforms"] as? [String: Any])?.keys.sorted() == ["eleme", "meituan"])

        let sensitivity = try EndToEndTests.run([
            "sensitivity", "Scenarios/smoke.json", "--replications", "3", "--quiet",
            "--out", dir.appendingPathComponent("sens").path
        ])
        #expect(sensitivity.code == 0, "\(sensitivity.stderr)")
        let table = try String(contentsOf: dir.appendingPathComponent("sens/sensitivity.csv"), encoding: .utf8).split(separator: "\n")
        #expect(table.count == 12)
    }

    @Test(arguments: [
        ["sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShare=0.05"],
        ["sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShar=0.03,0.05"],
        ["solve", "Scenarios/smoke.json"], ["solve", "Scenarios/smoke.json", "--target", "ruin<=0.1", "--for", "boats"],
        ["compare", "Scenarios/smoke.json"], ["run", "Scenarios/smoke.json", "--set", "months=0"]
    ])
    func policyUsageErrorsExit64(arguments: [String]) throws {
        let outcome = try EndToEndTests.run(arguments + ["--out", "/tmp/injurysim-never-written"])
        #expect(outcome.code == 64, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/injurysim-never-written"))
    }
}

/// No NaN or infinity reaches a result file, however degenerate the (valid) inputs.
@Suite(.serialized) struct NoNonFiniteOutputTests {
    static func nonFiniteTokens(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "(?i)(?<![A-Za-z])(nan|[+-]?inf(inity)?)(?![A-Za-z])")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test func theScannerFindsWhatItLooksFor() {
        #expect(Self.nonFiniteTokens(in: "a,nan,1\nx,-inf,Infinity") == ["nan", "-inf", "Infinity"])
        #expect(Self.nonFiniteTokens(in: "inflation,financial,infoNaNa") == [])
    }

    @Test(arguments: [
        [
            "run", "Scenarios/smoke.json", "--set", "platforms.meituan.ratePerOrderYuan=0", "--set", "platforms.eleme.ratePerOrderYuan=0",
            "--set", "platforms.caocao.ratePerOrderYuan=0"
        ],
        [
            "run", "Scenarios/smoke.json", "--set", "sectors.food-delivery.claimsPerMillionOrders=0", "--set",
            "sectors.ride-hailing.claimsPerMillionOrders=0"
        ],
        ["run", "Scenarios/smoke.json", "--set", "months=1"],
        ["run", "Scenarios/smoke.json", "--set", "rollout=[{\"startMonth\": \"2024-06\", \"takeUp\": 0.5}]"],
        ["sweep", "Scenarios/smoke.json", "--set", "months=2,12"]
    ])
    func degenerateRunsWriteOnlyFiniteNumbers(arguments: [String]) throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let outcome = try EndToEndTests.run(arguments + ["--replications", "3", "--quiet", "--out", out.path])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.contains("manifest.json"))
        for name in names {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(Self.nonFiniteTokens(in: text).isEmpty, "\(name): \(Self.nonFiniteTokens(in: text).prefix(5))")
        }
    }
}
