import Foundation
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimOutput

/// sensitivity's tornadoes: which end is which (two colours, named in the legend), each bar from
/// the baseline to its end's value, the swing's 95% interval beside each row, a tornado for
/// P(insolvent) ranked by its own swing, and the baseline P(insolvent) in the words.
@Suite struct SensitivityPageTests {
    struct BarCase: Sendable, CustomStringConvertible {
        var low: Double, high: Double, baseline: Double
        var lowBar: ClosedRange<Double>, highBar: ClosedRange<Double>
        var description: String { "low \(low), high \(high), baseline \(baseline)" }
    }

    static let barCases: [BarCase] = [
        BarCase(low: 20, high: 80, baseline: 50, lowBar: 20...50, highBar: 50...80),
        BarCase(low: 80, high: 20, baseline: 50, lowBar: 50...80, highBar: 20...50),
        BarCase(low: 60, high: 90, baseline: 50, lowBar: 50...60, highBar: 50...90),
        BarCase(low: 50, high: 50, baseline: 50, lowBar: 50...50, highBar: 50...50)
    ]

    @Test(arguments: barCases)
    func eachBarRunsFromTheBaselineToItsEnd(c: BarCase) {
        let bars = TornadoChart.bars(TornadoChart.Row(label: "x", low: c.low, high: c.high, swing: ""), baseline: c.baseline)
        #expect(bars.low == c.lowBar && bars.high == c.highBar)
    }

    /// The `rect` elements of a chart's SVG with the given class, as (x, width, fill).
    static func rects(_ svg: String, _ cls: String) -> [(x: Double, width: Double, fill: String)] {
        svg.components(separatedBy: "<rect class=\"\(cls)\"").dropFirst().compactMap { tail in
            func attribute(_ name: String) -> String? {
                tail.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first
            }
            guard let x = attribute("x").flatMap(Double.init), let width = attribute("width").flatMap(Double.init), let fill = attribute("fill")
            else { return nil }
            return (x, width, fill)
        }
    }

    @Test func theLowEndIsTheFirstColourAndTheHighEndTheSecondInBarsAndLegend() throws {
        let chart = TornadoChart(
            title: "t", valueTitle: "v", rows: [TornadoChart.Row(label: "claim rate", low: 20, high: 80, swing: "+60.0 pp")], baseline: 50,
            lowLabel: "Input at its low value", highLabel: "Input at its high value", baselineLabel: "Baseline", swingTitle: "Swing",
            reading: "r"
        ).chart()
        let low = try #require(Self.rects(chart.body, "low").first), high = try #require(Self.rects(chart.body, "high").first)
        #expect(low.fill == TornadoChart.lowColour && high.fill == TornadoChart.highColour && low.fill != high.fill)
        // The low end (20) lies left of the baseline, the high end (80) right of it: the low bar ends where the high one starts.
        #expect(abs(low.x + low.width - high.x) < 0.2 && low.x < high.x)
        guard case .box(let first) = chart.legend[0].swatch, case .box(let second) = chart.legend[1].swatch else {
            Issue.record("the legend opens with the two ends' boxes")
            return
        }
        #expect(chart.legend[0].label == "Input at its low value" && first == TornadoChart.lowColour)
        #expect(chart.legend[1].label == "Input at its high value" && second == TornadoChart.highColour)
        #expect(chart.body.contains(">+60.0 pp</text>"), "the swing beside its row")
    }

    /// The page's chart whose title contains `title`.
    static func chart(_ html: String, _ title: String) throws -> String {
        try #require(html.components(separatedBy: "<figure").first { $0.contains("<h3>" + title) })
    }

    /// The row labels of a tornado, top to bottom.
    static func labels(_ chart: String) -> [String] {
        chart.components(separatedBy: "text-anchor=\"end\">").dropFirst().compactMap { $0.components(separatedBy: "</text>").first }
            .filter { $0.hasPrefix("input ") }
    }

