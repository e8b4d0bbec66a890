import Foundation
import InjurySimCore
import InjurySimOutput
import InjurySimScenario

/// `injurysim merge PART… [--out DIR] [--quiet] [--no-report] [--lang en|zh]`: checks the parts
/// of a sharded run and writes the results folder a single machine would have written, byte for
/// byte — `report.html` too, unless `--no-report` (as the sharded command was given it).
struct MergeCommand: Command {
    static let name = CommandName.merge
    var paths: [String]
    var out: String?
    var quiet: Bool
    var report = Program.ReportChoice()

    init(_ parsed: ParsedArguments) throws(UsageError) {
        paths = parsed.operands
        out = parsed.value("--out")
        quiet = parsed.has("--quiet")
        report.noReport = parsed.has("--no-report")
        report.language = try parsed.language()
    }

    func run(console: Console) -> Int32 {
        // Refused before any part is read: a merge never writes into, over or around a part.
        if let out, let clash = Self.partClash(out, paths: paths) { return Self.usage(clash, console) }
        let merged: PartMerge.Merged
        do throws(PartError) {
            let parts = try PartFolderReader.open(paths)
            if let command = parts.first?.manifest.command, [CommandName.compare, .sweep, .sensitivity].map(\.rawValue).contains(command) {
                return Self.mergeVariants(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
            }
            if parts.first?.manifest.command == CommandName.sobol.rawValue {
                return Self.mergeSobol(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
            }
            if parts.first?.manifest.command == CommandName.condition.rawValue {
                return Self.mergeCondition(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
            }
            if parts.first?.manifest.command == CommandName.solve.rawValue {
                return Self.mergeSolve(parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
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
        if let code = Self.write(files, to: directory, paths: paths, console: console) { return code }
        if !quiet {
            console.out(ConsoleReport.render(scenario: merged.scenario, summary: merged.summary))
            console.out(
                "\nMerged \(paths.count) parts (\(merged.results.count) replications); results written to \(directory)/ "
                    + "(\(files.map(\.name).joined(separator: ", ")))\n")
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
        case .engine(let problem): return problem.description
        }
    }

    /// Writes the merged files to `directory` (never one of the parts, inside one or around one);
    /// an exit code on failure.
    static func write(_ files: [(name: String, text: String)], to directory: String, paths: [String], console: Console) -> Int32? {
        if let clash = partClash(directory, paths: paths) { return usage(clash, console) }
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

    /// Why `directory` cannot receive the merged results: it is one of the parts, lies inside
    /// one, or contains one (claiming it would replace or mix with the parts); nil when it is
    /// apart from all of them. Paths are compared after resolving symbolic links.
    static func partClash(_ directory: String, paths: [String]) -> String? {
        let target = canonicalPath(directory)
        func inside(_ path: String, _ folder: String) -> Bool { path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        for path in paths {
            let part = canonicalPath(path)
            let relation =
                part == target ? "is the part" : inside(target, part) ? "is inside the part" : inside(part, target) ? "contains the part" : nil
            if let relation { return "--out \(directory) \(relation) \(path); write the merged results to a folder apart from every part" }
        }
        return nil
    }

    /// `path` absolute, with its longest existing ancestor's symbolic links resolved (the rest
    /// of it does not exist yet, as an --out folder often does not).
    static func canonicalPath(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while true {
            if let resolved = realpath(url.path, nil) {
                defer { free(resolved) }
                return rest.reversed().reduce(String(cString: resolved)) { ($0.hasSuffix("/") ? $0 : $0 + "/") + $1 }
            }
            let parent = url.deletingLastPathComponent()
            guard parent.path != url.path else { return URL(fileURLWithPath: path).standardizedFileURL.path }
            rest.append(url.lastPathComponent)
            url = parent
        }
    }

    static func usage(_ message: String, _ console: Console) -> Int32 {
        console.err("injurysim merge: \(message)\n\nusage: injurysim merge PART [PART …] [--out DIR] [--quiet] [--no-report] [--lang en|zh]\n")
        return ExitCode.usage
    }
}
