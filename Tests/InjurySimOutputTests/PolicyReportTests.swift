import Foundation
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimOutput
@testable import InjurySimScenario

/// The pages of compare, sweep, solve and sensitivity folders: well-formed, every printed figure
/// the one in the command's JSON, the same bytes twice, the same numbers in both languages.
@Suite struct PolicyReportTests {
    /// A policy folder's texts as the command writes them (JSON made by the command's own renderer
    /// from a real smoke run's replications; the manifest as `policyManifest` lays it out).
    static func folder(_ command: String) async throws -> [String: String] {
        let (metrics, scenarioOrNil) = await ReportFixture.smokeMetrics()
        let scenario = try #require(scenarioOrNil)
        let json: String
        var extra = ""
        switch command {
        case "compare":
            json = Comparison(entries: [
                .init(name: "base", startMonth: scenario.startMonth, metrics: metrics),
                .init(name: "variant.2", startMonth: scenario.startMonth, metrics: metrics.reversed())
            ]).renderJSON().rendered()
        case "sweep":
            let path = "platforms.caocao.ratePerOrderYuan"
            json = SweepTable(
                axes: [path],
                points: [
                    .init(settings: [(path, "0.5")], metrics: metrics),
                    .init(settings: [(path, "1")], metrics: Array(metrics.prefix(3))),
                    .init(settings: [(path, "2")], metrics: Array(metrics.suffix(2)))
                ]
            ).renderJSON().rendered()
            extra = #", "axes": [{"path": "\#(path)", "values": ["0.5", "1", "2"]}]"#
        case "solve":
            let target = try #require(PolicyCommands.Target(parsing: "ruin<=0.4"))
            let solution = PolicyCommands.Solution(
                target: target, sectorName: nil, multiplier: Estimate(mean: 2.5, low: 1.75, high: 4.125), exceedsLimit: false,
                limit: 64, replications: 5, evaluations: 9, benchmarks: [("meituan", 0.07), ("caocao", 0.01)],
                breakEven: [], thresholds: [1.25, 2.5, 3.5, .infinity, 2])
            json = SolveReport(solution: solution).renderJSON().rendered()
            extra = #", "target": "ruin<=0.4", "for": "all""#
        default:
            let rows = (0..<3).map { (k: Int) -> PolicyCommands.SensitivityRow in
                let x = Double(k)
                let insolvencySwing = Estimate(mean: 0.5 - 0.2 * x, low: 0.35 - 0.2 * x, high: 0.65 - 0.2 * x)
                let breakEvenSwing = Estimate(mean: 0.075 + x / 100, low: 0.06, high: 0.09 + x / 100)
                return PolicyCommands.SensitivityRow(
                    name: "input \(k)", lowLabel: "×0.5", highLabel: "×2", ruinLow: Estimate(mean: 0.1 * x, low: 0, high: 0.3),
                    ruinHigh: Estimate(mean: 0.2 + 0.25 * x, low: 0.1, high: 0.9), ruinSwing: Estimate(mean: 0.2 + 0.15 * x, low: 0.05, high: 0.6),
                    breakEvenLow: 0.05, breakEvenHigh: 0.125 + x / 100, insolvencyLow: Estimate(mean: 0.6 - 0.2 * x, low: 0.3, high: 0.8),
                    insolvencyHigh: Estimate(mean: 0.7, low: 0.5, high: 0.9), insolvencySwing: insolvencySwing, breakEvenSwing: breakEvenSwing)
            }
            json = SensitivityReport(
                scenario: scenario, baselineRuin: Estimate(mean: 0.2, low: 0.08, high: 0.42),
                baselineInsolvency: Estimate(mean: 0.55, low: 0.3, high: 0.77), baselineBreakEven: 0.0875, rows: rows
            )
            .renderJSON().rendered()
        }
        let manifest =
            #"{"formatVersion": 2, "generator": "injurysim \#(command)", "replications": 5, "sampleFraction": 1.000000, "seed": 7, "#
            + #""scenarios": [{"name": "smoke", "contentHash": "fnv1a64:0"}], "files": ["\#(command).json", "manifest.json", "report.html"], "#
            + #""variants": \#(variants(command))\#(extra)}"#
        return ["\(command).json": json, "manifest.json": manifest]
    }

