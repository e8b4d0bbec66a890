import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// The report page: one XHTML file whose charts parse, whose printed figures are those of
/// summary.json, the same bytes for the same files, and the same numbers in both languages.
@Suite struct ReportTests {
    static func render(_ texts: [String: String], _ language: ReportLanguage) throws -> String {
        try ReportRenderer.render(texts: texts, language: language)
    }

    /// The value at a dotted path of summary.json, read with Foundation's own parser.
    static func lookup(_ object: Any, _ path: String) -> Double? {
        var node: Any? = object
        for key in path.split(separator: "/") {
            if let list = node as? [Any], let index = Int(key) {
                node = list.indices.contains(index) ? list[index] : nil
            } else {
                node = (node as? [String: Any])?[String(key)]
            }
        }
        return (node as? NSNumber)?.doubleValue
    }

    @Test(arguments: ReportLanguage.allCases)
    func thePageAndEveryChartAreWellFormedXMLWithTitleLegendAndReading(language: ReportLanguage) async throws {
        let texts = await ReportFixture.smoke()
        let page = ReportPage.parse(try Self.render(texts, language))
        #expect(page.error == nil, "\(page.error ?? "")")
        // The method's (pay-as-you-go) three: the cost rate against the rate charged, the reserve
        // in months and the share exhausted by year; the solvency position and funded-ratio fans;
        // then the total fan, the two pools' fans as small multiples, shortfall, cash flows,
        // spending by item and the reserve by year, severity, liabilities, break-even by sector
        // and by platform, persons.
        #expect(page.charts.count == 16)
        let html = try Self.render(texts, language)
        // The binding test's charts lead: the method's when its reserve target binds, the cash
        // fan when exhaustion (liquidity) does, the solvency fans when solvency does.
        let summary = try ResultJSON(parsing: try #require(texts["summary.json"]), file: "summary.json")
        let binding = try #require(FinancingOutcome.Binding(rawValue: summary.at("total/financing/binding").string ?? ""))
        let method = html.range(of: language == .en ? "Pay-as-you-go cost rate against the rate charged" : "现收现付成本费率与实际费率")
        let fan = html.range(of: language == .en ? "Fund net position" : "基金净结余")
        let solvency = html.range(of: language == .en ? "Solvency position — assets − liabilities" : "资产负债差额 — 资产 − 负债")
        let starts: [String.Index] = [method, fan, solvency].compactMap { $0?.lowerBound }
        let first = try #require(starts.min())
        switch binding {
        case .reserveTarget, .capital: #expect(first == method?.lowerBound, "the method's chart leads")
        case .exhaustion, .liquidity: #expect(first == fan?.lowerBound, "the cash fan leads")
        case .solvency: #expect(first == solvency?.lowerBound, "the solvency fan leads")
        case .neither: #expect(first == method?.lowerBound)
        }
        for (index, chart) in page.charts.enumerated() {
            #expect(
                chart.contains("h3") && chart.contains("svg") && chart.contains("figcaption") && chart.contains("div.legend"),
                "chart \(index): \(chart)")
            #expect(chart.filter { $0 == "text" }.count >= 4, "chart \(index) has axis labels")
        }
        #expect(page.elementCounts["script"] == nil && page.elementCounts["link"] == nil && page.elementCounts["img"] == nil)
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyPrintedFigureIsTheOneInSummaryJSON(language: ReportLanguage) async throws {
        let texts = await ReportFixture.smoke()
        let summary = try JSONSerialization.jsonObject(with: Data(try #require(texts["summary.json"]).utf8))
        let page = ReportPage.parse(try Self.render(texts, language))
        let checked = page.figures.filter { !$0.text.contains("needs") && !$0.text.contains("需") }
        #expect(checked.count >= 10)
        for figure in checked {
            let expected = try #require(Self.lookup(summary, figure.path), "\(figure.path) is in summary.json")
            let printed = try #require(ReportPage.value(of: figure.text, kind: figure.kind), "'\(figure.text)' reads as a number")
            #expect(abs(printed.value - expected) <= printed.tolerance, "\(figure.path): printed \(figure.text), file \(expected)")
        }
        // Money printed in the language's own units.
        let units = language == .en ? ["million yuan", "thousand yuan", "billion yuan"] : ["万元", "亿元"]
        #expect(checked.contains { figure in units.contains { figure.text.hasSuffix($0) } })
    }

    @Test func chineseAndEnglishCarryTheSameNumbers() async throws {
        let texts = await ReportFixture.smoke()
        let english = ReportPage.parse(try Self.render(texts, .en)).figures
        let chinese = ReportPage.parse(try Self.render(texts, .zh)).figures
        #expect(english.map(\.path) == chinese.map(\.path))
        for (en, zh) in zip(english, chinese) {
            guard let a = ReportPage.value(of: en.text, kind: en.kind), let b = ReportPage.value(of: zh.text, kind: zh.kind) else {
                #expect(en.text.contains("needs") && zh.text.contains("需"), "\(en.path): \(en.text) / \(zh.text)")
                continue
            }
            #expect(abs(a.value - b.value) <= a.tolerance + b.tolerance, "\(en.path): \(en.text) vs \(zh.text)")
        }
    }

    @Test func theSameFolderRendersTheSameBytes() async throws {
        let texts = await ReportFixture.smoke()
        for language in ReportLanguage.allCases {
            #expect(try Self.render(texts, language) == Self.render(texts, language))
        }
        // And the page is made from the files alone: the files re-read from disk give the same page.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in texts { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        #expect(try ReportRenderer.render(folder: folder.path, language: .zh) == Self.render(texts, .zh))
    }

    @Test func theVerdictIsTheRunsOwnSentenceRebuiltFromTheFile() async throws {
        let texts = await ReportFixture.smoke()
        let summary = try ResultJSON(parsing: try #require(texts["summary.json"]), file: "summary.json")
        let figures = RunReport.verdictFigures(summary)
        #expect(VerdictSentence.english(figures) == summary.at("verdict/fullFunding/sentence").string)
        let method = MethodVerdictFigures(summary: summary, fullFunding: figures)
        #expect(MethodSentence.english(method) == summary.at("verdict/sentence").string)
        #expect(try Self.render(texts, .en).contains(MethodSentence.english(method)))
        #expect(try Self.render(texts, .zh).contains(MethodSentence.chinese(method)))
        #expect(try Self.render(texts, .en).contains(VerdictSentence.english(figures)))
        let chinese = VerdictSentence.chinese(figures)
        #expect(try Self.render(texts, .zh).contains(chinese))
        // Chinese states the same percentages.
        let percents = { (text: String) in text.split(whereSeparator: { !"0123456789.%".contains($0) }).filter { $0.hasSuffix("%") } }
        #expect(percents(VerdictSentence.english(figures)) == percents(chinese))
    }

    @Test func tailFiguresArePrintedOnlyWhenTheReplicationsSupportThem() async throws {
        var texts = await ReportFixture.smoke()
        let few = ReportPage.parse(try Self.render(texts, .en))
        #expect(!few.figures.contains { $0.path.hasSuffix("VaR99.5") })
        #expect(try Self.render(texts, .en).contains("needs ≥ 2,000 replications"))
        // The same file claiming 2,000 replications: VaR and TVaR are printed, and are the file's.
        let many = try #require(texts["summary.json"]).replacingOccurrences(of: "\"replications\": 5,", with: "\"replications\": 2000,")
            .replacingOccurrences(of: "\"TVaR99.5\": null", with: "\"TVaR99.5\": 2345678.91")
            .replacingOccurrences(of: #""VaR99\.5": null,\s*"needsReplications": 2000"#, with: "\"VaR99.5\": 1234567.89", options: .regularExpression)
        #expect(!many.contains("needsReplications"))
        texts["summary.json"] = many
        let summary = try JSONSerialization.jsonObject(with: Data(try #require(texts["summary.json"]).utf8))
        let page = ReportPage.parse(try Self.render(texts, .en))
        let tails = page.figures.filter { $0.path.hasSuffix("VaR99.5") }
        #expect(tails.count == 4)
        for figure in tails {
            let printed = try #require(ReportPage.value(of: figure.text, kind: figure.kind))
            #expect(abs(printed.value - (Self.lookup(summary, figure.path) ?? .nan)) <= printed.tolerance, "\(figure.path)")
        }
    }

    @Test func aFolderWithoutAFileIsNamed() async throws {
        var texts = await ReportFixture.smoke()
        texts["monthly.csv"] = nil
        #expect(throws: ReportError.missingFile(folder: "R", file: "monthly.csv")) {
            try ReportRenderer.render(texts: texts, language: .en, folder: "R")
        }
        texts = await ReportFixture.smoke()
        texts["summary.json"] = "{ not json"
        #expect { try ReportRenderer.render(texts: texts, language: .en) } throws: { ($0 as? ReportError)?.isDataError == true }
    }

    struct MoneyCase: Sendable {
        var yuan: Double
        var language: ReportLanguage
        var text: String
    }

    @Test(arguments: [
        MoneyCase(yuan: 12_345_678, language: .en, text: "12.35 million yuan"),
        MoneyCase(yuan: 12_345_678, language: .zh, text: "1,234.6万元"),
        MoneyCase(yuan: 250_000_000, language: .zh, text: "2.50亿元"),
        MoneyCase(yuan: 250_000_000, language: .en, text: "250.0 million yuan"),
        MoneyCase(yuan: 3_400_000_000, language: .en, text: "3.40 billion yuan"),
        MoneyCase(yuan: -45_600, language: .en, text: "\u{2212}45.60 thousand yuan"),
        MoneyCase(yuan: 9_999, language: .zh, text: "9,999元"),
        MoneyCase(yuan: 123_456_789_012, language: .zh, text: "1,234.6亿元")
    ])
    func moneyIsScaledToTheLanguagesUnits(_ c: MoneyCase) {
        #expect(ReportNumbers(c.language).money(c.yuan) == c.text)
    }

    @Test func thousandsAreSeparatedAndRatesKeepTheirDigits() {
        #expect(ReportNumbers.grouped(1_234_567.891, 2) == "1,234,567.89")
        // The true minus sign (U+2212), not the hyphen.
        #expect(ReportNumbers.grouped(-999, 0) == "\u{2212}999")
        #expect(ReportNumbers.grouped(-1000, 0) == "\u{2212}1,000")
        #expect(ReportNumbers.grouped(-0.001, 2) == "0.00")
        #expect(ReportNumbers(.en).percent(0.085) == "8.5%")
        #expect(ReportNumbers(.en).percent(0.14) == "14%")
        #expect(ReportNumbers(.en).percent(-0.047) == "\u{2212}4.7%")
        #expect(ReportNumbers(.zh).rate(0.0912) == "¥0.0912")
        #expect(ReportNumbers(.en).rate(0.07) == "¥0.07")
        #expect(ReportNumbers(.en).rate(-0.0119) == "\u{2212}¥0.0119" && ReportNumbers(.zh).rate(-0.5) == "\u{2212}¥0.50")
        #expect(ReportNumbers(.en).rate(-0.00001) == "¥0.00")
    }
}

/// The report's number rules: percentage points for differences of shares, labelled part-years,
/// one unit per column, and each table's header row repeated on printed pages.
@Suite struct ReportNumberRuleTests {
    @Test(arguments: [
        (-0.05, ReportLanguage.en, "\u{2212}5.0 pp"), (0.123, .en, "+12.3 pp"), (0, .en, "0.0 pp"), (-0.0001, .en, "0.0 pp"),
        (-0.05, .zh, "\u{2212}5.0个百分点"), (0.75, .zh, "+75.0个百分点")
    ])
    func differencesOfSharesAreInPercentagePoints(_ difference: Double, _ language: ReportLanguage, _ text: String) {
        #expect(ReportNumbers(language).points(difference) == text)
    }

    @Test(arguments: [
        ("2022", 7, 12, ReportLanguage.en, "2022 (Jul–Dec)"), ("2022", 7, 12, .zh, "2022年(7–12月)"), ("2025", 1, 6, .en, "2025 (Jan–Jun)"),
        ("2024", 1, 12, .en, "2024"), ("2024", 1, 12, .zh, "2024年"), ("2030", 12, 12, .en, "2030 (Dec)"), ("2030", 3, 3, .zh, "2030年(3月)")
    ])
    func aPartYearNamesItsMonths(_ year: String, _ first: Int, _ last: Int, _ language: ReportLanguage, _ text: String) {
        #expect(ReportNumbers(language).year(year, firstMonth: first, lastMonth: last) == text)
    }

    @Test func aTableWhoseFirstRowIsHeadersGetsAHeadThatRepeats() {
        let body =
            "<p>x</p><table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n<table>\n<tr><th>k</th><td>v</td></tr>\n</table>"
        let out = HTMLPage.withTableHeads(body)
        #expect(out.contains("<table>\n<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>"))
        // A key–value table (a header cell beside a data cell) has no head row.
        #expect(out.contains("<table>\n<tr><th>k</th><td>v</td></tr>\n</table>"))
        #expect(HTMLPage.withTableHeads(out) == out, "a table with a head is left as it is")
        #expect(HTMLPage.style.contains("thead { display: table-header-group; }"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func thePrintedPageNumbersItsPagesAndRunsTheTitle(_ language: ReportLanguage) {
        let page = HTMLPage.render(title: "Title \"quoted\" <b>", language: language, body: "")
        #expect(page.contains("@top-left { content: \"Title quoted b\""))
        #expect(page.contains("counter(page)") && page.contains("counter(pages)"))
    }
}
