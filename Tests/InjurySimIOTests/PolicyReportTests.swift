import Foundation
import InjurySimCore
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimIO

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
            let rows = (0..<3).map { k in
                PolicyCommands.SensitivityRow(
                    name: "input \(k)", lowLabel: "×0.5", highLabel: "×2", ruinLow: Estimate(mean: 0.1 * Double(k), low: 0, high: 0.3),
                    ruinHigh: Estimate(mean: 0.2 + 0.25 * Double(k), low: 0.1, high: 0.9),
                    ruinSwing: Estimate(mean: 0.2 + 0.15 * Double(k), low: 0.05, high: 0.6), breakEvenLow: 0.05,
                    breakEvenHigh: 0.125 + Double(k) / 100)
            }
            json = SensitivityReport(
                scenario: scenario, baselineRuin: Estimate(mean: 0.2, low: 0.08, high: 0.42), baselineBreakEven: 0.0875, rows: rows
            )
            .renderJSON().rendered()
        }
        let manifest =
            #"{"formatVersion": 2, "generator": "injurysim \#(command)", "replications": 5, "sampleFraction": 1.000000, "seed": 7, "#
            + #""scenarios": [{"name": "smoke", "contentHash": "fnv1a64:0"}], "files": ["\#(command).json", "manifest.json", "report.html"]\#(extra)}"#
        return ["\(command).json": json, "manifest.json": manifest]
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
}
