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
    usage: injurysim run SCENARIO [options]
           injurysim compare A.json B.json [C.json …] [options]
           injurysim sweep SCENARIO --set PATH=VALUES [--set PATH=VALUES] [options]
           injurysim solve SCENARIO --target "ruin<=0.01" [--for SECTOR|all] [options]
           injurysim sensitivity SCENARIO [options]
           injurysim validate FILE [FILE …]
           injurysim validate-model [--out docs/VALIDATION.md] [--scenario Scenarios/pilot-2022.json]
           injurysim bench [--quick] [--json] [--threads T] [--scenarios DIR]
           injurysim help

    run          simulate a scenario; print the verdict; write Results/<name>/
    compare      run scenarios with common random numbers; side by side with paired differences
    sweep        a grid over one or two fields (VALUES: a,b,c or low:high:step)
    solve        lowest per-order rate meeting a target: ruin<=P, poolruin<=P or funded>=X
    sensitivity  one input at a time over its range: a ranked tornado table
    validate     check scenario files without running them; every problem is listed
    validate-model  run the analytic checks and the pilot calibration; write docs/VALIDATION.md
    bench        measure throughput on fixed workloads (release build, from the package root)

    options: --replications N  --seed S  --threads T  --out DIR  --sample-fraction F
             --set PATH=VALUE (repeatable)  --no-uncertainty  --quiet
             --resume   continue an interrupted command from its checkpoint (same arguments)

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
        case "run", "compare", "sweep", "solve", "sensitivity":
            let options: Options
            do throws(UsageError) {
                options = try Options(rest, command: command)
            } catch {
                console.err("injurysim \(command): \(error.message)\n\n" + usage)
                return ExitCode.usage
            }
            return await runCommand(command, options, console: console)
        case "validate": return validate(rest, console: console)
        case "bench": return await Benchmark.main(rest, console: console)
        case "validate-model": return await validateModel(rest, console: console)
        case "bench-row": return await Benchmark.childMain(rest, console: console)
        case "help", "--help", "-h":
            console.out(usage)
            return ExitCode.success
        default:
            console.err("injurysim: unknown command '\(command)'\n\n" + usage)
            return ExitCode.usage
        }
    }

    struct UsageError: Error { var message: String }

    /// Options shared by the simulation commands.
    struct Options {
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
        /// Continue from the checkpoint an interrupted run of the same command left.
        var resume = false
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
                    guard let f = Double(text), f > 0, f <= 1 else {
                        throw UsageError(message: "--sample-fraction must be a number above 0 and at most 1, got '\(text)'")
                    }
                    sampleFraction = f
                case "--set": sets.append(try value(argument))
                case "--target" where command == "solve": target = try value(argument)
                case "--for" where command == "solve": forSector = try value(argument)
                case "--no-uncertainty": uncertainty = false
                case "--quiet", "-q": quiet = true
                case "--resume": resume = true
                default:
                    if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                    files.append(argument)
                }
                if !["--resume", "--quiet", "-q", "--threads"].contains(argument) { keyParts += arguments[start...index] }
                index += 1
            }
            resultKey = keyParts.joined(separator: " ")
            switch command {
            case "compare":
                guard files.count >= 2 else { throw UsageError(message: "compare needs at least two scenario files") }
            default:
                guard files.count == 1 else {
                    throw UsageError(message: files.isEmpty ? "\(command) needs a scenario file" : "\(command) takes one scenario file, got \(files.count)")
                }
            }
            if command == "solve" && target == nil {
                throw UsageError(message: "solve needs --target, for example --target \"ruin<=0.01\" or --target \"funded>=1\"")
            }
        }
    }

    /// Loads a scenario with `--set` overrides and the command-line options applied.
    static func load(_ path: String, _ options: Options, overrides: [ScenarioOverride], console: Console) throws(ScenarioError) -> (Scenario, String) {
        var (scenario, hash) = try ScenarioLoader.load(path: path, overrides: overrides)
        if let replications = options.replications { scenario.replications = replications }
        if let seed = options.seed { scenario.seed = seed }
        if let fraction = options.sampleFraction { scenario.sampleFraction = fraction }
        if let uncertainty = options.uncertainty { scenario.uncertainty = uncertainty }
        if !overrides.isEmpty { hash += "+set:" + overrides.map { $0.path + "=" + $0.text }.joined(separator: ";") }
        // The command line's sample fraction changes the money bound's scaling term.
        let log = IssueLog()
        ScenarioChecks.moneyRange(scenario, root: nil, log: log)
        if !log.issues.isEmpty { throw ScenarioError(file: path, issues: log.issues) }
        for warning in scenario.warnings { console.err("warning: \(path): \(warning)\n") }
        return (scenario, hash)
    }

    static func runCommand(_ command: String, _ options: Options, console: Console) async -> Int32 {
        let interrupt = InterruptGuard(console: console)
        defer { interrupt.cancel() }
        do throws(CommandError) {
            switch command {
            case "run": try await run(options, console: console)
            case "compare": try await compare(options, console: console)
            case "sweep": try await sweep(options, console: console)
            case "solve": try await solve(options, console: console)
            default: try await sensitivity(options, console: console)
            }
            return ExitCode.success
        } catch {
            switch error {
            case .scenario(let problem):
                console.err(problem.description + "\n")
                return ExitCode.usage
            case .usage(let message):
                console.err("injurysim \(command): \(message)\n")
                return ExitCode.usage
            case .output(let problem):
                console.err("injurysim: \(problem.description)\n")
                return ExitCode.cannotWrite
            }
        }
    }

    enum CommandError: Error {
        case scenario(ScenarioError)
        case usage(String)
        case output(OutputError)
    }

    static func loadAll(_ options: Options, overrides: [ScenarioOverride], console: Console) throws(CommandError) -> [(Scenario, String)] {
        var loaded: [(Scenario, String)] = []
        var issues: [ScenarioIssue] = []
        var files: [String] = []
        for file in options.files {
            do throws(ScenarioError) {
                loaded.append(try load(file, options, overrides: overrides, console: console))
            } catch {
                issues.append(contentsOf: error.issues)
                files.append(error.file)
            }
        }
        if !issues.isEmpty { throw .scenario(ScenarioError(file: files.joined(separator: ", "), issues: issues)) }
        return loaded
    }

    /// The one scenario file of `run`, `solve` and `sensitivity`, with its overrides applied.
    static func loadSingle(_ options: Options, console: Console) throws(CommandError) -> (Scenario, String) {
        try loadAll(options, overrides: parseOverrides(options.sets), console: console)[0]
    }

    static func parseOverrides(_ texts: [String]) throws(CommandError) -> [ScenarioOverride] {
        var overrides: [ScenarioOverride] = []
        for text in texts {
            do throws(ScenarioError) { overrides.append(try ScenarioOverride(parsing: text)) } catch { throw .scenario(error) }
        }
        return overrides
    }

    /// A claimed results folder and the checkpoint of the command writing it.
    struct Claim {
        var folder: OutputFolder
        var checkpoint: Checkpoint

        /// Runs `work` with finished replications kept in (and, on `--resume`, loaded from) the checkpoint.
        func simulate<R>(_ work: () async -> R) async -> R {
            await ReplicationStores.$current.withValue(checkpoint) { await work() }
        }

        func release() {
            folder.abandon()
            StagingCleanup.shared.checkpoint = nil
        }
    }

    /// Claims the results folder before any simulating, so a folder that may not be replaced
    /// is refused at once rather than after a long run, and opens the command's checkpoint.
    static func claim(_ directory: String, _ options: Options, hashes: [String], console: Console) throws(CommandError) -> Claim {
        let folder: OutputFolder
        let checkpoint: Checkpoint
        do throws(OutputError) {
            folder = try OutputFolder.claim(directory)
            do throws(OutputError) {
                checkpoint = try Checkpoint.open(for: folder.target, key: options.resultKey + " | " + hashes.joined(separator: " "),
                                                 resume: options.resume, userPath: directory)
            } catch {
                folder.abandon()
                throw error
            }
        } catch { throw .output(error) }
        for note in folder.notes { console.err("injurysim: \(note)\n") }
        if options.resume && !options.quiet { console.err("injurysim: resuming: \(checkpoint.keptCount) finished replications kept in \(checkpoint.folder.path)\n") }
        StagingCleanup.shared.checkpoint = checkpoint
        return Claim(folder: folder, checkpoint: checkpoint)
    }

    /// Puts the results in place; the checkpoint is removed only once they are.
    static func write(_ files: [(name: String, text: String)], to claim: Claim) throws(CommandError) {
        do throws(OutputError) { try claim.folder.commit(files) } catch { throw .output(error) }
        claim.checkpoint.remove()
    }

    /// Refuses a run that would not fit in memory, before allocating anything, and says what
    /// to change; otherwise shows the estimate on a terminal.
    static func checkResources(_ scenarios: [Scenario], _ options: Options, console: Console) throws(CommandError) {
        let estimates = scenarios.map { ResourceEstimate(scenario: $0, replications: $0.replications, threads: options.threads) }
        guard let largest = estimates.max(by: { $0.bytes < $1.bytes }) else { return }
        let available = ResourceEstimate.availableBytes
        let summary = "\(largest.slots) worker slots × \(largest.inFlight) replication\(largest.inFlight == 1 ? "" : "s") in flight: "
            + "about \(ResourceEstimate.describe(bytes: largest.bytes)) of memory"
        if largest.bytes > 0.8 * available {
            throw .usage("this run needs \(summary), more than 80% of the \(ResourceEstimate.describe(bytes: available)) this machine has; "
                         + "lower --sample-fraction (or the scenario's sampleFraction), or --threads (fewer replications in flight), or --replications")
        }
        if !options.quiet && console.errIsTerminal {
            let days = estimates.reduce(0) { $0 + $1.workerDays }
            console.err("estimate: \(summary); \(Format.scientific(days)) worker-days in all\n")
        }
    }

    static func progressHandler(_ options: Options, console: Console, total: Int, label: String = "replications") -> ProgressLine? {
        options.quiet || !console.errIsTerminal ? nil : ProgressLine(total: total, console: console, label: label)
    }

    static func run(_ options: Options, console: Console) async throws(CommandError) {
        let (scenario, hash) = try loadSingle(options, console: console)
        try checkResources([scenario], options, console: console)
        let outDirectory = options.out ?? "Results/" + scenario.name
        let folder = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        let progress = progressHandler(options, console: console, total: scenario.replications)
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { done in progress.update(done: done) } }
        let results = await folder.simulate {
            await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: options.threads, progress: onProgress)
        }
        progress?.finish()
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(scenario: scenario, scenarioFile: URL(fileURLWithPath: options.files[0]).lastPathComponent,
                                contentHash: hash, results: results, summary: summary)
        try write(files.files, to: folder)
        if !options.quiet {
            console.out(ConsoleReport.render(scenario: scenario, summary: summary))
            console.out("\nResults written to \(outDirectory)/ (summary.json, monthly.csv, replications.csv, manifest.json)\n")
        }
    }

    /// Manifest of a policy command's folder.
    static func policyManifest(command: String, scenarios: [(Scenario, String)], files: [String], extra: [String: JSONOut] = [:]) -> String {
        var object: [String: JSONOut] = [
            "formatVersion": .number(String(ResultFiles.formatVersion)),
            "generator": .string("injurysim " + command),
            "scenarios": .array(scenarios.map { scenario, hash in
                .object(["name": .string(scenario.name), "contentHash": .string(hash)])
            }),
            "seed": .number(String(scenarios[0].0.seed)),
            "replications": .number(String(scenarios[0].0.replications)),
            "sampleFraction": Format.json(scenarios[0].0.sampleFraction, 6),
            "files": .array(files.map(JSONOut.string)),
        ]
        for (key, value) in extra { object[key] = value }
        return JSONOut.object(object).rendered()
    }

    /// Writes a policy command's files and manifest as one folder, then prints its report.
    static func publish(_ command: String, _ files: [(name: String, text: String)], scenarios: [(Scenario, String)],
                        extra: [String: JSONOut] = [:], to folder: Claim, options: Options, console: Console,
                        header: String?, body: String) throws(CommandError) {
        let names = files.map(\.name) + ["manifest.json"]
        try write(files + [("manifest.json", policyManifest(command: command, scenarios: scenarios, files: names, extra: extra))],
                  to: folder)
        let outDirectory = folder.folder.path
        guard !options.quiet else { return }
        if let header { console.out(header + "\n") }
        console.out(body)
        console.out("\nResults written to \(outDirectory)/ (\(names.joined(separator: ", ")))\n")
    }

    static func compare(_ options: Options, console: Console) async throws(CommandError) {
        let overrides = try parseOverrides(options.sets)
        var loaded = try loadAll(options, overrides: overrides, console: console)
        // Common random numbers: every scenario runs the first one's seed, replications and
        // sample fraction (unless given on the command line), so replication r is the same world.
        let first = loaded[0].0
        for index in loaded.indices {
            loaded[index].0.seed = first.seed
            loaded[index].0.replications = first.replications
            loaded[index].0.sampleFraction = first.sampleFraction
        }
        let names = loaded.map(\.0.name)
        if Set(names).count != names.count { throw .usage("the scenarios must have different names; got \(names.joined(separator: ", "))") }
        try checkResources(loaded.map(\.0), options, console: console)
        let outDirectory = options.out ?? "Results/compare-" + names.joined(separator: "-vs-")
        let folder = try claim(outDirectory, options, hashes: loaded.map(\.1), console: console)
        defer { folder.release() }
        let progress = progressHandler(options, console: console, total: first.replications * loaded.count)
        let counter = ProgressCounter()
        var entries: [Comparison.Entry] = []
        for (scenario, _) in loaded {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let metrics = await folder.simulate { await PolicyCommands.metrics(scenario, threads: options.threads, progress: onProgress) }
            entries.append(Comparison.Entry(name: scenario.name, startMonth: scenario.startMonth, metrics: metrics))
        }
        progress?.finish()
        let comparison = Comparison(entries: entries)
        try publish("compare", [("compare.csv", comparison.renderCSV()), ("compare.json", comparison.renderJSON().rendered())],
                    scenarios: loaded, to: folder, options: options, console: console,
                    header: "InjurySim compare — \(first.replications) replications, seed \(first.seed), sample fraction \(Format.fixed(first.sampleFraction, 4) ?? "")",
                    body: comparison.renderTable())
    }

    static func sweep(_ options: Options, console: Console) async throws(CommandError) {
        var axes: [PolicyCommands.SweepAxis] = []
        var fixed: [ScenarioOverride] = []
        for text in options.sets {
            do throws(ScenarioError) {
                let axis = try PolicyCommands.SweepAxis(parsing: text)
                if axis.isAxis { axes.append(axis) } else { fixed.append(try ScenarioOverride(parsing: text)) }
            } catch { throw .scenario(error) }
        }
        guard (1...2).contains(axes.count) else {
            throw .usage("sweep needs one or two --set PATH=VALUES with several values (a,b,c or low:high:step); got \(axes.count)")
        }
        var grid: [[(String, String)]] = [[]]
        for axis in axes { grid = grid.flatMap { point in axis.values.map { point + [(axis.path, $0)] } } }
        // Validate every grid point before running any.
        var points: [(settings: [(String, String)], scenario: Scenario, hash: String)] = []
        var issues: [ScenarioIssue] = []
        for settings in grid {
            do throws(ScenarioError) {
                let overrides = try fixed + settings.map { (path, value) throws(ScenarioError) in try ScenarioOverride(parsing: path + "=" + value) }
                let (scenario, hash) = try load(options.files[0], options, overrides: overrides, console: console)
                points.append((settings, scenario, hash))
            } catch {
                issues.append(contentsOf: error.issues.filter { issue in !issues.contains(issue) })
            }
        }
        if !issues.isEmpty { throw .scenario(ScenarioError(file: options.files[0], issues: issues)) }
        try checkResources(points.map(\.scenario), options, console: console)
        let name = points[0].scenario.name
        let outDirectory = options.out ?? "Results/" + name + "-sweep"
        let folder = try claim(outDirectory, options, hashes: points.map(\.hash), console: console)
        defer { folder.release() }
        let replications = points[0].scenario.replications
        let progress = progressHandler(options, console: console, total: replications * points.count)
        let counter = ProgressCounter()
        var results: [PolicyCommands.SweepPoint] = []
        for point in points {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let metrics = await folder.simulate { await PolicyCommands.metrics(point.scenario, threads: options.threads, progress: onProgress) }
            results.append(PolicyCommands.SweepPoint(settings: point.settings.map { (path: $0.0, value: $0.1) }, metrics: metrics))
        }
        progress?.finish()
        let table = SweepTable(axes: axes.map(\.path), points: results)
        let axesJSON = JSONOut.array(axes.map { axis in
            .object(["path": .string(axis.path), "values": .array(axis.values.map(JSONOut.string))])
        })
        try publish("sweep", [("sweep.csv", table.renderCSV()), ("sweep.json", table.renderJSON().rendered())],
                    scenarios: [(points[0].scenario, points[0].hash)], extra: ["axes": axesJSON], to: folder,
                    options: options, console: console,
                    header: "InjurySim sweep — \(name): \(points.count) grid points × \(replications) replications (common random numbers), seed \(points[0].scenario.seed)",
                    body: table.renderTable())
    }

    static func solve(_ options: Options, console: Console) async throws(CommandError) {
        let (scenario, hash) = try loadSingle(options, console: console)
        guard let targetText = options.target, let target = PolicyCommands.Target(parsing: targetText) else {
            throw .usage("--target must be ruin<=P, poolruin<=P (P from 0 to 1, or a percentage) or funded>=X; got '\(options.target ?? "")'")
        }
        var sector: Int?
        if let name = options.forSector, name != "all" {
            guard let index = scenario.sectors.firstIndex(where: { $0.name == name }) else {
                throw .usage("--for must be all or a sector of the scenario (\(scenario.sectors.map(\.name).joined(separator: ", "))); got '\(name)'")
            }
            sector = index
        }
        try checkResources([scenario], options, console: console)
        let outDirectory = options.out ?? "Results/" + scenario.name + "-solve"
        let folder = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        var onProgress: (@Sendable (String) -> Void)?
        if !options.quiet && console.errIsTerminal { onProgress = { step in console.err("\r\u{1B}[2Ksolve: \(step)…") } }
        let solution = await folder.simulate {
            await PolicyCommands.solve(scenario, target: target, sector: sector, threads: options.threads, progress: onProgress)
        }
        if onProgress != nil { console.err("\r\u{1B}[2K") }
        let report = SolveReport(solution: solution)
        try publish("solve", [("solve.json", report.renderJSON().rendered())], scenarios: [(scenario, hash)],
                    extra: ["target": .string(targetText), "for": .string(options.forSector ?? "all")], to: folder,
                    options: options, console: console,
                    header: "InjurySim solve — \(scenario.name), \(scenario.replications) replications, seed \(scenario.seed)",
                    body: report.renderText())
    }

    static func sensitivity(_ options: Options, console: Console) async throws(CommandError) {
        let (scenario, hash) = try loadSingle(options, console: console)
        try checkResources([scenario], options, console: console)
        let outDirectory = options.out ?? "Results/" + scenario.name + "-sensitivity"
        let folder = try claim(outDirectory, options, hashes: [hash], console: console)
        defer { folder.release() }
        var onProgress: (@Sendable (String) -> Void)?
        let total = 1 + 2 * PolicyCommands.sensitivityInputs.count
        let counter = ProgressCounter()
        if !options.quiet && console.errIsTerminal {
            onProgress = { step in console.err("\r\u{1B}[2Ksensitivity: run \(counter.increment())/\(total) (\(step))…") }
        }
        let outcome = await folder.simulate { await PolicyCommands.sensitivity(scenario, threads: options.threads, progress: onProgress) }
        if onProgress != nil { console.err("\r\u{1B}[2K") }
        let report = SensitivityReport(scenario: scenario, baselineRuin: outcome.baselineRuin,
                                       baselineBreakEven: outcome.baselineBreakEven, rows: outcome.rows)
        try publish("sensitivity", [("sensitivity.csv", report.renderCSV()), ("sensitivity.json", report.renderJSON().rendered())],
                    scenarios: [(scenario, hash)], to: folder, options: options, console: console, header: nil,
                    body: report.renderTable())
    }

    /// Runs the model checks and the calibration and writes the validation report.
    static func validateModel(_ arguments: [String], console: Console) async -> Int32 {
        var out = "docs/VALIDATION.md"
        var scenario = "Scenarios/pilot-2022.json"
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var index = 0
        while index < arguments.count {
            let flag = arguments[index]
            index += 1
            guard index < arguments.count, ["--out", "--scenario", "--threads"].contains(flag) else {
                console.err("injurysim validate-model: unknown or incomplete option '\(flag)'\n\n" + usage)
                return ExitCode.usage
            }
            switch flag {
            case "--out": out = arguments[index]
            case "--scenario": scenario = arguments[index]
            default:
                guard let n = Int(arguments[index]), (1...1024).contains(n) else {
                    console.err("injurysim validate-model: --threads must be a whole number from 1 to 1024\n")
                    return ExitCode.usage
                }
                threads = n
            }
            index += 1
        }
        let checks = await ModelValidation.checks(threads: threads)
        let settings = ModelValidation.CalibrationRun()
        let calibration: [PublishedComparison]
        do throws(ScenarioError) {
            calibration = try await ModelValidation.calibration(scenarioPath: scenario, settings: settings, threads: threads)
        } catch {
            console.err(error.description + "\n")
            return ExitCode.usage
        }
        let text = ModelValidation.report(checks: checks, calibration: calibration, settings: settings)
        do {
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            console.err("injurysim: cannot write \(out): \(error.localizedDescription)\n")
            return ExitCode.cannotWrite
        }
        for check in checks { console.out((check.passed ? "pass  " : "FAIL  ") + check.name + ": " + check.simulated + "\n") }
        for p in calibration {
            console.out("calib " + p.figure + " " + p.month.description + ": published " + (Format.fixed(p.published, 0) ?? "")
                        + ", simulated median " + (Format.fixed(p.simulated.p50, 0) ?? "") + " [90%: " + (Format.fixed(p.simulated.p5, 0) ?? "")
                        + " – " + (Format.fixed(p.simulated.p95, 0) ?? "") + "]\n")
        }
        console.out("Wrote \(out)\n")
        return checks.allSatisfy(\.passed) ? ExitCode.success : 1
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
                for warning in scenario.warnings { console.err("warning: \(file): \(warning)\n") }
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

/// A thread-safe counter for progress across several runs.
final class ProgressCounter: @unchecked Sendable {
    // Safe: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Shows "replications 12/64 · 18 s elapsed · about 78 s left" on a terminal, for runs over a second.
final class ProgressLine: @unchecked Sendable {
    // Safe: mutable state is only touched while holding `lock`.
    private let lock = NSLock()
    private let total: Int
    private let console: Console
    private let label: String
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var shown = false

    init(total: Int, console: Console, label: String = "replications") {
        self.total = total
        self.console = console
        self.label = label
        self.started = clock.now
    }

    func update(done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = seconds(clock.now - started)
        guard elapsed >= 1 else { return }
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        console.err("\r\u{1B}[2K\(label) \(done)/\(total) · \(Int(elapsed)) s elapsed · about \(Int(left.rounded(.up))) s left")
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
                if let checkpoint = StagingCleanup.shared.checkpoint, checkpoint.keptCount > 0 {
                    console.err("\ninjurysim: interrupted; no results were written, and the \(checkpoint.keptCount) replications that finished "
                                + "are kept in \(checkpoint.folder.path)\n           run the same command with --resume to continue\n")
                } else {
                    StagingCleanup.shared.checkpoint?.remove()
                    console.err("\ninjurysim: interrupted; no results were written\n")
                }
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

extension Program {
    /// Runs ``main(arguments:console:)`` on a detached task and blocks the calling thread until
    /// it returns (for the executable's synchronous entry point).
    public static func runBlocking(arguments: [String]) -> Int32 {
        let box = ExitBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.set(await main(arguments: arguments))
            done.signal()
        }
        done.wait()
        return box.value
    }

    /// Ends the process with `code` (output is written unbuffered, so nothing is lost).
    public static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }
}

/// The exit code handed from the detached task to the waiting thread.
final class ExitBox: @unchecked Sendable {
    // Safe: written once before the semaphore is signalled, read after it is waited on; the lock
    // makes the hand-over explicit.
    private let lock = NSLock()
    private var code: Int32 = 0

    func set(_ value: Int32) { lock.lock(); code = value; lock.unlock() }
    var value: Int32 { lock.lock(); defer { lock.unlock() }; return code }
}
