import Foundation
import InjurySimIO

/// `injurysim report DIR [--lang en|zh] [--out FILE]`: renders a results folder's page again
/// from its files alone (no simulation), by default to `DIR/report.html`.
struct ReportCommand {
    static let usage = """
        usage: injurysim report DIR [--lang en|zh] [--out FILE]

        Renders report.html for a results folder (of run, compare, sweep, solve or sensitivity) from
        its files alone, without running anything.

        options:
          --lang en|zh   language of every word, unit and number on the page (default: that of the
                         folder's report.html, else en)
          --out FILE     where to write the page (default: DIR/report.html; - for stdout)
          -h, --help     print this help

        example:
          injurysim report Results/pilot-2022 --lang zh --out pilot-zh.html

        """

    var folder: String
    /// nil: the language of the folder's present report.html, else English.
    var language: ReportLanguage?
    var out: String?

    init(_ arguments: [String]) throws(UsageError) {
        var folder: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--lang", "--out":
                if argument == "--out" ? out != nil : language != nil {
                    throw UsageError(message: "\(argument) is given twice; give it once")
                }
                index += 1
                guard index < arguments.count else { throw UsageError(message: "\(argument) needs a value") }
                if argument == "--out" { out = arguments[index]; break }
                guard let chosen = ReportLanguage(rawValue: arguments[index]) else {
                    throw UsageError(message: "--lang must be en or zh, got '\(arguments[index])'")
                }
                language = chosen
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                guard folder == nil else { throw UsageError(message: "report takes one results folder, got a second: '\(argument)'") }
                folder = argument
            }
            index += 1
        }
        guard let folder else { throw UsageError(message: "report needs a results folder") }
        self.folder = folder
    }

    static func main(_ arguments: [String], console: Console) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            console.out(usage)
            return ExitCode.success
        }
        let command: ReportCommand
        do throws(UsageError) { command = try ReportCommand(arguments) } catch {
            console.err("injurysim report: \(error.message)\n\n" + usage)
            return ExitCode.usage
        }
        return command.run(console: console)
    }

    func run(console: Console) -> Int32 {
        let page: String
        do throws(ReportError) { page = try ReportRenderer.render(folder: folder, language: language ?? presentLanguage()) } catch {
            console.err("injurysim report: \(error.description)\n")
            return error.isDataError ? ExitCode.dataError : ExitCode.usage
        }
        if out == "-" {
            console.out(page)
            return ExitCode.success
        }
        guard let out else { return rewriteFolder(page, console: console) }
        // A file of the user's choosing: replaced only if it is a page injurysim wrote.
        do throws(OutputError) { try ReportPageFile.write(page, to: out) } catch {
            console.err("injurysim report: \(error.description)\n")
            return ExitCode.cannotWrite
        }
        console.err("Report written to \(out)\n")
        return ExitCode.success
    }

    /// The language of the page the folder holds now (its `lang` attribute), or English.
    func presentLanguage() -> ReportLanguage {
        let path = (folder as NSString).appendingPathComponent("report.html")
        guard let handle = FileHandle(forReadingAtPath: path) else { return .en }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 512), as: UTF8.self)
        return head.contains("lang=\"\(ReportLanguage.zh.tag)\"") ? .zh : .en
    }

    /// Puts the page into the results folder the way every result is written: the folder's files
    /// and the new page go into a staging folder that replaces the folder in one rename, and the
    /// manifest lists `report.html` so the folder stays injurysim's own.
    func rewriteFolder(_ page: String, console: Console) -> Int32 {
        var files: [(name: String, text: String)]
        do throws(ReportError) {
            files = try ReportRenderer.listedFiles(in: folder).filter { $0.name != "report.html" }
            guard let index = files.firstIndex(where: { $0.name == "manifest.json" }) else {
                throw .missingFile(folder: folder, file: "manifest.json")
            }
            files[index].text = try ReportRenderer.manifestListingReport(files[index].text)
        } catch {
            console.err("injurysim report: \(error.description)\n")
            return error.isDataError ? ExitCode.dataError : ExitCode.usage
        }
        do throws(OutputError) {
            let claimed = try OutputFolder.claim(folder)
            try claimed.commit(files + [("report.html", page)])
        } catch {
            console.err("injurysim report: \(error.description)\n")
            return ExitCode.cannotWrite
        }
        console.err("Report written to \((folder as NSString).appendingPathComponent("report.html"))\n")
        return ExitCode.success
    }
}
