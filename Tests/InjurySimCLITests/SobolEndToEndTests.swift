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
            #expect(files == ["manifest.json", "report.html", "sobol.csv", "sobol.json"])
            csv.append(try String(contentsOfFile: out + "/sobol.csv", encoding: .utf8))
        }
        // The page: `report` renders the same bytes from the folder alone, and its lead names the
        // group with the largest first-order index of the break-even rate in sobol.csv (read back).
        let out = dir.appendingPathComponent("sobol-1").path
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let again = dir.appendingPathComponent("again.html").path
        #expect(try EndToEndTests.run(["report", out, "--out", again]).code == 0)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == page, "report re-renders the same bytes")
        let breakEven = csv[0].split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[0] == "breakEvenRateYuanPerOrder" && $0[1] != "chance" }
        let top = try #require(breakEven.max { (Double($0[3]) ?? -9) < (Double($1[3]) ?? -9) })
        let words = ["sectors.*.claimsPerMillionOrders": "claim rates", "provinces.*.averageMonthlyWageYuan": "wages"]
        #expect(page.contains("The break-even rate: \(words[top[1]] ?? top[1]) carry "), "the lead names \(top[1])")
        let zh = try EndToEndTests.run(["report", out, "--lang", "zh", "--out", "-"])
        #expect(zh.code == 0 && zh.stdout.contains("盈亏平衡费率：") && zh.stdout.contains("lang=\"zh-CN\""))
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

    /// Shards of a design (each its share of the worlds, any thread count) merge into the folder
    /// one machine writes, byte for byte; a part of another grouping is another study.
    @Test func aShardedDesignMergesIntoTheSameFolder() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["Scenarios/smoke.json", "--rows", "3", "--set", "months=3", "--quiet"]
        let one = dir.appendingPathComponent("one").path
        let whole = try EndToEndTests.run(["sobol"] + common + ["--out", one, "--threads", "2"])
        #expect(whole.code == 0, "\(whole.stderr)")
        var parts: [String] = []
        for k in 1...3 {
            let part = dir.appendingPathComponent("part-\(k)").path
            let shard = try EndToEndTests.run(["sobol"] + common + ["--shard", "\(k)/3", "--out", part, "--threads", k == 2 ? "2" : "1"])
            #expect(shard.code == 0, "\(shard.stderr)")
            parts.append(part)
        }
        let merged = dir.appendingPathComponent("merged").path
        let merge = try EndToEndTests.run(["merge"] + parts + ["--out", merged, "--quiet"])
        #expect(merge.code == 0, "\(merge.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: one).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged).sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: one + "/" + name) == FileManager.default.contents(atPath: merged + "/" + name), "\(name)")
        }
        // Shard 3 of a design grouped by input is another study: refused, nothing written.
        let other = dir.appendingPathComponent("other").path
        let byInput = try EndToEndTests.run(["sobol"] + common + ["--by", "input", "--shard", "3/3", "--out", other])
        #expect(byInput.code == 0, "\(byInput.stderr)")
        let mixed = try EndToEndTests.run(["merge", parts[0], parts[1], other, "--out", dir.appendingPathComponent("mixed").path])
        #expect(mixed.code == 65 && mixed.stderr.contains("grouping"), "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("mixed").path))
    }
}
