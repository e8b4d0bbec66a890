import Foundation
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimOutput

/// The pages of sobol and condition folders: every printed figure the one in sobol.json or
/// condition.json (read back from the file), the same figures in both languages, the same bytes
/// twice, the lead sentence naming the group that carries most of each figure's variance, and
/// the inputs the evidence constrains named as such.
@Suite struct EvidencePagesTests {
    // MARK: sobol

    /// Indices chosen by hand: the claim rates lead the break-even rate and the solvency position,
    /// the severity mix leads P(short) by first-order index but not by total (listed second in the
    /// file, so ranking must reorder), a
    /// group below 0.5% is left to sobol.csv, and P(insolvent) has no spread at all.
    static func sobolRows() -> [GlobalSensitivity.Row] {
        func index(_ estimate: Double, _ low: Double, _ high: Double) -> SobolIndices.Index { .init(estimate: estimate, low95: low, high95: high) }
        let none = index(.nan, .nan, .nan)
        var rows: [GlobalSensitivity.Row] = []
        for figure in GlobalSensitivity.figureKeys {
            let claims: (Double, Double), severity: (Double, Double)
            switch figure {
            // The claim rates' total above the severity mix's: ranking or naming by total would put them first.
            case "ruinProbability": (claims, severity) = ((0.12, 0.7), (0.41, 0.55))
            case "solvencyPositionAtEndYuan": (claims, severity) = ((0.49, 0.6), (0.06, 0.1))
            default: (claims, severity) = ((0.68, 0.8), (0.08, 0.12))
            }
            let noSpread = figure == "insolvencyProbability"
            func row(_ group: String, _ first: Double, _ total: Double, less: Double?) -> GlobalSensitivity.Row {
                GlobalSensitivity.Row(
                    figure: figure, group: group, firstOrder: noSpread ? none : index(first, first - 0.26, first + 0.27),
                    total: noSpread ? none : index(total, total - 0.2, total + 0.3), totalLessChance: noSpread ? nil : less)
            }
            rows += [
                row("sectors.*.claimsPerMillionOrders", claims.0, claims.1, less: claims.1 - 0.3),
                row("sectors.*.severity", severity.0, severity.1, less: 0),
                row("basis.wageGrowthPerYear", 0.001, 0.002, less: 0),
                row(GlobalSensitivity.chance, 0.16, 0.3, less: nil)
            ]
        }
        return rows
    }

    static func sobolFolder() async throws -> [String: String] {
        let scenario = try #require(await ReportFixture.smokeMetrics().scenario)
        let groups = [
            GlobalSensitivity.Group(name: "sectors.*.claimsPerMillionOrders", inputs: ["sectors.food-delivery.claimsPerMillionOrders"], streams: []),
            GlobalSensitivity.Group(
                name: "sectors.*.severity", inputs: ["sectors.food-delivery.severity.grade4", "sectors.food-delivery.severity.death"], streams: []),
            GlobalSensitivity.Group(name: "basis.wageGrowthPerYear", inputs: ["basis.wageGrowthPerYear"], streams: [])
        ]
        let json = SobolTable(scenario: scenario, grouping: .key, rows: 16, groups: groups, indices: sobolRows()).renderJSON().rendered()
        let manifest =
            #"{"formatVersion": 5, "generator": "injurysim sobol", "replications": 96, "sampleFraction": 1.000000, "seed": 7, "baseRows": 16, "#
            + #""grouping": "key", "scenarios": [{"name": "smoke", "contentHash": "fnv1a64:0"}], "#
            + #""files": ["sobol.csv", "sobol.json", "manifest.json", "report.html"], "variants": \#(PolicyReportTests.variants("sobol"))}"#
        return ["sobol.json": json, "manifest.json": manifest]
    }

