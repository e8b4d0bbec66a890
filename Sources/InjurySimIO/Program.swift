import Foundation
import InjurySimCore
import InjurySimEngine

/// Exit codes, following BSD sysexits where one fits.
public enum ExitCode {
    public static let success: Int32 = 0
    /// Bad arguments or a scenario with problems (EX_USAGE).
    public static let usage: Int32 = 64
    /// The results folder could not be written (EX_CANTCREAT).
    public static let cannotWrite: Int32 = 73
    /// Interrupted by a signal (128 + SIGINT).
    public static let interrupted: Int32 = 130
}

/// Where a command's text goes: stdout and stderr in the real program, buffers in tests.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// True when stderr is a terminal (progress lines are shown only then).
    public var errIsTerminal: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's own stdout and stderr.
    public static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        err: { text in FileHandle.standardError.write(Data(text.utf8)) },
        errIsTerminal: isatty(2) == 1)
}

/// The library entry point behind the `injurysim` executable: parses arguments, runs the
/// command, and returns the exit code. Nothing here touches the main actor.
public enum Program {
    public static let usage = """
    usage: injurysim run SCENARIO [--replications N] [--seed S] [--threads T] [--out DIR]
                                  [--sample-fraction F] [--no-uncertainty] [--quiet]
           injurysim validate FILE [FILE …]
           injurysim help

    run        simulate a scenario and write Results/<scenario name>/ (or --out DIR)
    validate   check scenario files without running them; every problem is listed

    Exit codes: 0 ok, 64 bad arguments or scenario, 73 results cannot be written, 130 interrupted.

    """

    /// Runs `arguments` (without the program name).
    public static func main(arguments: [String], console: Console = .standard) async -> Int32 {
        guard let command = arguments.first else {
            console.err(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "run": return await run(rest, console: console)
        case "validate": return validate(rest, console: console)
        case "help", "--help", "-h":
            console.out(usage)
            return ExitCode.success
        default:
            console.err("injurysim: unknown command '\(command)'\n\n" + usage)
            return ExitCode.usage
        }
    }

    struct UsageError: Error { var message: String }

    /// Options of `run`.
    struct RunOptions {
        var scenarioPath = ""
        var replications: Int?
        var seed: UInt64?
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var out: String?
        var sampleFraction: Double?
        var uncertainty: Bool?
        var quiet = false

        init(_ arguments: [String]) throws(UsageError) {
            var index = 0
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
            var positional: [String] = []
            while index < arguments.count {
                let argument = arguments[index]
                switch argument {
                case "--replications": replications = try integer(argument, 1...1_000_000)
                case "--seed": seed = UInt64(try integer(argument, 0...(1 << 53)))
                case "--threads": threads = try integer(argument, 1...1024)
                case "--out": out = try value(argument)
                case "--sample-fraction":
                    let text = try value(argument)
                    guard let f = Double(text), f > 0, f <= 1 else {
                        throw UsageError(message: "--sample-fraction must be a number above 0 and at most 1, got '\(text)'")
                    }
                    sampleFraction = f
                case "--no-uncertainty": uncertainty = false
                case "--quiet", "-q": quiet = true
                default:
                    if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                    positional.append(argument)
                }
                index += 1
            }
            guard positional.count == 1 else {
                throw UsageError(message: positional.isEmpty ? "run needs a scenario file" : "run takes one scenario file, got \(positional.count)")
            }
            scenarioPath = positional[0]
        }
    }

    static func run(_ arguments: [String], console: Console) async -> Int32 {
        let options: RunOptions
        do throws(UsageError) {
            options = try RunOptions(arguments)
        } catch {
            console.err("injurysim run: \(error.message)\n\n" + usage)
            return ExitCode.usage
        }
        var scenario: Scenario
        let hash: String
        do throws(ScenarioError) {
            (scenario, hash) = try ScenarioLoader.load(path: options.scenarioPath)
        } catch {
            console.err(error.description + "\n")
            return ExitCode.usage
        }
        if let replications = options.replications { scenario.replications = replications }
        if let seed = options.seed { scenario.seed = seed }
        if let fraction = options.sampleFraction { scenario.sampleFraction = fraction }
        if let uncertainty = options.uncertainty { scenario.uncertainty = uncertainty }
        let outDirectory = options.out ?? "Results/" + scenario.name

        let interrupt = InterruptGuard(console: console)
        defer { interrupt.cancel() }
        let progress = options.quiet || !console.errIsTerminal ? nil : ProgressLine(total: scenario.replications, console: console)
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { done in progress.update(done: done) } }
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications,
                                                 threads: options.threads, progress: onProgress)
        progress?.finish()
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(scenario: scenario, scenarioFile: URL(fileURLWithPath: options.scenarioPath).lastPathComponent,
                                contentHash: hash, results: results, summary: summary)
        do throws(OutputError) {
            try ResultWriter.write(files.files, to: outDirectory)
        } catch {
            console.err("injurysim: \(error.description)\n")
            return ExitCode.cannotWrite
        }
        if !options.quiet {
            console.out(ConsoleReport.render(scenario: scenario, summary: summary))
            console.out("\nResults written to \(outDirectory)/ (summary.json, monthly.csv, replications.csv, manifest.json)\n")
        }
        return ExitCode.success
    }

    static func validate(_ files: [String], console: Console) -> Int32 {
        guard !files.isEmpty else {
            console.err("injurysim validate: name at least one scenario file\n\n" + usage)
            return ExitCode.usage
        }
        var failed = false
        for file in files {
            do throws(ScenarioError) {
                let (scenario, _) = try ScenarioLoader.load(path: file)
                let workers = PopulationPlan.slotCounts(scenario).joined().reduce(0, +)
                console.out("\(file): ok — \(scenario.name), \(scenario.provinces.count) provinces, \(scenario.sectors.count) sectors, "
                            + "\(scenario.platforms.count) platforms, \(scenario.months) months, \(workers) simulated worker slots\n")
            } catch {
                failed = true
                console.err(error.description + "\n")
            }
        }
        return failed ? ExitCode.usage : ExitCode.success
    }
}

/// Shows "replications 12/64 · 18 s elapsed · about 78 s left" on a terminal, for runs over a second.
final class ProgressLine: @unchecked Sendable {
    // Safe: mutable state is only touched while holding `lock`.
    private let lock = NSLock()
    private let total: Int
    private let console: Console
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var shown = false

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
        self.started = clock.now
    }

    func update(done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = seconds(clock.now - started)
        guard elapsed >= 1 else { return }
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        console.err("\r\u{1B}[2Kreplications \(done)/\(total) · \(Int(elapsed)) s elapsed · about \(Int(left.rounded(.up))) s left")
        shown = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { console.err("\r\u{1B}[2K") }
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// On SIGINT or SIGTERM during a run: remove staging folders and exit, leaving no partial results.
final class InterruptGuard: @unchecked Sendable {
    // Safe: the sources are created once in init and only cancelled afterwards.
    private var sources: [DispatchSourceSignal] = []

    init(console: Console) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                StagingCleanup.shared.removeAll()
                console.err("\ninjurysim: interrupted; no results were written\n")
                exit(ExitCode.interrupted)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