    @Test(arguments: ReportLanguage.allCases)
    func eachTornadoIsRankedByItsOwnSwingAndShowsTheSwingsInterval(language: ReportLanguage) async throws {
        let html = try ReportRenderer.render(texts: try await PolicyReportTests.folder("sensitivity"), language: language)
        let ruin = try Self.chart(html, language == .en ? "Tornado: probability that the fund runs short" : "龙卷风图：基金现金不足概率")
        let insolvency = try Self.chart(html, language == .en ? "Tornado: probability that assets end below all liabilities" : "龙卷风图：期末资不抵债概率")
        _ = try Self.chart(html, language == .en ? "Tornado: break-even rate" : "龙卷风图：全部订单盈亏平衡费率")
        // The fixture's ruin swings grow with the input's number, its insolvency swings shrink.
        #expect(Self.labels(ruin) == ["input 2", "input 1", "input 0"])
        #expect(Self.labels(insolvency) == ["input 0", "input 1", "input 2"])
        // input 0's insolvency swing +50 pp (35 to 65), beside its row.
        let swing = language == .en ? "+50.0 pp (+35.0 pp to +65.0 pp)" : "+50.0个百分点 (+35.0个百分点 至 +65.0个百分点)"
        #expect(insolvency.contains(">\(swing)</text>"), "\(insolvency)")
        #expect(insolvency.contains(language == .en ? "Input at its low value" : "参数取低值"))
        // The baseline P(insolvent), 55%, in the verdict and as the tornado's reference line.
        let verdict = try #require(html.components(separatedBy: "<p class=\"verdict\">").dropFirst().first?.components(separatedBy: "</p>").first)
        #expect(verdict.contains(language == .en ? "is 55% at the baseline" : "基准情形下期末资不抵债概率为 55%"))
        #expect(html.contains("data-figure=\"baseline/insolvencyProbability/estimate\""))
        #expect(html.contains("data-figure=\"inputs/0/insolvencySwing/low95\"") && html.contains("data-figure=\"inputs/2/breakEvenSwing/high95\""))
    }

    @Test func theConsoleGivesEachFiguresSwingWithItsIntervalAndTheBaselineInsolvency() async throws {
        let scenario = try #require(await ReportFixture.smokeMetrics().scenario)
        let rows = [("a", 0.1, -0.3), ("b", 0.4, 0.05)].map { name, ruin, insolvency in
            PolicyCommands.SensitivityRow(
                name: name, lowLabel: "×0.5", highLabel: "×2", ruinLow: Estimate(mean: 0.2, low: 0.1, high: 0.3),
                ruinHigh: Estimate(mean: 0.2 + ruin, low: 0.1, high: 0.9), ruinSwing: Estimate(mean: ruin, low: ruin - 0.05, high: ruin + 0.05),
                breakEvenLow: 0.05, breakEvenHigh: 0.06, insolvencyLow: Estimate(mean: 0.5, low: 0.4, high: 0.6),
                insolvencyHigh: Estimate(mean: 0.5 + insolvency, low: 0.1, high: 0.9),
                insolvencySwing: Estimate(mean: insolvency, low: insolvency - 0.1, high: insolvency + 0.1),
                breakEvenSwing: Estimate(mean: 0.01, low: 0.008, high: 0.012))
        }
        let report = SensitivityReport(
            scenario: scenario, baselineRuin: Estimate(mean: 0.2, low: 0.1, high: 0.3), baselineInsolvency: Estimate(mean: 0.45, low: 0.3, high: 0.6),
            baselineBreakEven: 0.055, rows: rows)
        let text = report.renderTable()
        #expect(text.contains("P(insolvent at horizon) 45.0% [30.0%, 60.0%]"))
        let lines = text.split(separator: "\n").map(String.init)
        let insolvencyHeader = try #require(lines.firstIndex { $0.contains("P(insolvent) at low") })
        // The insolvency block ranks a (−30 pp) above b (+5 pp), whatever the P(short) order.
        let a = try #require(lines[insolvencyHeader...].firstIndex { $0.hasPrefix("a ") })
        let b = try #require(lines[insolvencyHeader...].firstIndex { $0.hasPrefix("b ") })
        #expect(a < b)
        #expect(lines[a].hasSuffix("-30.0 pp [-40.0, -20.0]"))
        #expect(text.contains("+0.0100 [+0.0080, +0.0120]"), "the break-even swing with its interval")
        let csv = report.renderCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(csv.allSatisfy { $0.count == csv[0].count }, "every row has the header's columns")
        let column = try #require(csv[0].firstIndex(of: "insolvency_swing_low95"))
        #expect(csv[1][column] == "-0.4000")
    }
}
