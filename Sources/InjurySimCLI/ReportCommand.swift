import Foundation
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim report DIR [--lang en|zh] [--out FILE]`: renders a results folder's page again
/// from its files alone (no simulation), by default to `DIR/report.html`.
struct ReportCommand: Command {
    static let name = CommandName.report
    var folder: String
    /// nil: the language of the folder's present report.html, else English.
    var language: ReportLanguage?
    var out: String?

    init(_ parsed: ParsedArguments) throws(UsageError) {
        folder = parsed.operands[0]
        language = try parsed.language()
        out = parsed.value("--out")
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
