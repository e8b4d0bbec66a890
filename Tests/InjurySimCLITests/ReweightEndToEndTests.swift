import Foundation
import Testing

/// `injurysim reweight` on the built binary: a finished smoke run read back, a what-if the run
/// can answer, the refusals (named input, exit 65), and a folder of another scenario refused.
@Suite struct ReweightEndToEndTests {
    @Test func aRunIsReweightedOrTheRefusalNamesTheInput() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("smoke").path
        let run = try EndToEndTests.run(["run", "Scenarios/smoke.json", "--out", out, "--threads", "2", "--no-report", "--set", "months=3"])
        #expect(run.code == 0, "\(run.stderr)")

        let same = try EndToEndTests.run(["reweight", "Scenarios/smoke.json", out])
        #expect(same.code == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Nothing to reweight") && same.stdout.contains("effective sample size 8.0 of 8 worlds"))

        let path = "provinces.south.averageMonthlyWageYuan"
        let wider = try EndToEndTests.run(["reweight", "Scenarios/smoke.json", out, "--set", path + "={\"uniform\": [8000, 9000]}"])
        #expect(wider.code == 65)
        #expect(wider.stderr.contains(path) && wider.stderr.contains("never draws"), "\(wider.stderr)")

        let fixed = try EndToEndTests.run(["reweight", "Scenarios/smoke.json", out, "--set", path + "=9000"])
        #expect(fixed.code == 65 && fixed.stderr.contains(path) && fixed.stderr.contains("cannot fix"), "\(fixed.stderr)")

        let typo = try EndToEndTests.run([
            "reweight", "Scenarios/smoke.json", out, "--set", "provinces.south.averageMonthlyWage={\"uniform\": [1, 2]}"
        ])
        #expect(typo.code == 64 && typo.stderr.contains("averageMonthlyWage"), "\(typo.stderr)")

        // A run whose uncertain inputs differ from the file's is another scenario's folder.
        let other = dir.appendingPathComponent("other").path
        let changed = try EndToEndTests.run([
            "run", "Scenarios/smoke.json", "--out", other, "--threads", "2", "--no-report", "--set", "months=3", "--set",
            path + "={\"uniform\": [8000, 10000]}"
        ])
        #expect(changed.code == 0, "\(changed.stderr)")
        let mismatch = try EndToEndTests.run(["reweight", "Scenarios/smoke.json", other])
        #expect(mismatch.code == 65 && mismatch.stderr.contains("not this scenario's"), "\(mismatch.stderr)")

        let missing = try EndToEndTests.run(["reweight", "Scenarios/smoke.json", dir.appendingPathComponent("none").path])
        #expect(missing.code == 65)
        let usage = try EndToEndTests.run(["reweight", "Scenarios/smoke.json"])
        #expect(usage.code == 64 && usage.stderr.contains("needs a scenario file and a results folder"), "\(usage.stderr)")
    }
}
