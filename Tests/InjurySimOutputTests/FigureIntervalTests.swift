import Foundation
import InjurySimCore
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimOutput
@testable import InjurySimScenario

/// Intervals respect the figure: a figure that cannot be negative never gets a negative bound,
/// and a tail figure is printed only when the replications support it.
@Suite struct FigureIntervalTests {
    @Test func aNonNegativeSkewedFigureKeepsItsIntervalAboveZero() {
        // Nine worlds with no deficit and one with a large one: Student t would go below zero.
        let deficits = [Double](repeating: 0, count: 9) + [1_000_000]
        #expect(Estimate(deficits).low < 0, "the old interval fails the rule")
        let e = PolicyFigures.bootstrapMean(deficits)
        #expect(e.low >= 0 && e.low <= e.mean && e.mean <= e.high && e.high <= 1_000_000)
        #expect(e.mean == 100_000)
        #expect(PolicyFigures.bootstrapMean(deficits) == e, "a fixed stream: the same interval every time")
    }

    @Test func everyHeadlineAmountOfAComparisonStaysInTheRangeOfItsReplications() async throws {
        let (metrics, _) = await ReportFixture.smokeMetrics()
        for figure in PolicyFigures.figures where !figure.isIndicator {
            let values = metrics.map(figure.value)
            let e = PolicyFigures.estimate(figure, metrics)
            #expect(e.low >= (values.min() ?? 0) && e.high <= (values.max() ?? 0), "\(figure.key): [\(e.low), \(e.high)]")
            let d = PolicyFigures.pairedDifference(figure, metrics, metrics.reversed())
            let differences = zip(metrics, metrics.reversed()).map { figure.value($1) - figure.value($0) }
            #expect(d.low >= (differences.min() ?? 0) && d.high <= (differences.max() ?? 0), "\(figure.key) difference")
        }
    }

    @Test func a995TailFigureNeedsTenReplicationsBeyondItsQuantile() {
        #expect(TailRule.replicationsNeeded(level: 0.995) == 2_000)
        #expect(TailRule.replicationsNeeded(level: 0.99) == 1_000)
        #expect(!TailRule.isSupported(level: 0.995, replications: 1_999))
        #expect(TailRule.isSupported(level: 0.995, replications: 2_000))
    }

    @Test func fewReplicationsGiveNeedsInsteadOfATailFigureInJSONConsoleAndCompare() async throws {
        let texts = await ReportFixture.smoke()
        let summary = try JSONSerialization.jsonObject(with: Data(try #require(texts["summary.json"]).utf8)) as? [String: Any]
        let total = try #require(summary?["total"] as? [String: Any])
        for key in ["worstDeficitYuan", "solvencyDeficitAtEndYuan"] {
            let tail = try #require(total[key] as? [String: Any])
            #expect(tail["needsReplications"] as? Int == 2_000)
            #expect(tail["VaR99.5"] is NSNull && tail["TVaR99.5"] is NSNull)
        }
        let (metrics, scenario) = await ReportFixture.smokeMetrics()
        let start = try #require(scenario).startMonth
        let comparison = Comparison(entries: [
            .init(name: "a", startMonth: start, metrics: metrics), .init(name: "b", startMonth: start, metrics: metrics)
        ])
        #expect(comparison.renderTable().contains("needs ≥ 2000 replications"))
        let json = comparison.renderJSON().rendered()
        #expect(json.contains("\"needsReplications\": 2000"))
        // The median is not a tail figure: it stays.
        #expect(comparison.rows.first { $0.key == "worstDeficitMedianYuan" }?.needsReplications == nil)
    }
}
