import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// Options shared by the simulation commands.
struct CommandOptions {
    var files: [String] = []
    var replications: Int?
    var seed: UInt64?
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var out: String?
    var sampleFraction: Double?
    var uncertainty: Bool?
    var quiet = false
    var sets: [String] = []
    var target: String?
    var forSector: String?
    /// The report's language (`--lang en|zh`); nil: English.
    var language: ReportLanguage?
    /// `--no-report`: write no `report.html`.
    var noReport = false
    /// `--monthly-paths` (run): also write every replication's monthly figures.
    var monthlyPaths = false
    /// Continue from the checkpoint an interrupted run of the same command left.
    var resume = false
    /// `--shard K/N` or `auto/N` as given: run one task's share of the replications and write a part.
    var shard: String?
    /// `sobol`: the design's base rows and how inputs are grouped.
    var rows = 32
    var grouping = GlobalSensitivity.Grouping.key
    /// `condition`: the most rounds after the first; with `--shard`, the round a task runs and
    /// the folder holding the earlier rounds' parts.
    var rounds = 3
    var round: Int?
    var after: String?
    var command: CommandName

    /// The simulation options of a command line the shared parser has read (which already
    /// refused unknown, doubled and incomplete options and a wrong number of files).
    init(_ parsed: ParsedArguments) throws(UsageError) {
        command = parsed.command
        files = parsed.operands
        replications = try parsed.integer("--replications", 1...Scenario.maximumReplications)
        seed = try parsed.integer("--seed", 0...(1 << 53)).map(UInt64.init)
        if let threads = try parsed.integer("--threads", 1...1024) { self.threads = threads }
        out = parsed.value("--out")
        if let text = parsed.value("--sample-fraction") {
            let range = ScenarioLoader.sampleFractionRange
            guard let f = Double(text), range.contains(f) else {
                let low = Format.fixed(range.lowerBound, 6) ?? "", high = Format.fixed(range.upperBound, 0) ?? ""
                throw UsageError(
                    message: "--sample-fraction must be a number from \(low) to \(high) (the range of the scenario's sampleFraction), "
                        + "got '\(text)'")
            }
            sampleFraction = f
        }
        sets = parsed.values("--set")
        target = parsed.value("--target")
        forSector = parsed.value("--for")
        if parsed.has("--no-uncertainty") { uncertainty = false }
        quiet = parsed.has("--quiet")
        resume = parsed.has("--resume")
        shard = parsed.value("--shard")
        noReport = parsed.has("--no-report")
        monthlyPaths = parsed.has("--monthly-paths")
        language = try parsed.language()
        if let rows = try parsed.integer("--rows", 2...100_000) { self.rows = rows }
        if let rounds = try parsed.integer("--rounds", 0...20) { self.rounds = rounds }
        round = try parsed.integer("--round", 0...20)
        after = parsed.value("--after")
        if let text = parsed.value("--by") {
            guard let grouping = GlobalSensitivity.Grouping(rawValue: text) else {
                throw UsageError(message: "--by must be key (group inputs by field) or input (one group per input), got '\(text)'")
            }
            self.grouping = grouping
        }
        if command == .solve && target == nil {
            throw UsageError(
                message: "solve needs --target, for example --target \"ruin<=0.01\", \"insolvency<=0.05\", \"funded>=1\" or \"reserve>=12@2055:0.95\""
            )
        }
    }

    /// What a checkpoint must match to be resumed: the study, not the command's spelling. The
    /// command, the scenario files' names (their contents are in the hashes the caller adds),
    /// every option that changes a simulated figure as parsed, and the shard resolved to K/N —
    /// not the paths, `--out`, `--threads`, `--quiet`, `--resume` or the report's options.
    func studyKey(environment: [String: String]) -> String {
        var parts = [command.rawValue] + files.map { URL(fileURLWithPath: $0).lastPathComponent }
        if let replications { parts.append("replications=\(replications)") }
        if let seed { parts.append("seed=\(seed)") }
        if let sampleFraction { parts.append("sampleFraction=\(sampleFraction)") }
        if let uncertainty { parts.append("uncertainty=\(uncertainty)") }
        parts += sets.map { "set " + $0 }
        if let target { parts.append("target=" + target) }
        if let forSector { parts.append("for=" + forSector) }
        if command == .sobol { parts += ["rows=\(rows)", "by=" + grouping.rawValue] }
        if command == .condition { parts += ["rounds=\(rounds)"] + (round.map { ["round=\($0)"] } ?? []) }
        if let shard {
            let resolved = (try? ShardSelection(parsing: shard, environment: environment)).map { "\($0.index)/\($0.count)" }
            parts.append("shard=" + (resolved ?? shard))
        }
        return parts.joined(separator: " ")
    }
}
