import InjurySimAnalysis
import Testing

/// `--shard K/N` holds the replications r with r mod N = K − 1; `auto/N` takes K − 1 from the
/// scheduler's task index; anything else is refused naming the value and what is allowed.
@Suite struct ShardSelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var environment: [String: String] = [:]
        var total: Int
        /// nil: refused with a message containing `refusal`.
        var held: [Int]?
        var refusal: String = ""
        var testDescription: String { "\(text) \(environment) of \(total)" }
    }

    static let cases: [Case] = [
        Case(text: "1/1", total: 4, held: [0, 1, 2, 3]),
        Case(text: "1/3", total: 8, held: [0, 3, 6]),
        Case(text: "2/3", total: 8, held: [1, 4, 7]),
        Case(text: "3/3", total: 8, held: [2, 5]),
        Case(text: "7/7", total: 8, held: [6]),
        Case(text: "5/7", total: 3, held: []),
        Case(text: "auto/4", environment: ["SLURM_ARRAY_TASK_ID": "0"], total: 9, held: [0, 4, 8]),
        Case(text: "auto/4", environment: ["SLURM_ARRAY_TASK_ID": "3"], total: 9, held: [3, 7]),
        Case(text: "auto/4", environment: ["JOB_COMPLETION_INDEX": "1"], total: 9, held: [1, 5]),
        // Slurm's variable wins when both are set.
        Case(text: "auto/4", environment: ["SLURM_ARRAY_TASK_ID": "2", "JOB_COMPLETION_INDEX": "0"], total: 9, held: [2, 6]),
        Case(text: "auto/4", total: 9, refusal: "neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set"),
        Case(text: "auto/4", environment: ["SLURM_ARRAY_TASK_ID": "4"], total: 9, refusal: "SLURM_ARRAY_TASK_ID=4 is not a task index from 0 to 3"),
        Case(text: "auto/4", environment: ["JOB_COMPLETION_INDEX": "-1"], total: 9, refusal: "JOB_COMPLETION_INDEX=-1"),
        Case(text: "auto/4", environment: ["SLURM_ARRAY_TASK_ID": "x"], total: 9, refusal: "SLURM_ARRAY_TASK_ID=x"),
        Case(text: "0/4", total: 9, refusal: "K must be from 1 to N = 4, got 0"),
        Case(text: "5/4", total: 9, refusal: "K must be from 1 to N = 4, got 5"),
        Case(text: "1/0", total: 9, refusal: "N must be a whole number from 1"),
        Case(text: "3", total: 9, refusal: "--shard must be K/N"),
        Case(text: "1/2/3", total: 9, refusal: "--shard must be K/N"),
        Case(text: "a/3", total: 9, refusal: "K must be a whole number from 1 to N or 'auto', got 'a'"),
        Case(text: "1/b", total: 9, refusal: "N must be a whole number from 1 to 100000, got 'b'")
    ]

    @Test(arguments: cases) func shardHoldsTheReplicationsCongruentToItsIndex(_ c: Case) {
        do throws(ShardSelection.Problem) {
            let shard = try ShardSelection(parsing: c.text, environment: c.environment)
            #expect(c.held != nil, "\(c.text) should be refused")
            #expect(shard.replications(of: c.total) == c.held)
        } catch {
            #expect(c.held == nil, "\(c.text) refused: \(error.message)")
            #expect(error.message.contains(c.refusal), "\(error.message)")
        }
    }

    /// The N shards of a study hold every replication exactly once, each in the shard `owner` names.
    @Test(arguments: [1, 2, 3, 7, 16]) func shardsPartitionTheReplications(count: Int) throws {
        for total in [0, 1, count - 1, count, count + 1, 3 * count + 2] where total >= 0 {
            var seen: [Int] = []
            for index in 1...count {
                let shard = try ShardSelection(index: index, count: count)
                for r in shard.replications(of: total) {
                    #expect(ShardSelection.owner(of: r, count: count) == index)
                    seen.append(r)
                }
            }
            #expect(seen.sorted() == Array(0..<total), "N = \(count), R = \(total)")
        }
    }
}
