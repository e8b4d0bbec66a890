import Foundation
import Testing

@testable import InjurySimCLI

/// The shared argument parser and the help and errors generated from the option declarations.
@Suite struct CommandLineTests {
    typealias E2E = EndToEndTests

    @Test func everyCommandNameDispatchesAndHasItsOwnHelp() {
        for command in CommandName.allCases where command != .help {
            let help = CommandHelp.text(command)
            #expect(help.hasPrefix("usage: injurysim \(command.rawValue)"), "\(command)")
            for option in CommandLineOption.declared(for: command) {
                #expect(help.contains(option.name), "\(command) \(option.name)")
            }
        }
        #expect(CommandHelp.text(.help) == Program.usage)
        #expect(CommandName(rawValue: "validate-model") == .validateModel)
    }

    @Test func everyOptionIsDeclaredOnceForEachCommand() {
        for command in CommandName.allCases {
            let names = CommandLineOption.declared(for: command).flatMap(\.names)
            #expect(Set(names).count == names.count, "\(command): \(names)")
        }
    }

    @Test func theParserReadsOperandsOptionsAndDashDash() throws {
        let parsed = try ArgumentParser.parse(
            ["a.json", "--set", "x=1", "--seed", "7", "--set", "y=2", "-q", "--", "--out", "-"], for: .compare)
        #expect(parsed.operands == ["a.json", "--out", "-"])
        #expect(parsed.values("--set") == ["x=1", "y=2"])
        #expect(try parsed.integer("--seed", 0...10) == 7)
        #expect(parsed.has("--quiet") && !parsed.has("--out"))
        let bench = try BenchCommand.Options(ArgumentParser.parse(["--tiny", "--quick"], for: .bench))
        #expect(bench.size == .quick)
    }

    @Test func parserErrorsAreOneLineWithASuggestion() {
        func message(_ arguments: [String], _ command: CommandName) -> String? {
            do throws(UsageError) {
                _ = try ArgumentParser.parse(arguments, for: command)
                return nil
            } catch { return error.line }
        }
        #expect(message(["a.json", "--replication", "3"], .run) == "unknown option '--replication'; did you mean --replications?")
        #expect(message(["a.json", "--seed"], .run) == "--seed needs a value (--seed S)")
        #expect(message(["a.json", "--out", "x", "--out", "y"], .run) == "--out is given twice (--out and --out); give it once")
        #expect(message(["a.json", "--target", "ruin<=0.1"], .run) == "unknown option '--target' (an option of solve, not of run)")
        #expect(message(["--qiuck"], .bench) == "unknown option '--qiuck'; did you mean --quick?")
        #expect(message(["x"], .bench) == "bench takes no arguments, got 'x'")
        #expect(message(["a.json"], .compare) == "compare needs at least two scenario files")
        #expect(ArgumentParser.nearest("--sed", among: ["--out", "--seed"]) == "--seed" && ArgumentParser.nearest("--zz", among: ["--out"]) == nil)
    }

    @Test func helpCommandPrintsThatCommandsHelp() throws {
        let help = try E2E.run(["help", "run"])
        #expect(help.code == 0 && help.stdout == CommandHelp.text(.run), "\(help.stdout)")
        let general = try E2E.run(["help"])
        #expect(general.code == 0 && general.stdout == Program.usage)
        let unknown = try E2E.run(["help", "rnu"])
        #expect(unknown.code == 64 && unknown.stderr == "injurysim help: unknown command 'rnu'; did you mean run?\nsee 'injurysim help'\n")
    }

    @Test func badOptionsAndCommandsPrintOneLineAndWhereTheHelpIs() throws {
        let typo = try E2E.run(["run", "Scenarios/smoke.json", "--seeed", "3"])
        #expect(typo.code == 64)
        #expect(typo.stderr == "injurysim run: unknown option '--seeed'; did you mean --seed?\nsee 'injurysim run --help'\n", "\(typo.stderr)")
        let incomplete = try E2E.run(["validate-model", "--out"])
        #expect(incomplete.code == 64)
        #expect(incomplete.stderr == "injurysim validate-model: --out needs a value (--out FILE)\nsee 'injurysim validate-model --help'\n")
        let command = try E2E.run(["sweeep", "Scenarios/smoke.json"])
        #expect(command.code == 64 && command.stderr == "injurysim: unknown command 'sweeep'; did you mean sweep?\nsee 'injurysim help'\n")
    }
}
