import Foundation
import InjurySimIO

/// `injurysim merge PART… [--out DIR] [--quiet]`: checks the parts of a sharded run and writes
/// the results folder a single machine would have written, byte for byte.
enum MergeCommand {
    static func main(_ arguments: [String], console: Console) -> Int32 {
        var paths: [String] = []
        var out: String?
        var quiet = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--out":
                index += 1
                guard index < arguments.count else { return usage("--out needs a value", console) }
                out = arguments[index]
            case "--quiet", "-q": quiet = true
            default:
                if argument.hasPrefix("-") { return usage("unknown option '\(argument)' (merge takes PART folders, --out DIR and --quiet)", console) }
                paths.append(argument)
            }
            index += 1
        }
        let merged: PartMerge.Merged
        do throws(PartError) {
            let parts = try PartFolderReader.open(paths)
            if let command = parts.first?.manifest.command, ["compare", "sweep", "sensitivity"].contains(command) {
                return mergeVariants(parts, paths: paths, out: out, quiet: quiet, console: console)
            }
            if parts.first?.manifest.command == "solve" { return mergeSolve(parts, paths: paths, out: out, quiet: quiet, console: console) }
            merged = try PartMerge.merge(parts)
        } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        let directory = out ?? "Results/" + merged.scenario.name
        if let code = write(merged.files.files, to: directory, paths: paths, console: console) { return code }
        if !quiet {
            console.out(ConsoleReport.render(scenario: merged.scenario, summary: merged.summary))
            console.out("\nMerged \(paths.count) parts (\(merged.results.count) replications); results written to \(directory)/ "
                        + "(summary.json, monthly.csv, replications.csv, manifest.json)\n")
        }
        return ExitCode.success
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
        console.err("injurysim merge: \(message)\n\nusage: injurysim merge PART [PART …] [--out DIR] [--quiet]\n")
        return ExitCode.usage
    }
}
