import Foundation
import Testing

/// `injurysim plan` as a user runs it: it measures in child processes, leaves no files behind,
/// prints a plan whose tasks hold every replication, and refuses a cluster given wrongly.
@Suite(.serialized) struct PlanEndToEndTests {
    typealias E2E = EndToEndTests

    static let smoke = ["plan", "Scenarios/smoke.json", "--set", "months=3", "--measure-fraction", "0.1"]

    @Test func thePlanHoldsEveryReplicationAndFitsTheNode() throws {
        // The plan's temporary folder is its own (TMPDIR), so another test run on the machine
        // measuring at the same time cannot leave a folder in it.
        let temporary = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let outcome = try E2E.run(
            Self.smoke + [
                "--replications", "2500", "--node-cores", "2", "--node-memory", "4G", "--time-limit", "90", "--max-array-size", "1000",
                "--cpus-per-task", "1", "--task-time", "6", "--json"
            ], environment: ["TMPDIR": temporary.path])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let tasks = try #require(object["tasks"] as? Int)
        let perTask = try #require(object["replicationsPerTask"] as? Int)
        #expect(tasks * perTask >= 2500 && tasks * (perTask - 1) < 2500)
        #expect(object["cpusPerTask"] as? Int == 1)
        // The arrays cover the tasks once, none longer than MaxArraySize.
        let arrays = try #require(object["arrays"] as? [[String: Int]])
        var next = 0
        for array in arrays {
            #expect(array["offset"] == next && (array["count"] ?? 0) <= 1000)
            next += array["count"] ?? 0
        }
        #expect(next == tasks)
        // --mem within the node; --time within the limit (Slurm's forms, read back by hand here).
        let mem = try #require(object["mem"] as? String)
        #expect(mem.hasSuffix("M") && (Int(mem.dropLast()) ?? .max) <= 4096)
        let time = try #require(object["time"] as? String)
        let clock = time.split(separator: ":").compactMap { Int($0) }
        #expect(clock.count == 3 && clock[0] * 3600 + clock[1] * 60 + clock[2] <= 90 * 60)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the measurement's scratch folder is removed")
    }

    @Test func theTextPlanNamesTheSlurmRequests() throws {
        let outcome = try E2E.run(Self.smoke + ["--replications", "10", "--node-cores", "2", "--node-memory", "4G", "--time-limit", "1:00:00"])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        for word in ["tasks", "replications per task", "--cpus-per-task", "--mem", "--time", "node-hours", "part size", "merge", "sbatch --array=0-"]
        {
            #expect(outcome.stdout.contains(word), "\(word)")
        }
    }

    @Test(arguments: [
        (["--node-memory", "4G", "--time-limit", "60"], "plan needs --node-cores"),
        (["--node-cores", "2", "--node-memory", "1.5G", "--time-limit", "60"], "--node-memory must be a whole number"),
        (["--node-cores", "2", "--node-memory", "4G", "--time-limit", "1:2:3:4"], "--time-limit must be a Slurm time"),
        (
            ["--node-cores", "2", "--node-memory", "4G", "--time-limit", "60", "--cpus-per-task", "3"],
            "--cpus-per-task must be a whole number from 1 to 2"
        )
    ])
    func aClusterGivenWronglyIsRefusedByName(extra: [String], message: String) throws {
        let outcome = try E2E.run(["plan", "Scenarios/smoke.json"] + extra)
        #expect(outcome.code == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test func aStudyThatCannotFitIsRefusedWithWhatToChange() throws {
        let outcome = try E2E.run(Self.smoke + ["--node-cores", "2", "--node-memory", "1M", "--time-limit", "60"])
        #expect(outcome.code == 64)
        #expect(outcome.stderr.contains("needs more than the 1 MiB of a node"), "\(outcome.stderr)")
    }
}