    /// Every `data-figure` of the page against the value at its path in `file`, in both
    /// languages; the same bytes twice; the same figures in English and Chinese. Returns the pages.
    static func checkFigures(_ texts: [String: String], file: String, atLeast: Int) throws -> [ReportLanguage: String] {
        let data = try JSONSerialization.jsonObject(with: Data(try #require(texts[file]).utf8))
        var pages: [ReportLanguage: String] = [:]
        var byLanguage: [[ReportPage.Figure]] = []
        for language in ReportLanguage.allCases {
            let html = try ReportRenderer.render(texts: texts, language: language)
            #expect(try html == ReportRenderer.render(texts: texts, language: language), "the same files give the same bytes")
            let page = ReportPage.parse(html)
            #expect(page.error == nil, "\(file) \(language): \(page.error ?? "")")
            for chart in page.charts { #expect(chart.contains("h3") && chart.contains("figcaption") && chart.contains("div.legend")) }
            #expect(page.figures.count >= atLeast, "\(file): \(page.figures.count) figures")
            for figure in page.figures {
                let expected = try #require(ReportTests.lookup(data, figure.path), "\(figure.path) is in \(file)")
                let printed = try #require(ReportPage.value(of: figure.text, kind: figure.kind), "'\(figure.text)' reads as a number")
                #expect(abs(printed.value - expected) <= printed.tolerance, "\(file) \(figure.path): printed \(figure.text), file \(expected)")
            }
            byLanguage.append(page.figures)
            pages[language] = html
        }
        #expect(byLanguage[0].map(\.path) == byLanguage[1].map(\.path), "English and Chinese print the same figures")
        return pages
    }

    /// The page's `<p class="verdict">`.
    static func verdict(_ html: String) throws -> String {
        try #require(html.components(separatedBy: "<p class=\"verdict\">").dropFirst().first?.components(separatedBy: "</p>").first)
    }

    @Test func everySobolFigureIsTheOneInSobolJSONInBothLanguages() async throws {
        let pages = try Self.checkFigures(try await Self.sobolFolder(), file: "sobol.json", atLeast: 60)
        for (language, html) in pages {
            // Three figures with spread: a chart each; P(insolvent) none.
            #expect(ReportPage.parse(html).charts.count == 3, "\(language)")
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func theLeadNamesTheGroupThatCarriesMostOfEachFigure(language: ReportLanguage) async throws {
        let html = try ReportRenderer.render(texts: try await Self.sobolFolder(), language: language)
        let verdict = try Self.verdict(html)
        if language == .en {
            #expect(
                verdict.contains(
                    "The break-even rate: claim rates carry 68% [42%, 95%] of its variance alone, severity mixes 8.0% [−18%, 35%]; chance 16% [−10%, 43%]."
                ), "\(verdict)")
            #expect(
                verdict.contains("P(short of cash): severity mixes carry 41% [15%, 68%] of its variance alone, claim rates 12% [−14%, 39%]; chance"))
            #expect(verdict.contains("P(insolvent at the horizon) is the same in every world of the design"))
        } else {
            #expect(verdict.contains("盈亏平衡费率：事故率单独解释其方差的 68% [42%, 95%]，伤残等级构成 8.0% [−18%, 35%]；随机性 16% [−10%, 43%]。"), "\(verdict)")
            #expect(verdict.contains("现金不足概率：伤残等级构成单独解释其方差的 41% [15%, 68%]"))
            #expect(verdict.contains("期末资不抵债概率在设计的所有世界中都相同"))
            // Real Chinese: none of the English sentence's words.
            for word in ["carry", "variance", "chance", "alone", "the same"] { #expect(!verdict.contains(word), "untranslated: \(word)") }
        }
        // A group under 0.5% on both indices is left to sobol.csv, and the note says so.
        #expect(!html.contains("<code>basis.wageGrowthPerYear</code></td><td class=\"num\">1"))
        #expect(html.contains(language == .en ? "1 more groups below 0.5%" : "另有 1 组"))
    }

    @Test func theSobolTableIsRankedByFirstOrderAndShowsTotalLessChance() async throws {
        let html = try ReportRenderer.render(texts: try await Self.sobolFolder(), language: .en)
        let page = ReportPage.parse(html)
        // P(short) is figure 1: the severity mix (file index 1, 41%) before chance (index 3, 16%) and the claim rates (index 0, 12%);
        // the lead names the groups first and chance last.
        let order = page.figures.map(\.path).filter { $0.hasPrefix("figures/1/") && $0.hasSuffix("/firstOrder/estimate") }.map {
            $0.split(separator: "/")[3]
        }
        #expect(order == ["1", "0", "3", "1", "3", "0"], "\(order)")
        #expect(page.figures.contains { $0.path == "figures/2/indices/0/totalLessChance" && $0.text == "50%" })
        #expect(html.contains("Its total lies between the total less chance's total and the total"))
        #expect(html.contains("injurysim sobol smoke.json --seed 7 --rows 16 --by key"))
    }

    @Test func theSobolChartsAxisCoversZeroToOneAndCutsWildIntervals() {
        func row(_ low: Double, _ high: Double) -> SobolChart.Row {
            SobolChart.Row(label: "g", firstOrder: (low, (low + high) / 2, high), total: (0.1, 0.2, 0.3), totalLessChance: nil)
        }
        #expect(SobolChart.axis([row(0.2, 0.4)]) == (0, 1))
        #expect(SobolChart.axis([row(-0.41, 1.07)]) == (-0.5, 1.25))
        #expect(SobolChart.axis([row(-3, 4)]) == (SobolChart.axisLimits.low, SobolChart.axisLimits.high))
    }

    // MARK: condition

    /// A condition.json written by hand: two rounds, the posterior read from round 1; the claim
    /// rate narrowed to 40% of its range, the wage not (95%); one published figure observed and one
    /// held out.
    static func conditionFolder(posterior: Bool = true) -> [String: String] {
        func share(_ e: Double, _ l: Double, _ h: Double) -> String { #"{"estimate": \#(e), "high95": \#(h), "low95": \#(l)}"# }
        func figures(_ s: Double) -> String {
            #"{"breakEvenRateYuanPerOrder": {"mean": 0.11, "p5": 0.059, "p50": 0.1\#(Int(s * 10))7, "p95": 0.194}, "#
                + #""capitalShortProbability": \#(share(0.8, 0.782, 0.817)), "insolvencyProbabilityAtHorizon": \#(share(0.873, 0.858, 0.887)), "#
                + #""reserveTargetMissedProbability": \#(share(0.731, 0.711, 0.75)), "shortProbability": \#(share(s, s - 0.02, s + 0.03))}"#
        }
        let post = posterior ? figures(0.108) : "null"
        let evidence = #"""
            {"conditioned": true, "effectiveSampleSize": \#(posterior ? "113.90" : "12.50"), "minimumEffectiveSampleSize": 20, "replications": 500, "worldsWithWeight": 480,
             "prior": \#(figures(0.21)), "posterior": \#(post),
             "inputs": [
              {"firstOrderIndex": {"breakEvenRate": 0.59, "insolventAtHorizon": 0.25}, "narrowing": \#(posterior ? "0.400" : "null"), "path": "sectors.food-delivery.claimsPerMillionOrders",
               "prior": {"mean": 2.5, "p5": 1.25, "p50": 2.4, "p95": 4.5}, "posterior": \#(posterior ? #"{"mean": 2.3, "p5": 1.75, "p50": 2.3, "p95": 3.05}"# : "null")},
              {"firstOrderIndex": {"breakEvenRate": 0.01, "insolventAtHorizon": 0.02}, "narrowing": \#(posterior ? "0.950" : "null"), "path": "provinces.south.averageMonthlyWageYuan",
               "prior": {"mean": 9000, "p5": 8600, "p50": 9000, "p95": 9400}, "posterior": \#(posterior ? #"{"mean": 9010, "p5": 8630, "p50": 9012, "p95": 9390}"# : "null")}],
             "published": [
              {"book": "total", "column": "published:insuredPersons@2023-09", "figure": "insuredPersons", "month": "2023-09", "observation": null,
               "posterior": \#(posterior ? #"{"mean": 6600000, "p5": 6100000, "p50": 6550000, "p95": 7100000}"# : "null"), "prior": {"mean": 6700000, "p5": 6000000, "p50": 6650000, "p95": 7400000}, "published": 6680000},
              {"book": "total", "column": "published:benefitsPaidYuan@2023-09", "figure": "benefitsPaidYuan", "month": "2023-09", "observation": "normal ±15%",
               "posterior": \#(posterior ? #"{"mean": 480000000, "p5": 400000000, "p50": 485000000, "p95": 560000000}"# : "null"), "prior": {"mean": 520000000, "p5": 300000000, "p50": 510000000, "p95": 800000000}, "published": 490000000}]}
            """#
        let condition =
            #"{"evidence": \#(evidence), "maximumRounds": 3, "posteriorRound": \#(posterior ? 1 : 0), "replicationsPerRound": 500, "#
            + #""rounds": [{"effectiveSampleSize": \#(posterior ? "113.90" : "12.50"), "round": 0}, {"effectiveSampleSize": \#(posterior ? "131.25" : "9.75"), "round": 1}], "#
            + #""scenario": "pilot-2022", "targetEffectiveSampleSize": 250.0}"#
        let manifest =
            #"{"formatVersion": 5, "generator": "injurysim condition", "replications": 500, "sampleFraction": 0.010000, "seed": 7, "rounds": 1, "#
            + #""grade1to4Allowance": "toRetirement", "scenarios": [{"name": "pilot-2022", "contentHash": "fnv1a64:0"}], "#
            + #""files": ["rounds.csv", "worlds.csv", "condition.json", "manifest.json", "report.html"], "variants": \#(PolicyReportTests.variants("condition"))}"#
        return ["condition.json": condition, "manifest.json": manifest]
    }

    @Test func everyConditionFigureIsTheOneInConditionJSONInBothLanguages() throws {
        let pages = try Self.checkFigures(Self.conditionFolder(), file: "condition.json", atLeast: 40)
        for (_, html) in pages {
            let paths = Set(ReportPage.parse(html).figures.map(\.path))
            // Prior and posterior side by side, every round's ESS, each input's ranges, the published figures.
            for path in [
                "evidence/prior/shortProbability/low95", "evidence/posterior/shortProbability/high95",
                "evidence/posterior/breakEvenRateYuanPerOrder/p50",
                "rounds/0/effectiveSampleSize", "rounds/1/effectiveSampleSize", "evidence/inputs/0/posterior/p95", "evidence/inputs/1/narrowing",
                "evidence/published/0/posterior/p50", "evidence/published/1/published"
            ] {
                #expect(paths.contains(path), "\(path)")
            }
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func theConditionPageSaysWhatTheDataConstrainAndWhichRoundGivesThePosterior(language: ReportLanguage) throws {
        let html = try ReportRenderer.render(texts: Self.conditionFolder(), language: language)
        let verdict = try Self.verdict(html)
        if language == .en {
            #expect(verdict.contains("round 1, effective sample size 131.25 of 500"), "\(verdict)")
            #expect(verdict.contains("runs short of cash in 11% of worlds against 21% over all worlds"))
            #expect(
                html.contains(
                    "The evidence narrows sectors.food-delivery.claimsPerMillionOrders to 40% of the prior 90% range; it says little about the other input"
                ))
            #expect(html.contains("<td>normal ±15%</td>") && html.contains("held out (not weighed)"))
            #expect(html.contains("to the retirement age only"), "the manifest's allowance term")
            #expect(html.contains("injurysim condition pilot-2022.json --seed 7 --replications 500 --rounds 3"))
        } else {
            #expect(verdict.contains("第 1 轮，有效样本量 131.25"), "\(verdict)")
            #expect(html.contains("证据将 sectors.food-delivery.claimsPerMillionOrders 的区间收窄至先验 90% 区间的 40%"))
            #expect(html.contains("<td>正态误差 ±15%</td>") && html.contains("未参与加权"))
            for word in ["Weighted", "worlds", "round", "prior", "posterior", "held out"] {
                #expect(!verdict.contains(word), "untranslated: \(word)")
            }
        }
        // The row of the posterior's round is marked, not round 0's.
        let marked = language == .en ? "posterior read from this round" : "后验取自本轮"
        #expect(html.contains("data-figure=\"rounds/1/effectiveSampleSize\" data-kind=\"ratio\">131.25</td><td>\(marked)</td>"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func aConditionWithTooFewAgreeingWorldsWithholdsTheWeightedFigures(language: ReportLanguage) throws {
        let texts = Self.conditionFolder(posterior: false)
        _ = try Self.checkFigures(texts, file: "condition.json", atLeast: 15)
        let html = try ReportRenderer.render(texts: texts, language: language)
        let verdict = try Self.verdict(html)
        #expect(verdict.contains(language == .en ? "Too few worlds agree" : "与证据吻合的世界太少"), "\(verdict)")
        #expect(verdict.contains("12.50"), "the largest effective sample size, round 0's")
        #expect(!html.contains("evidence/posterior/"))
        // A manifest without the allowance term (written before it was recorded) does not claim one.
        var older = texts
        older["manifest.json"] = try #require(texts["manifest.json"]).replacingOccurrences(of: #""grade1to4Allowance": "toRetirement", "#, with: "")
        let page = try ReportRenderer.render(texts: older, language: language)
        #expect(!page.contains(language == .en ? "to the retirement age only" : "仅支付至退休年龄"))
        #expect(page.contains(language == .en ? "this folder does not record the term used" : "本结果目录未记录所用设定"))
    }
}
