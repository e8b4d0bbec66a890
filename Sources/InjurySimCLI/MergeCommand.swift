import Foundation
import InjurySimCore
import InjurySimIO

/// `injurysim merge PART… [--out DIR] [--quiet] [--no-report] [--lang en|zh]`: checks the parts
/// of a sharded run and writes the results folder a single machine would have written, byte for
/// byte — `report.html` too, unless `--no-report` (as the sharded command was given it).
enum MergeCommand {
    static func main(_ arguments: [String], console: Console) -> Int32 {
        var paths: [String] = []
        var out: String?
        var quiet = false
        var report = Program.ReportChoice()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--out":
                index += 1
                guard index < arguments.count else { return usage("--out needs a value", console) }
                out = arguments[index]
            case "--quiet", "-q": quiet = true
            case "--no-report": report.noReport = true
            case "--lang":
                index += 1
                guard index < arguments.count, let language = ReportLanguage(rawValue: arguments[index]) else {
                    return usage("--lang must be en or zh", console)
                }
                report.language = language
            default:
                if argument.hasPrefix("-") {
                    return usage("unknown option '\(argument)' (merge takes PART folders, --out DIR, --quiet, --no-report and --lang en|zh)", console)
                }
                paths.append(argument)
            }
            index += 1
        }
        let merged: PartMerge.Merged
        do throws(PartError) {
            let parts = try PartFolderReader.open(paths)
            if let command = parts.first?.manifest.command, ["compare", "sweep", "sensitivity"].contains(command) {
                return mergeVariants(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
            }
            if parts.first?.manifest.command == "solve" {
                return mergeSolve(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
            }
            merged = try PartMerge.merge(parts, report: !report.noReport)
        } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        let directory = out ?? "Results/" + merged.scenario.name
        let files: [(name: String, text: String)]
        do throws(Program.CommandError) { files = try Program.withReport(merged.files.files, report, scenario: merged.scenario) } catch {
            console.err("injurysim merge: \(Self.message(error))\n")
            return ExitCode.dataError
        }
        if let code = write(files, to: directory, paths: paths, console: console) { return code }
        if !quiet {
            console.out(ConsoleReport.render(scenario: merged.scenario, summary: merged.summary))
            console.out(
                "\nMerged \(paths.count) parts (\(merged.results.count) replications); results written to \(directory)/ "
                    + "(summary.json, monthly.csv, replications.csv, platforms.csv, manifest.json\(report.noReport ? "" : ", report.html"))\n")
        }
        return ExitCode.success
    }

    /// A policy command's merged files and manifest with `report.html` rendered from them (unless
    /// `--no-report`), written to `directory`; an exit code on failure.
    static func write(
        _ files: [(name: String, text: String)], report: Program.ReportChoice, scenario: Scenario?, to directory: String,
        paths: [String], console: Console
    ) -> Int32? {
        let withReport: [(name: String, text: String)]
        do throws(Program.CommandError) { withReport = try Program.withReport(files, report, scenario: scenario) } catch {
            console.err("injurysim merge: \(Self.message(error))\n")
            return ExitCode.dataError
        }
        return write(withReport, to: directory, paths: paths, console: console)
    }

    static func message(_ error: Program.CommandError) -> String {
        switch error {
        case .usage(let text): return text
        case .scenario(let problem): return problem.description
        case .output(let problem): return "\(problem)"
        }
    }

    /// Writes the merged files to `directory` (never one of the parts); an exit code on failure.
    static func write(_ files: [(name: String, text: String)], to directory: String, paths: [String], console: Console) -> Int32? {
        let target = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        if let clash = paths.first(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == target }) {
            return usage("--out \(directory) is the part \(clash); write the merged results to another folder", console)
        }
        do throws(OutputError) {
            let folder = try OutputFolder.claim(directory)
            for note in folder.notes { console.err("injurysim: \(note)\n") }
            try folder.commit(files)
        } catch {
            console.err("injurysim: \(error.description)\n")
            return ExitCode.cannotWrite
        }
        return nil
    }

    static func usage(_ message: String, _ console: Console) -> Int32 {
        console.err("injurysim merge: \(message)\n\nusage: injurysim merge PART [PART …] [--out DIR] [--quiet] [--no-report] [--lang en|zh]\n")
        return ExitCode.usage
    }
}
