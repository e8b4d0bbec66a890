import Foundation
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
    /// The command and its arguments without those that do not change results
    /// (`--resume`, `--threads`, `--quiet`): what a checkpoint must match.
    var resultKey = ""

    init(_ arguments: [String], command: String) throws(UsageError) {
        var index = 0
        var keyParts = [command]
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
            let start = index
            switch argument {
            case "--replications": replications = try integer(argument, 1...1_000_000)
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
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                files.append(argument)
            }
            // The report's options change no simulated figure, so a checkpoint ignores them too.
            if !["--resume", "--quiet", "-q", "--threads", "--no-report", "--lang"].contains(argument) { keyParts += arguments[start...index] }
            index += 1
        }
        resultKey = keyParts.joined(separator: " ")
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
}
