import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import Testing

@testable import InjurySimOutput

/// One registry of reported figures (``Figures``): `summary.json` writes every declared pool
/// spread, with the declared unit's decimals, for each pool and the total; the policy figures are
/// the declared per-replication ones; the report shows each key figure in the declared words.
@Suite struct FigureRegistryTests {
    @Test func keysAreUniqueAndEveryFigureHasWordsInBothLanguages() {
        #expect(Set(Figures.all.map(\.key)).count == Figures.all.count)
        for figure in Figures.all {
            #expect(!figure.english.isEmpty && !figure.chinese.isEmpty && !figure.short.isEmpty, "\(figure.key)")
            #expect(figure.chinese.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(figure.key): \(figure.chinese)")
            #expect(figure.isMoney == figure.key.hasSuffix("Yuan"), "\(figure.key): money figures' keys end in Yuan")
        }
    }

    @Test func summaryJSONWritesEveryDeclaredSpreadForEveryPoolWithItsUnitsDecimals() async throws {
        let texts = await ReportFixture.smoke()
        let json = try #require(texts["summary.json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pools = try #require(summary["pools"] as? [String: Any])
        let text = try #require(texts["summary.json"])
        #expect(!pools.isEmpty)
        for (name, value) in pools.map({ ($0.key, $0.value) }) + [("total", summary["total"] as Any)] {
            let pool = try #require(value as? [String: Any], "\(name)")
            for figure in Figures.poolSpreads {
                let spread = try #require(pool[figure.key] as? [String: Any], "\(name): \(figure.key)")
                #expect(Set(spread.keys) == ["p5", "p50", "p95", "mean"], "\(name): \(figure.key)")
            }
        }
        // Decimals as declared: a count has none, money two, ratios four (read from the text).
        for figure in Figures.poolSpreads {
            let p50 = try #require(text.range(of: "\"\(figure.key)\": {\n"), "\(figure.key)")
            let tail = text[p50.upperBound...].prefix(200)
            let mean = try #require(tail.split(separator: "\n").first { $0.contains("\"mean\"") })
            let number = mean.split(separator: ":")[1].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
            let decimals = number.split(separator: ".").dropFirst().first?.count ?? 0
            #expect(decimals == figure.unit.decimals, "\(figure.key): \(number)")
        }
    }

    @Test func thePolicyFiguresAreTheDeclaredPerReplicationOnesInOrder() async throws {
        let (metrics, _) = await ReportFixture.smokeMetrics()
        #expect(PolicyFigures.figures.map(\.key) == Figures.all.filter { $0.perReplication != nil }.map(\.key))
        #expect(PolicyFigures.figures.first?.key == "ruinProbability", "the sensitivity table ranks by the first figure")
        for figure in PolicyFigures.figures {
            #expect(metrics.map(figure.value).allSatisfy(\.isFinite) || figure.key.hasPrefix("lossRatio") || figure.key.hasPrefix("breakEven"))
            if figure.isIndicator { #expect(metrics.map(figure.value).allSatisfy { $0 == 0 || $0 == 1 }, "\(figure.key)") }
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func theRunReportNamesItsKeyFiguresInTheDeclaredWords(language: ReportLanguage) async throws {
        let texts = await ReportFixture.smoke()
        let page = try ReportRenderer.render(texts: texts, language: language)
        for key in ["ruinProbability", "solvencyPositionAtEndYuan", "ibnrReserveAtEndYuan", "fundedRatioAtEnd", "orders", "worstDeficitYuan"] {
            let words = ChartStyle.escape(Figures.named(key).label(language))
            #expect(page.contains("<tr><td>\(words)</td>"), "\(key): \(words)")
        }
    }
}
