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
        let made: any Command
        do throws(UsageError) {
            made = try command.type.init(try ArgumentParser.parse(rest, for: command))
        } catch {
            let help = command == .help ? "injurysim help" : "injurysim \(command.rawValue) --help"
            console.err("injurysim \(command.rawValue): \(error.line)\nsee '\(help)'\n")
            return ExitCode.usage
        }
        return await made.run(console: console)
    }

    /// An unknown command, with the nearest command's name when one is close.
    static func unknownCommand(_ name: String) -> UsageError {
        UsageError(message: "unknown command '\(name)'", suggestion: ArgumentParser.nearest(name, among: CommandName.allCases.map(\.rawValue)))
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
        /// A run stopped by the engine (money out of the exact range): a scenario to change.
        case engine(EngineError)
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
