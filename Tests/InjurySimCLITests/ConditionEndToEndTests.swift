import Foundation
import Testing

/// `injurysim condition` on the built binary: a small study's files, and the refusals (a
/// scenario without an observed published figure writes nothing).
@Suite struct ConditionEndToEndTests {
    @Test func aConditionedStudyWritesItsRoundsOrIsRefused() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = FileManager.default.currentDirectoryPath
        let scenario = dir.appendingPathComponent("observed.json")
        try """
        {"extends": "\(root)/Scenarios/smoke.json", "name": "smoke-observed", "months": 3, "replications": 8,
         "published": [{"month": "2024-03", "recognisedInjuries": 40, "source": "test",
                        "observation": {"recognisedInjuries": {"relativeError": 0.05}}}]}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("conditioned").path
        let run = try EndToEndTests.run(["condition", scenario.path, "--rounds", "1", "--out", out, "--threads", "2"])
        #expect(run.code == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["condition.json", "manifest.json", "report.html", "rounds.csv", "worlds.csv"])
        // The page renders again from the folder alone, the same bytes, and names every round's
        // effective sample size as condition.json (read back) has it.
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let again = try EndToEndTests.run(["report", out, "--out", "-"])
        #expect(again.code == 0 && again.stdout == page, "report re-renders the same bytes")
        let condition = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/condition.json"))) as? [String: Any])
        for (index, round) in try #require(condition["rounds"] as? [[String: Any]]).enumerated() {
            let ess = try #require((round["effectiveSampleSize"] as? NSNumber)?.doubleValue)
            #expect(page.contains("data-figure=\"rounds/\(index)/effectiveSampleSize\" data-kind=\"ratio\">\(String(format: "%.2f", ess))</td>"))
        }
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"report.html\"") && manifest.contains("\"grade1to4Allowance\": \"life\""))
        let rounds = try String(contentsOfFile: out + "/rounds.csv", encoding: .utf8).split(separator: "\n")
        #expect(rounds.first?.hasPrefix("round,replications,effective_sample_size,") == true)
        #expect((2...3).contains(rounds.count), "round 0 and at most one more")
        let worlds = try String(contentsOfFile: out + "/worlds.csv", encoding: .utf8).split(separator: "\n")
        #expect(worlds.count == 9 && worlds[0].contains("published:recognisedInjuries@2024-03") && worlds[0].contains("input:"))
        // The weights of the last round's worlds sum to 1.
        let weights = worlds.dropFirst().compactMap { Double($0.split(separator: ",")[1]) }
        #expect(weights.count == 8 && abs(weights.reduce(0, +) - 1) < 1e-9)
        #expect(run.stdout.contains("round 0: effective sample size"))

        let none = try EndToEndTests.run(["condition", "Scenarios/smoke.json", "--out", dir.appendingPathComponent("none").path])
        #expect(none.code == 64 && none.stderr.contains("observation model"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none").path))
    }

    /// A sharded conditioned study round by round: each round's tasks write parts, the merge of
    /// the rounds so far names the next round (exit 75) until the study is done, and then writes
    /// the folder one machine writes, byte for byte. A round after the study ended, and earlier
    /// rounds of another study, are refused.
    @Test func aShardedStudyMergesRoundByRound() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = FileManager.default.currentDirectoryPath
        func write(_ name: String, error: Double) throws -> String {
            let scenario = dir.appendingPathComponent(name + ".json")
            try """
            {"extends": "\(root)/Scenarios/smoke.json", "name": "\(name)", "months": 3, "replications": 8,
             "published": [{"month": "2024-03", "recognisedInjuries": 40, "source": "test",
                            "observation": {"recognisedInjuries": {"relativeError": \(error)}}}]}
            """.write(to: scenario, atomically: true, encoding: .utf8)
            return scenario.path
        }
        let sharp = try write("sharp", error: 0.05)
        let one = dir.appendingPathComponent("one").path
        let whole = try EndToEndTests.run(["condition", sharp, "--rounds", "2", "--out", one, "--threads", "2", "--quiet"])
        #expect(whole.code == 0, "\(whole.stderr)")
        let roundsRun = try String(contentsOfFile: one + "/rounds.csv", encoding: .utf8).split(separator: "\n").count - 1
        try #require(roundsRun >= 2, "the study needs a round after round 0 for this test")
        let parts = dir.appendingPathComponent("parts").path
        let merged = dir.appendingPathComponent("merged").path
        var merge = EndToEndTests.Outcome(code: -1, stdout: "", stderr: "")
        for round in 0..<roundsRun {
            for k in 1...2 {
                let shard = try EndToEndTests.run([
                    "condition", sharp, "--rounds", "2", "--shard", "\(k)/2", "--round", String(round), "--after", parts, "--threads", "1",
                    "--quiet"
                ])
                #expect(shard.code == 0, "round \(round) shard \(k): \(shard.stderr)")
            }
            let given = (0...round).flatMap { r in (1...2).map { "\(parts)/round-\(r)/shard-\($0)-of-2" } }
            merge = try EndToEndTests.run(["merge"] + given + ["--out", merged, "--quiet"])
            if round < roundsRun - 1 {
                #expect(merge.code == 75 && merge.stderr.contains("--round \(round + 1)"), "\(merge.stderr)")
                #expect(!FileManager.default.fileExists(atPath: merged))
            }
        }
        #expect(merge.code == 0, "\(merge.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: one).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged).sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: one + "/" + name) == FileManager.default.contents(atPath: merged + "/" + name), "\(name)")
        }
        // The study ended (its ESS reached the target, or its last round ran): no task runs another.
        let extra = try EndToEndTests.run([
            "condition", sharp, "--rounds", "2", "--shard", "1/2", "--round", String(roundsRun), "--after", parts,
            "--out", dir.appendingPathComponent("extra").path
        ])
        let ended = roundsRun == 3 ? "--rounds 2 allows rounds 0 to 2" : "ended with round \(roundsRun - 1)"
        #expect(extra.code == 64 && extra.stderr.contains(ended), "\(extra.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("extra").path))
        // Round 1 of another study (another seed) is not proposed from this study's round 0.
        let foreign = try EndToEndTests.run([
            "condition", sharp, "--rounds", "2", "--seed", "99", "--shard", "1/2", "--round", "1", "--after", parts,
            "--out", dir.appendingPathComponent("foreign").path
        ])
        #expect(foreign.code == 64 && foreign.stderr.contains("another study's") && foreign.stderr.contains("seed"), "\(foreign.stderr)")
        // A loose observation: round 0 reaches the target, so round 1 is refused.
        let loose = try write("loose", error: 10)
        let looseParts = dir.appendingPathComponent("loose-parts").path
        for k in 1...2 {
            let shard = try EndToEndTests.run(["condition", loose, "--shard", "\(k)/2", "--after", looseParts, "--quiet"])
            #expect(shard.code == 0, "\(shard.stderr)")
        }
        let after = try EndToEndTests.run(["condition", loose, "--shard", "1/2", "--round", "1", "--after", looseParts])
        #expect(after.code == 64 && after.stderr.contains("ended with round 0"), "\(after.stderr)")
    }
}
