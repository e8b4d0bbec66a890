import Foundation
import Testing

/// A scenario's choices on the built binary: the verdict under each choice is that of the same
/// study run with the choice's `--set` (the same worlds and chance), it reaches summary.json, the
/// console and the report, and a sharded run with choices merges byte for byte.
@Suite struct ChoicesEndToEndTests {
    @Test func theVerdictUnderAChoiceIsThatOfTheStudyRunWithIt() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = FileManager.default.currentDirectoryPath
        let scenario = dir.appendingPathComponent("choices.json")
        try """
        {"extends": "\(root)/Scenarios/smoke.json", "name": "smoke-choices", "months": 3, "replications": 6,
         "choices": ["benefits.grade1to4Allowance=toRetirement", "fund.adminCostShare=0.2"]}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let one = dir.appendingPathComponent("one").path
        let run = try EndToEndTests.run(["run", scenario.path, "--out", one, "--threads", "2"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("The verdict under each choice") && run.stdout.contains("fund.adminCostShare=0.2"), "\(run.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: one + "/summary.json"))) as? [String: Any]
        let choices = try #require(summary?["choices"] as? [[String: Any]])
        #expect(choices.map { $0["setting"] as? String } == [nil, "benefits.grade1to4Allowance=toRetirement", "fund.adminCostShare=0.2"])
        // The scenario as run: its own figures over all worlds.
        let evidence = try #require(summary?["evidence"] as? [String: Any])
        #expect(NSDictionary(dictionary: choices[0]["figures"] as? [String: Any] ?? [:]).isEqual(to: evidence["prior"] as? [String: Any] ?? ["": 0]))
        // Each choice: the figures of the same study run with its setting, apart.
        for (index, setting) in ["benefits.grade1to4Allowance=toRetirement", "fund.adminCostShare=0.2"].enumerated() {
            let out = dir.appendingPathComponent("set-\(index)").path
            let alone = try EndToEndTests.run(["run", scenario.path, "--set", setting, "--set", "choices=[]", "--out", out, "--quiet"])
            #expect(alone.code == 0, "\(alone.stderr)")
            let other = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
            let prior = (other?["evidence"] as? [String: Any])?["prior"] as? [String: Any] ?? ["": 0]
            #expect(NSDictionary(dictionary: choices[index + 1]["figures"] as? [String: Any] ?? [:]).isEqual(to: prior), "\(setting)")
        }
        // The admin charge takes a fifth of every contribution: the break-even rate moves.
        func median(_ choice: [String: Any]) -> Double? {
            ((choice["figures"] as? [String: Any])?["breakEvenRateYuanPerOrder"] as? [String: Any])?["p50"] as? Double
        }
        #expect(median(choices[2]) != median(choices[0]))
        let page = try String(contentsOfFile: one + "/report.html", encoding: .utf8)
        #expect(
            page.contains("each choice the scenario names, over the same worlds and chance")
                && page.contains("<code>adminCostShare</code><br><code>0.2</code>"),
            "\(page.count)")

        // Sharded: each part carries the choices' figures; the merge writes the same folder.
        var parts: [String] = []
        for k in 1...2 {
            let part = dir.appendingPathComponent("part-\(k)").path
            let shard = try EndToEndTests.run(["run", scenario.path, "--shard", "\(k)/2", "--out", part, "--threads", "1", "--quiet"])
            #expect(shard.code == 0, "\(shard.stderr)")
            parts.append(part)
        }
        let merged = dir.appendingPathComponent("merged").path
        let merge = try EndToEndTests.run(["merge"] + parts + ["--out", merged, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        for name in try FileManager.default.contentsOfDirectory(atPath: one) {
            #expect(FileManager.default.contents(atPath: one + "/" + name) == FileManager.default.contents(atPath: merged + "/" + name), "\(name)")
        }
    }
}
