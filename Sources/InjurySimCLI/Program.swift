import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimIO

/// The library entry point behind the `injurysim` executable: parses arguments, runs the
/// command, and returns the exit code. Nothing here touches the main actor.
package enum Program {
    package static let usage = """
        usage: injurysim run SCENARIO [options]
               injurysim compare A.json B.json [C.json …] [options]
               injurysim sweep SCENARIO --set PATH=VALUES [--set PATH=VALUES] [options]
               injurysim solve SCENARIO --target "ruin<=0.01" [--for SECTOR|all] [options]
               injurysim sensitivity SCENARIO [options]
               injurysim validate FILE [FILE …]
               injurysim validate-model [--out docs/VALIDATION.md] [--scenario Scenarios/pilot-2022.json] [--chain FILE] [--pairs CSV] [--check]
               injurysim bench [--quick|--tiny] [--json] [--threads T] [--scenarios DIR]
               injurysim run|compare|sweep|solve|sensitivity … --shard K/N|auto/N --out PART [options]
               injurysim merge PART [PART …] [--out DIR] [--quiet]
               injurysim report DIR [--lang en|zh] [--out FILE]
               injurysim help | COMMAND --help | --version

        run          simulate a scenario; print the verdict; write Results/<name>/
        compare      run scenarios with common random numbers; side by side with paired differences
        sweep        a grid over one or two fields (VALUES: a,b,c or low:high:step)
        solve        lowest per-order rate meeting a target: ruin<=P, poolruin<=P, insolvency<=P or funded>=X
        sensitivity  one input at a time over its range: a ranked tornado table
        report       render report.html again from a results folder's files (no simulation)
        validate     check scenario files without running them; every problem is listed
        validate-model  run the analytic checks, the pilot calibration and the shipped chain's continuity; write docs/VALIDATION.md
                        (--check: compare with the committed file instead, write nothing)
        merge        merge the parts of a sharded command into the folder it writes on one machine
        bench        measure throughput on fixed workloads (release build, from the package root)

        options: --replications N  --seed S  --threads T  --out DIR  --sample-fraction F
                 --set PATH=VALUE (repeatable)  --no-uncertainty  --quiet
                 --resume   continue an interrupted command from its checkpoint (same arguments)
                 --shard K/N  replications r with r mod N = K-1 only, written as a part for merge;
                            auto/N takes K-1 from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX
                 --no-report  write no report.html   --lang en|zh  the report's language (default en)

        Exit codes: 0 ok, 64 bad arguments, scenario or a run too big for memory, 65 data that cannot
        be used (merge: parts damaged, mismatched, missing or doubled; report: a damaged results
        file), 73 results folder refused or not writable, 130 interrupted (--resume continues);
        validate-model 1 when a check fails; bench 70 when a workload fails.

        """

    /// Runs `arguments` (without the program name).
    package static func main(arguments: [String], console: Console = .standard) async -> Int32 {
        guard let command = arguments.first else {
            console.err(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        if command == "--version" {
            console.out(CommandHelp.versionText)
            return ExitCode.success
        }
        if rest.contains("--help") || rest.contains("-h"), let help = CommandHelp.text(command) {
            console.out(help)
            return ExitCode.success
        }
        switch command {
        case "run", "compare", "sweep", "solve", "sensitivity":
            let options: CommandOptions
            do throws(UsageError) {
                options = try CommandOptions(rest, command: command)
            } catch {
                console.err("injurysim \(command): \(error.message)\n\n" + (CommandHelp.text(command) ?? usage))
                return ExitCode.usage
            }
            return await runCommand(command, options, console: console)
        case "report": return ReportCommand.main(rest, console: console)
        case "validate": return validate(rest, console: console)
        case "bench": return await BenchCommand.main(rest, console: console)
        case "merge": return MergeCommand.main(rest, console: console)
        case "validate-model": return await validateModel(rest, console: console)
        case "bench-row": return await BenchCommand.childMain(rest, console: console)
        case "help", "--help", "-h":
            console.out(usage)
            return ExitCode.success
        default:
            console.err("injurysim: unknown command '\(command)'\n\n" + usage)
            return ExitCode.usage
        }
    }

    static func runCommand(_ command: String, _ options: CommandOptions, console: Console) async -> Int32 {
        let interrupt = InterruptGuard(console: console)
        defer {
            interrupt.cancel()
            StagingCleanup.shared.checkpoint = nil
        }
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
                console.err(problem.description + "\n" + keptNote("stopped on an error in the scenario"))
                return ExitCode.usage
            case .usage(let message):
                console.err("injurysim \(command): \(message)\n" + keptNote("stopped on an error (\(message))"))
                return ExitCode.usage
            case .output(let problem):
                console.err("injurysim: \(problem.description)\n" + keptNote("stopped on an error (\(problem.reason))"))
                return problem.dataError ? ExitCode.dataError : ExitCode.cannotWrite
            }
        }
    }

    /// After a command that failed: the finished replications its checkpoint keeps, said and
    /// recorded for the next command (an empty checkpoint is removed).
    static func keptNote(_ how: String) -> String {
        guard let checkpoint = StagingCleanup.shared.checkpoint, !checkpoint.isRemoved else { return "" }
        let kept = checkpoint.keptCount
        guard kept > 0 else {
            checkpoint.remove()
            return ""
        }
        checkpoint.markEnded(how)
        return "injurysim: the \(kept) replication\(kept == 1 ? "" : "s") that finished \(kept == 1 ? "is" : "are") kept in "
            + "\(checkpoint.folder.path); once the problem is solved, run the same command with --resume to continue\n"
    }

    enum CommandError: Error {
        case scenario(ScenarioError)
        case usage(String)
        case output(OutputError)
    }
}

extension Program {
    /// Runs ``main(arguments:console:)`` on a detached task and blocks the calling thread until
    /// it returns (for the executable's synchronous entry point).
    package static func runBlocking(arguments: [String]) -> Int32 {
        // A file-size limit (`ulimit -f`) makes a write fail with EFBIG, reported like a full
        // disk, instead of killing the process with SIGXFSZ and no word said.
        signal(SIGXFSZ, SIG_IGN)
        let box = ExitBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.set(await main(arguments: arguments))
            done.signal()
        }
        done.wait()
        return box.value
    }

    /// The process's arguments without the program name, each checked to be UTF-8 (Swift's own
    /// `CommandLine.arguments` turns other bytes into U+FFFD, and a path would then name another
    /// file); nil after printing which argument is not.
    package static func commandLineArguments(console: Console = .standard) -> [String]? {
        var arguments: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            guard let text = String(validatingCString: pointer) else {
                let shown = String(
                    decoding: UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)),
                    as: UTF8.self)
                console.err(
                    "injurysim: argument \(index) ('\(shown)', \u{FFFD} where a byte is not UTF-8) is not valid UTF-8; "
                        + "injurysim reads file names and values as UTF-8 — rename the file or run from a UTF-8 locale\n")
                return nil
            }
            arguments.append(text)
        }
        return arguments
    }

    /// Ends the process with `code` (output is written unbuffered, so nothing is lost).
    package static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }
}
