import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// The library entry point behind the `injurysim` executable: parses arguments, runs the
/// command, and returns the exit code. Nothing here touches the main actor.
package enum Program {
    /// The general help (`injurysim help`), generated from the commands' and options' declarations.
    package static var usage: String { CommandHelp.general }

    /// Runs `arguments` (without the program name).
    package static func main(arguments: [String], console: Console = .standard) async -> Int32 {
        guard let first = arguments.first else {
            console.err(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--version":
            console.out(CommandHelp.versionText)
            return ExitCode.success
        case "--help", "-h":
            console.out(usage)
            return ExitCode.success
        case BenchCommand.childCommand: return await BenchCommand.childMain(rest, console: console)
        default: break
        }
        guard let command = CommandName(rawValue: first) else {
            let error = unknownCommand(first)
            console.err("injurysim: \(error.line)\nsee 'injurysim help'\n")
            return ExitCode.usage
        }
        // `COMMAND --help` anywhere before `--` (after it, a file may be called `--help`).
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            console.out(CommandHelp.text(command))
            return ExitCode.success
        }
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(rest, for: command)
            switch command {
            case .run, .compare, .sweep, .solve, .sensitivity:
                return await runCommand(command, try CommandOptions(parsed), console: console)
            case .report: return try ReportCommand(parsed).run(console: console)
            case .validate: return validate(parsed.operands, console: console)
            case .bench: return await BenchCommand.main(try BenchCommand.Options(parsed), console: console)
            case .merge: return try MergeCommand.main(parsed, console: console)
            case .validateModel: return await validateModel(try ValidateModelOptions(parsed), console: console)
            case .help:
                guard let name = parsed.operands.first else {
                    console.out(usage)
                    return ExitCode.success
                }
                guard let topic = CommandName(rawValue: name) else { throw unknownCommand(name) }
                console.out(CommandHelp.text(topic))
                return ExitCode.success
            }
        } catch {
            let help = command == .help ? "injurysim help" : "injurysim \(command.rawValue) --help"
            console.err("injurysim \(command.rawValue): \(error.line)\nsee '\(help)'\n")
            return ExitCode.usage
        }
    }

    /// An unknown command, with the nearest command's name when one is close.
    static func unknownCommand(_ name: String) -> UsageError {
        UsageError(message: "unknown command '\(name)'", suggestion: ArgumentParser.nearest(name, among: CommandName.allCases.map(\.rawValue)))
    }

    static func runCommand(_ command: CommandName, _ options: CommandOptions, console: Console) async -> Int32 {
        let interrupt = InterruptGuard(console: console)
        defer {
            interrupt.cancel()
            StagingCleanup.shared.checkpoint = nil
        }
        do throws(CommandError) {
            switch command {
            case .run: try await run(options, console: console)
            case .compare: try await compare(options, console: console)
            case .sweep: try await sweep(options, console: console)
            case .solve: try await solve(options, console: console)
            default: try await sensitivity(options, console: console)
            }
            return ExitCode.success
        } catch {
            switch error {
            case .scenario(let problem):
                console.err(problem.description + "\n" + keptNote("stopped on an error in the scenario"))
                return ExitCode.usage
            case .usage(let message):
                console.err("injurysim \(command.rawValue): \(message)\n" + keptNote("stopped on an error (\(message))"))
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
