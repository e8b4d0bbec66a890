import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimIO

/// A bad command line, with a message saying what is wrong.
struct UsageError: Error { var message: String }

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
    /// Continue from the checkpoint an interrupted run of the same command left.
    var resume = false
    /// `--shard K/N` or `auto/N` as given: run one task's share of the replications and write a part.
    var shard: String?
    var command: String

    /// Options that may be given once only (`--set` may be repeated).
    static let singleValued: Set<String> = [
        "--replications", "--seed", "--threads", "--out", "--sample-fraction", "--target", "--for", "--no-uncertainty",
        "--quiet", "-q", "--resume", "--shard", "--no-report", "--lang"
    ]

    init(_ arguments: [String], command: String) throws(UsageError) {
        self.command = command
        var index = 0
        var seen: [String: String] = [:]
        var optionsEnded = false
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "\(flag) needs a value") }
            return arguments[index]
        }
        func integer(_ flag: String, _ range: ClosedRange<Int>) throws(UsageError) -> Int {
            let text = try value(flag)
            guard let number = Int(text), range.contains(number) else {
                throw UsageError(message: "\(flag) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
            }
            return number
        }
        while index < arguments.count {
            let argument = arguments[index]
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                files.append(argument)
                index += 1
                continue
            }
            if argument == "--" {
                // Everything after `--` is a file, even when it starts with a dash.
                optionsEnded = true
                index += 1
                continue
            }
            if Self.singleValued.contains(argument) {
                let spelling = argument == "-q" ? "--quiet" : argument
                if let earlier = seen[spelling] {
                    throw UsageError(message: "\(argument) is given twice (\(earlier) and \(argument)); give it once")
                }
                seen[spelling] = argument
            }
            switch argument {
            case "--replications": replications = try integer(argument, 1...Scenario.maximumReplications)
            case "--seed": seed = UInt64(try integer(argument, 0...(1 << 53)))
            case "--threads": threads = try integer(argument, 1...1024)
            case "--out": out = try value(argument)
            case "--sample-fraction":
                let text = try value(argument)
                let range = ScenarioLoader.sampleFractionRange
                guard let f = Double(text), range.contains(f) else {
                    let low = Format.fixed(range.lowerBound, 6) ?? "", high = Format.fixed(range.upperBound, 0) ?? ""
                    throw UsageError(
                        message: "--sample-fraction must be a number from \(low) to \(high) (the range of the scenario's sampleFraction), "
                            + "got '\(text)'")
                }
                sampleFraction = f
            case "--set": sets.append(try value(argument))
            case "--target" where command == "solve": target = try value(argument)
            case "--for" where command == "solve": forSector = try value(argument)
            case "--no-uncertainty": uncertainty = false
            case "--quiet", "-q": quiet = true
            case "--resume": resume = true
            case "--shard": shard = try value(argument)
            case "--no-report": noReport = true
            case "--lang":
                let text = try value(argument)
                guard let chosen = ReportLanguage(rawValue: text) else { throw UsageError(message: "--lang must be en or zh, got '\(text)'") }
                language = chosen
            default:
                throw UsageError(message: "unknown option '\(argument)' (a file whose name starts with '-' goes after '--')")
            }
            index += 1
        }
        switch command {
        case "compare":
            guard files.count >= 2 else { throw UsageError(message: "compare needs at least two scenario files") }
        default:
            guard files.count == 1 else {
                throw UsageError(
                    message: files.isEmpty ? "\(command) needs a scenario file" : "\(command) takes one scenario file, got \(files.count)")
            }
        }
        if command == "solve" && target == nil {
            throw UsageError(message: "solve needs --target, for example --target \"ruin<=0.01\", \"insolvency<=0.05\" or \"funded>=1\"")
        }
    }

    /// What a checkpoint must match to be resumed: the study, not the command's spelling. The
    /// command, the scenario files' names (their contents are in the hashes the caller adds),
    /// every option that changes a simulated figure as parsed, and the shard resolved to K/N —
    /// not the paths, `--out`, `--threads`, `--quiet`, `--resume` or the report's options.
    func studyKey(environment: [String: String]) -> String {
        var parts = [command] + files.map { URL(fileURLWithPath: $0).lastPathComponent }
        if let replications { parts.append("replications=\(replications)") }
        if let seed { parts.append("seed=\(seed)") }
        if let sampleFraction { parts.append("sampleFraction=\(sampleFraction)") }
        if let uncertainty { parts.append("uncertainty=\(uncertainty)") }
        parts += sets.map { "set " + $0 }
        if let target { parts.append("target=" + target) }
        if let forSector { parts.append("for=" + forSector) }
        if let shard {
            let resolved = (try? ShardSelection(parsing: shard, environment: environment)).map { "\($0.index)/\($0.count)" }
            parts.append("shard=" + (resolved ?? shard))
        }
        return parts.joined(separator: " ")
    }
}
