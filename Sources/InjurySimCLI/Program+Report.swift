import InjurySimCore
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `report.html` beside a command's other files, rendered from those files' texts so that
/// `injurysim report DIR` gives the same page later.
extension Program {
    /// `files` plus `report.html` (unless `--no-report`); the manifest in `files` must list it.
    /// The language: `--lang`, else the (first) scenario's `reportLanguage`, else English.
    static func withReport(
        _ files: [(name: String, text: String)], _ options: CommandOptions,
        scenario: Scenario? = nil
    ) throws(CommandError) -> [(name: String, text: String)] {
        try withReport(files, ReportChoice(noReport: options.noReport, language: options.language), scenario: scenario)
    }

    /// Whether to write `report.html` and in which language (nil: the scenario's).
    struct ReportChoice {
        var noReport = false
        var language: ReportLanguage?
        /// The names a manifest lists for `files` and their manifest: plus `report.html` when written.
        func names(_ files: [String]) -> [String] { files + ["manifest.json"] + (noReport ? [] : ["report.html"]) }
    }

    static func withReport(
        _ files: [(name: String, text: String)], _ choice: ReportChoice,
        scenario: Scenario?
    ) throws(CommandError) -> [(name: String, text: String)] {
        guard !choice.noReport else { return files }
        var texts: [String: String] = [:]
        for file in files { texts[file.name] = file.text }
        do throws(ReportError) {
            return files + [
                (
                    "report.html",
                    try ReportRenderer.render(
                        texts: texts, language: choice.language ?? scenario.flatMap { ReportLanguage(rawValue: $0.reportLanguage) } ?? .en)
                )
            ]
        } catch {
            throw .usage("cannot render report.html (use --no-report to skip it): \(error.description)")
        }
    }
}