    /// The manifest's `variants`: compare's two scenarios share one input and differ in one each;
    /// the others have one variant (a sweep's first point with the inputs, the rest fixed).
    static func variants(_ command: String) -> String {
        func variant(_ name: String, _ inputs: [(String, String)], on: Bool = true) -> String {
            #"{"name": "\#(name)", "uncertainty": \#(on), "uncertainInputs": ["#
                + inputs.map { #"{"distribution": "\#($0.1)", "path": "\#($0.0)"}"# }.joined(separator: ", ") + "]}"
        }
        let shared = ("sectors.food-delivery.claimsPerMillionOrders", "LogN(median 2.4, σ 0.35)")
        switch command {
        case "compare":
            return "["
                + variant("base", [shared, ("basis.investmentReturnPerYear", "U(0, 0.03)")]) + ", "
                + variant("variant.2", [shared, ("basis.investmentReturnPerYear", "U(0.01, 0.02)")], on: false) + "]"
        case "sweep":
            let path = "platforms.caocao.ratePerOrderYuan"
            return "[" + ["0.5", "1", "2"].map { variant("\(path)=\($0)", [shared]) }.joined(separator: ", ") + "]"
        default: return "[" + variant("smoke", [shared]) + "]"
        }
    }

    static let commands = ["compare", "sweep", "solve", "sensitivity"]

    @Test(arguments: commands)
    func everyPrintedFigureIsTheOneInTheCommandsJSONInBothLanguages(command: String) async throws {
        let texts = try await Self.folder(command)
        let data = try JSONSerialization.jsonObject(with: Data(try #require(texts["\(command).json"]).utf8))
        var byLanguage: [[ReportPage.Figure]] = []
        for language in ReportLanguage.allCases {
            let html = try ReportRenderer.render(texts: texts, language: language)
            #expect(try html == ReportRenderer.render(texts: texts, language: language), "the same files give the same bytes")
            let page = ReportPage.parse(html)
            #expect(page.error == nil, "\(command) \(language): \(page.error ?? "")")
            #expect(page.charts.count >= 1)
            for chart in page.charts { #expect(chart.contains("h3") && chart.contains("figcaption") && chart.contains("div.legend")) }
            #expect(page.figures.count >= 10, "\(command): \(page.figures.count) figures")
            for figure in page.figures {
                let expected = try #require(ReportTests.lookup(data, figure.path), "\(figure.path) is in \(command).json")
                let printed = try #require(ReportPage.value(of: figure.text, kind: figure.kind), "'\(figure.text)' reads as a number")
                #expect(abs(printed.value - expected) <= printed.tolerance, "\(command) \(figure.path): printed \(figure.text), file \(expected)")
            }
            byLanguage.append(page.figures)
        }
        #expect(byLanguage[0].map(\.path) == byLanguage[1].map(\.path), "English and Chinese print the same figures")
    }

    @Test func aCompareFolderWithoutItsJSONIsNamed() async throws {
        var texts = try await Self.folder("compare")
        texts["compare.json"] = nil
        #expect(throws: ReportError.missingFile(folder: "C", file: "compare.json")) {
            try ReportRenderer.render(texts: texts, language: .en, folder: "C")
        }
    }

    /// Issue 12: What was run lists the uncertain inputs of every variant, once where shared, with
    /// the variants that draw one where they differ, and whether each drew them — in both languages.
    @Test(arguments: ReportLanguage.allCases)
    func whatWasRunListsTheVariantsUncertainInputs(language: ReportLanguage) async throws {
        let compare = try ReportRenderer.render(texts: try await Self.folder("compare"), language: language)
        // Grouped by the object they belong to; an input not drawn by every variant says which draw it.
        let only = language == .en ? "only in" : "仅限"
        #expect(compare.components(separatedBy: "claimsPerMillionOrders").count == 2, "a shared input is listed once")
        #expect(compare.contains("<tr><td><code>sectors.food-delivery</code></td><td>"))
        #expect(compare.contains("<code>claimsPerMillionOrders</code> LogN(median 2.4, σ 0.35)") && !compare.contains("σ 0.35) (\(only)"))
        #expect(compare.contains("<tr><td><code>basis</code></td><td>"))
        #expect(compare.contains("<code>investmentReturnPerYear</code> U(0, 0.03) (\(only) base)"))
        #expect(compare.contains("<code>investmentReturnPerYear</code> U(0.01, 0.02) (\(only) variant.2)"))
        #expect(compare.contains(language == .en ? "on for base; off for variant.2" : "开：base；关：variant.2"))
        let sweep = try ReportRenderer.render(texts: try await Self.folder("sweep"), language: language)
        #expect(sweep.contains(language == .en ? " — the same at every grid point</h3>" : "——各扫描点相同</h3>"), "shared by all: said once")
        #expect(sweep.contains("<tr><td><code>sectors.food-delivery</code></td><td><code>claimsPerMillionOrders</code> LogN(median 2.4, σ 0.35)"))
        for command in ["solve", "sensitivity"] {
            let page = try ReportRenderer.render(texts: try await Self.folder(command), language: language)
            #expect(page.contains("<tr><td><code>sectors.food-delivery</code></td><td><code>claimsPerMillionOrders</code> LogN(median 2.4, σ 0.35)"))
            #expect(page.contains(language == .en ? "Uncertain inputs, drawn once per replication" : "不确定参数（每次模拟抽样一次）"))
            #expect(!page.contains("--no-uncertainty"))
        }
        if language == .zh {
            for word in ["all", "on for", "off for", "Grid points", "Scenarios", "Input", "Distribution"] {
                #expect(!compare.contains(">\(word)") && !sweep.contains(">\(word)"), "untranslated: \(word)")
            }
        }
    }

    /// Issue 12: the compare page overlays each scenario's median net position by month, from
    /// compare.json, which holds the nearest-rank median of the replications' month-end values.
    @Test func theComparePageOverlaysEachScenariosMonthlyMedianNetPosition() async throws {
        let (metrics, scenarioOrNil) = await ReportFixture.smokeMetrics()
        let scenario = try #require(scenarioOrNil)
        let texts = try await Self.folder("compare")
        let data = try JSONSerialization.jsonObject(with: Data(try #require(texts["compare.json"]).utf8))
        let months = scenario.months
        #expect(metrics.allSatisfy { $0.netPositionByMonth.count == months })
        for month in 0..<months {
            let sorted = metrics.map { $0.netPositionByMonth[month] }.sorted()
            let median = sorted[(sorted.count + 1) / 2 - 1]
            for name in ["base", "variant.2"] {
                #expect(abs((ReportTests.lookup(data, "netPositionMedianYuan/\(name)/p50/\(month)") ?? .nan) - median) < 0.006)
            }
        }
        for language in ReportLanguage.allCases {
            let html = try ReportRenderer.render(texts: texts, language: language)
            let page = ReportPage.parse(html)
            let title = language == .en ? "Median fund net position by month (all pools), each scenario" : "各方案基金净结余月度中位数（全部统筹地区）"
            let chart = try #require(html.components(separatedBy: "<figure class=\"chart\">").first { $0.contains(title) })
            #expect(chart.components(separatedBy: "<polyline").count - 1 == 2, "one line per scenario")
            let cells = page.figures.filter { $0.path.hasPrefix("netPositionMedianYuan/") }
            #expect(cells.count == 2 * ((months + 11) / 12), "every twelve months and the last, per scenario")
            #expect(cells.contains { $0.path == "netPositionMedianYuan/variant.2/p50/\(months - 1)" })
        }
    }

    /// Issue 12: the sweep page charts the break-even rate against the swept value, with its band.
    @Test func theSweepPageChartsTheBreakEvenRate() async throws {
        let texts = try await Self.folder("sweep")
        let html = try ReportRenderer.render(texts: texts, language: .en)
        let page = ReportPage.parse(html)
        #expect(page.figures.filter { $0.path.hasSuffix("/breakEvenRateYuanPerOrder/estimate") }.count == 3)
        #expect(page.figures.filter { $0.path.contains("breakEvenRateYuanPerOrder") }.allSatisfy { $0.kind == "rate" })
        let chart = try #require(html.components(separatedBy: "<figure class=\"chart\">").first { $0.hasPrefix("\n<h3>Break-even rate") })
        #expect(chart.contains("<polygon") && chart.contains("<polyline") && chart.contains("Yuan per order"))
    }

    /// `report DIR` on a compare folder written before the monthly medians and the variants'
    /// inputs: the page renders, without that chart, table or list.
    @Test func aCompareFolderOfAnEarlierBuildStillRenders() async throws {
        var texts = try await Self.folder("compare")
        let compareText = try #require(texts["compare.json"]), manifestText = try #require(texts["manifest.json"])
        var data = try #require(try JSONSerialization.jsonObject(with: Data(compareText.utf8)) as? [String: Any])
        data["netPositionMedianYuan"] = nil
        texts["compare.json"] = String(decoding: try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]), as: UTF8.self)
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        manifest["variants"] = nil
        texts["manifest.json"] = String(decoding: try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]), as: UTF8.self)
        let html = try ReportRenderer.render(texts: texts, language: .en)
        #expect(ReportPage.parse(html).error == nil)
        #expect(!html.contains("Median fund net position by month") && !html.contains("Median net position every twelve months"))
        #expect(!html.contains("Uncertain inputs"))
        #expect(html.contains("All figures") && html.contains("Scorecard"))
    }

    /// The compare page leads with its scorecard: the options by their labels and descriptions
    /// from the manifest, each difference cell tied to compare.json, and the verdict naming the
    /// best option per figure or saying there is no difference (CompareScorecard's own sentence,
    /// rebuilt from the file).
    @Test(arguments: ReportLanguage.allCases)
    func theComparePageLeadsWithAScorecardOfLabelledDescribedOptions(_ language: ReportLanguage) async throws {
        var texts = try await Self.folder("compare")
        texts["manifest.json"] = try #require(texts["manifest.json"]).replacingOccurrences(
            of: #"{"name": "variant.2", "#,
            with: #"{"name": "variant.2", "description": "Phased by sector, a year apart", "label": {"en": "By sector", "zh": "按行业分批"}, "#)
        let html = try ReportRenderer.render(texts: texts, language: language)
        let page = ReportPage.parse(html)
        #expect(page.error == nil)
        let scorecard = try #require(
            html.components(separatedBy: "<table class=\"scorecard\">").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(scorecard.contains(language == .en ? "By sector" : "按行业分批") && scorecard.contains("Phased by sector, a year apart"))
        #expect(scorecard.contains("<thead>"), "the header row repeats on printed pages")
        // A difference of probabilities in percentage points, tied to the file.
        let points = page.figures.filter { $0.kind == "points" }
        #expect(!points.isEmpty && points.allSatisfy { $0.path.contains("/differenceVsFirst/") })
        #expect(points.allSatisfy { $0.text.hasSuffix(language == .en ? " pp" : "个百分点") })
        let verdict = try #require(html.components(separatedBy: "<p class=\"verdict\">").dropFirst().first?.components(separatedBy: "</p>").first)
        // A best option where one is clearly apart, else the differences that are clear, else no difference; never both a best and none.
        let best = verdict.contains(language == .en ? "Best option per figure" : "各项指标的最优方案")
        let none = verdict.hasPrefix(language == .en ? "No difference" : "无差异")
        let clear = verdict.contains(language == .en ? "whose 95% interval excludes zero: " : "95%置信区间不含零的差值")
        #expect((best || clear || none) && !(none && (best || clear)), "\(verdict)")
        #expect(!html.contains("-¥") && html.firstRange(of: />-[0-9]/) == nil, "true minus signs only")
    }
}
