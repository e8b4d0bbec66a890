import Foundation
import Testing

/// `injurysim sobol` on the built binary: the files of a small design, the same indices for any
/// thread count, and the refusals (a chain, a scenario without uncertain inputs, a bad --by).
@Suite struct SobolEndToEndTests {
    @Test func aDesignWritesItsIndicesAndRefusesWhatItCannotRun() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv: [String] = []
        for threads in ["1", "2"] {
            let out = dir.appendingPathComponent("sobol-" + threads).path
            let run = try EndToEndTests.run([
                "sobol", "Scenarios/smoke.json", "--rows", "3", "--out", out, "--threads", threads, "--set", "months=3", "--quiet"
            ])
            #expect(run.code == 0, "\(run.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(files == ["manifest.json", "sobol.csv", "sobol.json"])
            csv.append(try String(contentsOfFile: out + "/sobol.csv", encoding: .utf8))
        }
        #expect(csv[0] == csv[1], "the indices do not depend on the thread count")
        let lines = csv[0].split(separator: "\n")
        let header =
            "figure,group,inputs,first_order,first_order_low95,first_order_high95,total,total_low95,total_high95,total_less_chance"
        #expect(lines.first.map(String.init) == header)
        // Four figures, each with the smoke scenario's groups and chance.
        let groups = Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] })
        #expect(groups.contains("chance") && groups.contains("sectors.*.claimsPerMillionOrders"))
        #expect(lines.count == 1 + 4 * groups.count)

        let by = try EndToEndTests.run(["sobol", "Scenarios/smoke.json", "--by", "sector"])
        #expect(by.code == 64 && by.stderr.contains("--by must be key") && by.stderr.contains("'sector'"), "\(by.stderr)")
        let chain = try EndToEndTests.run(["sobol", "Scenarios/national-2026-chained.json", "--out", dir.appendingPathComponent("c").path])
        #expect(chain.code == 64 && chain.stderr.contains("continues"), "\(chain.stderr)")
        let fixed = try EndToEndTests.run([
            "sobol", "Scenarios/smoke.json", "--set", "uncertainty=false", "--out", dir.appendingPathComponent("f").path
        ])
        #expect(fixed.code == 64 && fixed.stderr.contains("needs uncertain inputs"), "\(fixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c").path))
    }
}
