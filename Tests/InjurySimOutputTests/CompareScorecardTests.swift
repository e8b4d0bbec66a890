import InjurySimFormat
import Testing

@testable import InjurySimOutput

/// compare's scorecard and verdict: the best option per figure and every difference whose 95%
/// interval excludes zero, named; differences of shares in percentage points with true minus signs.
@Suite struct CompareScorecardTests {
    typealias V = CompareScorecard.Value
    static let short = CompareScorecard.criteria[0], insolvent = CompareScorecard.criteria[2], net = CompareScorecard.criteria[3]
    static let rate = CompareScorecard.criteria[5]

    /// Base, A (cuts P(short) clearly), B (raises the end position clearly, P(short) within noise).
    static func card(_ language: ReportLanguage) -> CompareScorecard {
        CompareScorecard(
            names: ["base", "a", "b"],
            columns: [
                (
                    short,
                    [V(estimate: 0.87), V(estimate: 0.12, difference: (-0.75, -0.78, -0.72)), V(estimate: 0.85, difference: (-0.02, -0.06, 0.02))]
                ),
                (
                    net,
                    [
                        V(estimate: 1e9), V(estimate: 0.9e9, difference: (-0.1e9, -0.3e9, 0.1e9)),
                        V(estimate: 4.44e9, difference: (3.44e9, 1.2e9, 5.6e9))
                    ]
                ),
                (
                    rate,
                    [
                        V(estimate: 0.07), V(estimate: 0.071, difference: (0.001, 0.0005, 0.002)),
                        V(estimate: 0.069, difference: (-0.001, -0.003, 0.001))
                    ]
                )
            ], language: language)
    }

    @Test func theBestOptionPerFigureGoesTheFigureWay() {
        let card = Self.card(.en)
        #expect(card.best(0) == 1, "lowest P(short)")
        #expect(card.best(1) == 2, "highest end net position")
        #expect(card.best(2) == 2, "lowest break-even rate")
    }

    @Test func theVerdictNamesTheBestAndEveryClearDifferenceAndNoOther() {
        let text = Self.card(.en).verdict()
        #expect(text.contains("lowest P(any pool short) — a (12%)"))
        #expect(text.contains("highest end net position — b (4.44 bn)"))
        #expect(text.contains("a, P(any pool short) \u{2212}75.0 pp (\u{2212}78.0 pp to \u{2212}72.0 pp; better)"))
        #expect(text.contains("b, end net position +3.44 bn"))
        #expect(text.contains("a, break-even rate +¥0.001 (+¥0.0005 to +¥0.002; worse)"))
        // Intervals that hold zero are not named as differences.
        #expect(!text.contains("b, P(any pool short)") && !text.contains("a, end net position") && !text.contains("b, break-even"))
        #expect(text.firstRange(of: /-[0-9¥]/) == nil, "no hyphen-minus before a number: \(text)")
    }

    @Test func theChineseVerdictCarriesTheSameFiguresInItsOwnWords() {
        let text = Self.card(.zh).verdict()
        #expect(text.contains("任一统筹地区现金不足概率最低的是a（12%）"))
        #expect(text.contains("a的任一统筹地区现金不足概率 \u{2212}75.0个百分点（\u{2212}78.0个百分点 至 \u{2212}72.0个百分点；更优）"))
        #expect(text.contains("b的期末基金净结余 +34.40亿元"))
    }

    @Test func withoutAClearDifferenceTheVerdictSaysSo() {
        let card = CompareScorecard(
            names: ["base", "a"], columns: [(Self.insolvent, [V(estimate: 0.5), V(estimate: 0.49, difference: (-0.01, -0.04, 0.02))])], language: .en)
        #expect(card.verdict().contains("No difference from base has a 95% interval that excludes zero"))
        #expect(card.verdict().contains("lowest P(insolvent at the end) — a (49%)"))
    }

    @Test func aColumnWritesAllItsAmountsInOneUnit() {
        let card = Self.card(.en)
        // The column's largest amount is billions: a hundred million is 0.10 billion, not 100 million.
        #expect(card.difference(-0.1e9, column: 1) == "\u{2212}0.10 bn")
        #expect(card.level(1e9, column: 1) == "1.00 bn")
        let zh = Self.card(.zh)
        #expect(zh.difference(-0.1e9, column: 1) == "\u{2212}1.00亿元")
    }
}
