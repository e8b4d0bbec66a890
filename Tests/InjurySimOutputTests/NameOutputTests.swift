import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// Defence in depth behind the name rule: names the decoder would refuse (as a hand-edited
/// results folder or a future code path could bring them) still give well-formed files. The
/// CSV writers quote them, the report's reader reads them back, and report.html stays
/// well-formed XML with every control, format and noncharacter shown as `\u{XXXX}`.
@Suite struct NameOutputTests {
    /// Every awkward kind at once: CSV punctuation, a control character, a bidi override, a noncharacter.
    static let awkwardName = "no,rth \"x\"\n\u{1}\u{202E}\u{FFFE}"

    /// U+FDD0, a noncharacter that a Swift literal cannot spell (as in NameRuleTests).
    static let fdd0 = Unicode.Scalar(UInt32(0xFDD0)) ?? "?"

    /// The smoke scenario over three months, its first province and platform renamed past the decoder.
    static func files() async throws -> [String: String] {
        let path = ReportFixture.root.appendingPathComponent("Scenarios/smoke.json").path
        var (scenario, hash) = try ScenarioLoader.load(path: path, overrides: [try ScenarioOverride(parsing: "months=3")])
        scenario.replications = 2
        scenario.provinces[0].name = awkwardName
        scenario.platforms[0].name = awkwardName
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<2, threads: 2, progress: nil)
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(scenario: scenario, scenarioFile: "smoke.json", contentHash: hash, results: results, summary: summary, report: true)
        return Dictionary(uniqueKeysWithValues: files.files.map { ($0.name, $0.text) })
    }

    @Test func csvFilesQuoteTheNameAndTheReportReadsItBack() async throws {
        let texts = try await Self.files()
        let folder = try ResultsFolder(texts: texts)
        #expect(folder.monthly.pools == [Self.awkwardName, "south", "total"])
        #expect(!folder.monthly.series("contributions", pool: Self.awkwardName).isEmpty)
        let platformsText = try #require(texts["platforms.csv"])
        let platforms = try #require(CSV.records(platformsText))
        #expect(platforms.allSatisfy { $0.count == 10 }, "every record has the header's 10 fields")
        #expect(platforms.contains { $0[2] == Self.awkwardName })
    }

    @Test func theReportPageIsWellFormedAndShowsTheCharactersAsEscapes() async throws {
        let texts = try await Self.files()
        for language in ReportLanguage.allCases {
            let page = try ReportRenderer.render(texts: texts, language: language)
            let parsed = ReportPage.parse(page)
            #expect(parsed.error == nil, "\(parsed.error ?? "")")
            #expect(page.contains("no,rth &quot;x&quot;\n\\u{0001}\\u{202E}\\u{FFFE}"))
            #expect(!page.unicodeScalars.contains { $0 == "\u{1}" || $0 == "\u{202E}" || $0 == "\u{FFFE}" })
        }
    }

    @Test(arguments: [
        ("a & <b> \"c\"", "a &amp; &lt;b&gt; &quot;c&quot;"),
        ("北京 · 上海", "北京 · 上海"),
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("\u{0}\u{1}\u{7F}\u{85}", "\\u{0000}\\u{0001}\\u{007F}\\u{0085}"),
        ("a\u{202E}b\u{200E}c\u{FEFF}", "a\\u{202E}b\\u{200E}c\\u{FEFF}"),
        ("\u{2028}\u{FFFE}\u{FFFF}" + String(NameOutputTests.fdd0), "\\u{2028}\\u{FFFE}\\u{FFFF}\\u{FDD0}")
    ])
    func theEscaperLeavesNothingAnXMLParserOrAReaderCouldTripOn(_ text: String, _ escaped: String) {
        #expect(ChartStyle.escape(text) == escaped)
        let page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p title=\"\(ChartStyle.escape(text))\">\(ChartStyle.escape(text))</p>"
        #expect(ReportPage.parse(page).error == nil)
    }
}
