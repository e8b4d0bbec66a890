import Foundation
import Testing

/// A run whose money outgrows the exact range ends as a bad scenario does: exit 64, one message
/// naming the replication, month, pool and figure and what to change, no results folder — the
/// same message on one thread and on two.
@Suite(.serialized) struct MoneyOverflowEndToEndTests {
    /// smoke.json with a handful of workers, the largest balance validation allows and a 100%
    /// return: valid, and its cash leaves the range in its thirteenth year.
    static let compounding = [
        "--set", "months=180", "--set", "provinces.north.initialBalanceYuan=1e13", "--set", "basis.investmentReturnPerYear=1",
        "--set", "provinces.north.workers.food-delivery=20", "--set", "provinces.north.workers.ride-hailing=5",
        "--set", "provinces.south.workers.food-delivery=30", "--set", "provinces.south.workers.ride-hailing=8", "--replications", "3"
    ]

    @Test func anOverflowIsAnErrorWithNoResultsWrittenTheSameOnAnyThreadCount() throws {
        let dir = EndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var messages: [String] = []
        for threads in ["1", "2"] {
            let out = dir.appendingPathComponent("out-\(threads)")
            let outcome = try EndToEndTests.run(["run", "Scenarios/smoke.json", "--out", out.path, "--threads", threads] + Self.compounding)
            #expect(outcome.code == 64, "\(outcome.stderr)")
            // The estimate comes first on stderr; then the error, in one line.
            let error = outcome.stderr.components(separatedBy: "\n").first { $0.hasPrefix("injurysim run: ") } ?? ""
            #expect(outcome.stderr.hasPrefix("estimate: "), "\(outcome.stderr)")
            #expect(error.hasPrefix("injurysim run: replication 0, 20"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains(", pool north: cash left the range money is counted in exactly"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("shorten the horizon (months)"))
            #expect(!FileManager.default.fileExists(atPath: out.path), "no results folder")
            messages.append(error)
        }
        #expect(messages[0] == messages[1])
    }
}
