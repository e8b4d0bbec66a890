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
}
