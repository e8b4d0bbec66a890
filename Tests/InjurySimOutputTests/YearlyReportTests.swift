import Foundation
import InjurySimCore
import InjurySimFormat
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimEngine
@testable import InjurySimOutput
@testable import InjurySimScenario

/// The report's yearly charts — spending by benefit item (stacked means) and the reserve by year
/// (5th–95th band and median) — in both languages, readable for a few years and for fifty, and
/// absent (not failing) for a folder written before `yearly.csv`.
@Suite struct YearlyReportTests {
    /// The smoke run's files with a `yearly.csv` of `months` months from `start` (random figures).
    static func texts(start: YearMonth, months: Int) async throws -> [String: String] {
        var texts = await ReportFixture.smoke()
        var scenario = try TestScenarios.load("smoke.json")
        scenario.startMonth = start
        scenario.months = months
        texts["yearly.csv"] = YearlyCSV.text(scenario: scenario, results: YearlyCSVTests.results(scenario, count: 7))
        return texts
    }

    /// The `<figure>` whose title starts with `title`.
    static func figure(_ page: String, titled title: String) -> String? {
        guard let start = page.range(of: "<h3>" + title) else { return nil }
        guard let end = page.range(of: "</figure>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The x-axis labels of a chart (the tick texts under the plot area).
    static func xLabels(_ figure: String) -> Int {
        // The labels sit 17 below the plot area: top 12 + plot height (195 − 12 − 52) + 17.
        figure.components(separatedBy: "y=\"160.0\" text-anchor=\"middle\"").count - 1
    }

    struct Case: Sendable {
        var language: ReportLanguage
        var start: YearMonth
        var months: Int
        var years: Int
        var partial: Bool
    }

    @Test(arguments: [
        Case(language: .en, start: YearMonth(year: 2024, month: 7), months: 60, years: 6, partial: true),
        Case(language: .zh, start: YearMonth(year: 2024, month: 7), months: 60, years: 6, partial: true),
        Case(language: .en, start: YearMonth(year: 2026, month: 1), months: 600, years: 50, partial: false),
        Case(language: .zh, start: YearMonth(year: 2026, month: 1), months: 600, years: 50, partial: false)
    ])
    func spendingByItemAndTheReserveAreChartedByYear(_ c: Case) async throws {
        let texts = try await Self.texts(start: c.start, months: c.months)
        let page = try ReportRenderer.render(texts: texts, language: c.language)
        #expect(ReportPage.parse(page).error == nil)
        let table = try YearlyTable(parsing: try #require(texts["yearly.csv"]))
        #expect(table.years.count == c.years)
        let numbers = ReportNumbers(c.language)
        let en = c.language == .en
        let spending = try #require(Self.figure(page, titled: en ? "Fund spending by benefit item per year" : "各年度按待遇项目的基金支出"))
        // One legend entry per benefit item, in the language's words.
        #expect(spending.components(separatedBy: "<span>").count - 1 == BenefitItem.allCases.count)
        #expect(spending.contains(en ? "Dependants' pensions" : "供养亲属抚恤金"))
        // Every year labelled when few; six labels for fifty years, so they do not overlap.
        #expect(Self.xLabels(spending) == min(c.years, ChartFrame.maximumTicks))
        // The reading's total is the last full year's sum of the items' means, in the file.
        let full = try #require(table.monthsInYear.lastIndex(of: 12))
        #expect(full == (c.partial ? c.years - 2 : c.years - 1))
        let total = RunReport.benefitItems.reduce(0.0) { $0 + table.series($1.metric)[full].mean }
        #expect(spending.contains(numbers.money(total)), "\(numbers.money(total)) in \(spending.suffix(400))")
        let reserve = try #require(Self.figure(page, titled: en ? "Fund reserve at each year" : "各年末基金结余"))
        #expect(Self.xLabels(reserve) <= 10 && Self.xLabels(reserve) >= 5)
        #expect(reserve.contains("<polygon") && reserve.contains("<polyline"))
        let last = try #require(table.series("reserve").last)
        #expect(reserve.contains(numbers.money(last.p50)) && reserve.contains(numbers.money(last.p5)))
        // A partly covered year is marked and the mark explained, in both charts.
        let note = en ? "Years shown with their months are only partly inside the horizon." : "标注月份的年份仅部分在模拟期内。"
        #expect(spending.contains(note) == c.partial && reserve.contains(note) == c.partial)
        // 2024 from July: its months under the year; the last year (to June) likewise.
        #expect(spending.contains(en ? ">2024<tspan" : ">2024年<tspan") == c.partial)
        #expect(spending.contains(en ? ">(Jul–Dec)</tspan>" : ">(7–12月)</tspan>") == c.partial)
        #expect(spending.contains(en ? ">(Jan–Jun)</tspan>" : ">(1–6月)</tspan>") == c.partial)
    }

    /// A horizon inside one year: the reserve's 5th–95th band is drawn as a bar at the year (a
    /// band of one position has no area).
    @Test func aSingleYearsReserveBandIsABar() async throws {
        let texts = try await Self.texts(start: YearMonth(year: 2024, month: 1), months: 12)
        let page = try ReportRenderer.render(texts: texts, language: .en)
        let reserve = try #require(Self.figure(page, titled: "Fund reserve at each year"))
        #expect(reserve.contains("stroke-width=\"14\"") && !reserve.contains("<polygon"))
        #expect(Self.xLabels(reserve) == 1 && reserve.contains(">2024<"))
    }

    @Test func aFolderWithoutSolvencyPathsRendersWithoutTheSolvencyFansOrSampleWorlds() async throws {
        var texts = await ReportFixture.smoke()
        #expect(texts["solvency-paths.csv"] != nil)
        let full = try ReportRenderer.render(texts: texts, language: .en)
        #expect(full.contains("Sample world (replication 0)") && full.contains("Funded ratio — assets ÷ liabilities"))
        texts["solvency-paths.csv"] = nil
        let page = try ReportRenderer.render(texts: texts, language: .en)
        #expect(ReportPage.parse(page).charts.count == 14)
        #expect(!page.contains("Sample world") && !page.contains("Funded ratio — assets ÷ liabilities"))
    }

    @Test func aFolderWithoutYearlyCSVRendersWithoutTheYearlyCharts() async throws {
        var texts = await ReportFixture.smoke()
        #expect(texts["yearly.csv"] != nil)
        texts["yearly.csv"] = nil
        let page = try ReportRenderer.render(texts: texts, language: .en)
        // 16 less the method's three and the two yearly charts.
        #expect(ReportPage.parse(page).charts.count == 11)
        #expect(!page.contains("Fund spending by benefit item"))
        texts["yearly.csv"] = "year,pool\n"
        #expect { try ReportRenderer.render(texts: texts, language: .en) } throws: { ($0 as? ReportError)?.isDataError == true }
    }
}
