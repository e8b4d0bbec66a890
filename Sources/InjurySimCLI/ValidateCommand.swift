import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario
import InjurySimValidation

/// `injurysim validate` and `injurysim validate-model`.
extension Program {
    /// Runs the model checks and the calibration and writes the validation report.
    static func validateModel(_ options: ValidateModelOptions, console: Console) async -> Int32 {
        let (out, scenario, chain, pairs) = (options.out, options.scenario, options.chain, options.pairs)
        let (threads, checkOnly) = (options.threads, options.checkOnly)
        // Both scenario files are read first, so a wrong path fails at once, not after the checks.
        for path in [scenario, chain] {
            do throws(ScenarioError) {
                _ = try ScenarioLoader.load(path: path)
            } catch {
                console.err(error.description + "\n")
                return ExitCode.usage
            }
        }
        // Three steps of different lengths, each said when it is done.
        let progress = ProgressLine(total: 3, console: console, label: "validate-model steps done", plain: !console.errIsTerminal)
        defer { progress.finish() }
        let checks = await ModelValidation.checks(threads: threads)
        progress.update(done: 1, detail: "model checks; next: calibration")
        let settings = ModelValidation.CalibrationRun()
        let calibration: [PublishedComparison]
        // The calibration runs the user's scenario: a replication whose money leaves the exact
        // range is reported as `run` reports it (``RunStop``), not a trap.
        let stop = RunStop()
        let calibrated = await RunStop.$current.withValue(stop) { () async -> Result<[PublishedComparison], ScenarioError> in
            do throws(ScenarioError) {
                return .success(try await ModelValidation.calibration(scenarioPath: scenario, settings: settings, threads: threads))
            } catch { return .failure(error) }
        }
        if let error = stop.error {
            console.err("injurysim validate-model: \(error)\n")
            return ExitCode.usage
        }
        switch calibrated {
        case .success(let comparisons): calibration = comparisons
        case .failure(let error):
            console.err(error.description + "\n")
            return ExitCode.usage
        }
        progress.update(done: 2, detail: "calibration; next: chain continuity")
        let chainRun = ModelValidation.ChainRun()
        let continuity: (continuity: ChainContinuity, rows: [PairTrace.Row], scenario: Scenario)
        do throws(ScenarioError) {
            continuity = try await ModelValidation.chainContinuity(scenarioPath: chain, settings: chainRun)
        } catch {
            console.err(error.description + "\n")
            return ExitCode.usage
        }
        progress.update(done: 3, detail: "chain continuity")
        let chainCheck = ModelValidation.chainCheck(continuity.continuity, scenario: continuity.scenario, settings: chainRun)
        if let pairs {
            let csv = ModelValidation.pairsCSV(continuity.rows, cuts: continuity.continuity.cuts.map(\.month))
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: pairs), options: .atomic)
            } catch {
                console.err("injurysim: cannot write \(pairs): \(error.localizedDescription)\n")
                return ExitCode.cannotWrite
            }
            console.out("Wrote \(pairs)\n")
        }
        let text = ModelValidation.report(
            checks: checks + [chainCheck], calibration: calibration, settings: settings, chain: (continuity.continuity, chain))
        if checkOnly { return checkReport(text, against: out, console: console) }
        do {
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            console.err("injurysim: cannot write \(out): \(error.localizedDescription)\n")
            return ExitCode.cannotWrite
        }
        for check in checks + [chainCheck] { console.out((check.passed ? "pass  " : "FAIL  ") + check.name + ": " + check.simulated + "\n") }
        for p in calibration {
            console.out(
                "calib " + p.figure + " " + p.month.description + ": published " + (Format.fixed(p.published, 0) ?? "")
                    + ", simulated median " + (Format.fixed(p.simulated.p50, 0) ?? "") + " [90%: " + (Format.fixed(p.simulated.p5, 0) ?? "")
                    + " – " + (Format.fixed(p.simulated.p95, 0) ?? "") + "]\n")
        }
        console.out("Wrote \(out)\n")
        for flag in continuity.continuity.cuts.flatMap(\.flags) {
            console.out("chain \(flag.pair) \(flag.measure.rawValue): \(flag.before) → \(flag.after) (allowed \(flag.allowed))\n")
        }
        return (checks + [chainCheck]).allSatisfy(\.passed) ? ExitCode.success : 1
    }

    /// `validate-model --check`: the committed report's outline against a fresh run's; writes nothing.
    static func checkReport(_ text: String, against path: String, console: Console) -> Int32 {
        guard let committed = try? String(contentsOfFile: path, encoding: .utf8) else {
            console.err("injurysim validate-model: cannot read \(path)\n")
            return ExitCode.usage
        }
        let fresh = ValidationOutline(parsing: text)
        let problems = ValidationOutline(parsing: committed).problems(comparedWith: fresh)
        for problem in problems { console.err("validate-model: \(problem)\n") }
        console.out(
            "validate-model --check: \(fresh.checks.filter(\.passed).count) of \(fresh.checks.count) checks pass, "
                + "\(fresh.calibration.filter(\.passed).count) of \(fresh.calibration.count) published figures inside; "
                + (problems.isEmpty ? "\(path) is current\n" : "\(problems.count) problem(s)\n"))
        return problems.isEmpty ? ExitCode.success : 1
    }

    /// `validate FILE…`: the files the shared parser read (at least one; after `--` a file may start with a dash).
    static func validate(_ files: [String], console: Console) -> Int32 {
        var failed = false
        for file in files {
            do throws(ScenarioError) {
                let (scenario, _) = try ScenarioLoader.load(path: file)
                for warning in scenario.warnings { console.err("warning: \(file): \(warning)\n") }
                let workers = PopulationPlan.slotCounts(scenario).joined().reduce(0, +)
                console.out(
                    "\(file): ok — \(scenario.name), \(scenario.provinces.count) provinces, \(scenario.sectors.count) sectors, "
                        + "\(scenario.platforms.count) platforms, \(scenario.months) months, \(workers) simulated worker slots"
                        + scenario.phasesToRun.map { "; continues \($0.name) (\($0.startMonth), \($0.months) months)" }.joined() + "\n")
            } catch {
                failed = true
                console.err(error.description + "\n")
            }
        }
        return failed ? ExitCode.usage : ExitCode.success
    }
}

/// `injurysim validate FILE…`.
struct ValidateCommand: Command {
    static let name = CommandName.validate
    var files: [String]

    init(_ parsed: ParsedArguments) throws(UsageError) { files = parsed.operands }

    func run(console: Console) -> Int32 { Program.validate(files, console: console) }
}

/// `injurysim validate-model`.
struct ValidateModelCommand: Command {
    static let name = CommandName.validateModel
    var options: ValidateModelOptions

    init(_ parsed: ParsedArguments) throws(UsageError) { options = try ValidateModelOptions(parsed) }

    func run(console: Console) async -> Int32 { await Program.validateModel(options, console: console) }
}

/// `validate-model`'s options as the shared parser read them.
struct ValidateModelOptions {
    var out = "docs/VALIDATION.md"
    var scenario = "Scenarios/pilot-2022.json"
    var chain = ModelValidation.shippedChain
    var pairs: String?
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var checkOnly = false

    init(_ parsed: ParsedArguments) throws(UsageError) {
        if let value = parsed.value("--out") { out = value }
        if let value = parsed.value("--scenario") { scenario = value }
        if let value = parsed.value("--chain") { chain = value }
        pairs = parsed.value("--pairs")
        if let value = try parsed.integer("--threads", 1...1024) { threads = value }
        checkOnly = parsed.has("--check")
    }
}
