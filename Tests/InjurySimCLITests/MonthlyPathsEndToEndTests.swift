import Foundation
import Testing

/// `run --monthly-paths`: every replication's monthly figures, the same bytes on any thread
/// count, and the values `monthly.csv` summarises.
@Suite(.serialized) struct MonthlyPathsEndToEndTests {
    typealias E2E = EndToEndTests

    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func monthlyPathsAreTheSameOnAnyThreadCountAndAverageToMonthlyCSV() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["--replications", "5", "--set", "months=4", "--quiet", "--no-report", "--monthly-paths"]
        var texts: [String] = []
        for threads in ["1", "2"] {
            let out = dir.appendingPathComponent("t" + threads)
            let outcome = try E2E.run(["run", "Scenarios/smoke.json", "--out", out.path, "--threads", threads] + options)
            #expect(outcome.code == 0, "\(outcome.stderr)")
            texts.append(try String(contentsOf: out.appendingPathComponent("monthly-paths.csv"), encoding: .utf8))
            let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"monthly-paths.csv\""))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0].hasPrefix("replication,month,pool,figure,value\n"))
        let paths = Self.rows(texts[0])
        // Every replication × month × pool × figure once: 5 × 4 × the pools and total × the figures.
        let monthly = Self.rows(try String(contentsOf: dir.appendingPathComponent("t1/monthly.csv"), encoding: .utf8))
        #expect(paths.count == 5 * monthly.count)
        #expect(Set(paths.map { $0[0] }) == ["0", "1", "2", "3", "4"])
        // Each monthly.csv mean is the mean of the five paths' values (to its 2 decimals).
        var sums: [String: Double] = [:]
        for row in paths { sums[row[1] + "," + row[2] + "," + row[3], default: 0] += Double(row[4]) ?? .nan }
        for row in monthly {
            let key = row[0] + "," + row[1] + "," + row[2]
            let mean = try #require(sums[key]) / 5
            #expect(abs(mean - (Double(row[3]) ?? .nan)) <= 0.006, "\(key): \(mean) vs \(row[3])")
        }
        let sharded = try E2E.run(["run", "Scenarios/smoke.json", "--shard", "1/2", "--out", dir.appendingPathComponent("s").path] + options)
        #expect(sharded.code == 64 && sharded.stderr.contains("--monthly-paths cannot be given with --shard"), "\(sharded.stderr)")
    }
}
