import InjurySimFormat
import Testing

@testable import InjurySimOutput

/// compare's scorecard and verdict: the best option per figure (only when clearly apart from the
/// others) and every difference whose 95% interval excludes zero, named, or "no difference"; differences of shares in percentage points with true minus signs.
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

    @Test func withoutAClearDifferenceTheVerdictSaysThereIsNoneAndNamesNoBest() {
        let card = CompareScorecard(
            names: ["base", "a"], columns: [(Self.insolvent, [V(estimate: 0.5), V(estimate: 0.49, difference: (-0.01, -0.04, 0.02))])], language: .en)
        #expect(card.best(0) == 1, "a's estimate is lower")
        #expect(card.clearBest(0) == nil, "but its interval holds zero")
        #expect(card.verdict().hasPrefix("No difference: no difference from base has a 95% interval that excludes zero"))
        #expect(!card.verdict().contains("Best option") && !card.verdict().contains("lowest"))
        let zh = CompareScorecard(names: card.names, columns: card.columns, language: .zh)
        #expect(zh.verdict().hasPrefix("无差异") && !zh.verdict().contains("最优方案"))
    }

    @Test func exactlyTiedOptionsHaveNoBest() {
        // Two variants clearly better than the base and tied with each other: neither is the best.
        let tied = CompareScorecard(
            names: ["base", "a", "b"],
            columns: [
                (
                    Self.insolvent,
                    [V(estimate: 0.5), V(estimate: 0.3, difference: (-0.2, -0.25, -0.15)), V(estimate: 0.3, difference: (-0.2, -0.25, -0.15))]
                )
            ], language: .en)
        #expect(tied.clearBest(0) == nil)
        #expect(!tied.verdict().contains("Best option"))
        // Identical options: every difference exactly zero.
        let same = CompareScorecard(
            names: ["base", "copy"], columns: [(Self.insolvent, [V(estimate: 0.4), V(estimate: 0.4, difference: (0, 0, 0))])], language: .en)
        #expect(same.clearBest(0) == nil)
        #expect(same.verdict().hasPrefix("No difference") && !same.verdict().contains("Best option"))
    }

    struct BestCase: Sendable, CustomStringConvertible {
        var rule: String
        var values: [CompareScorecard.Value]
        var best: Int?
        var description: String { rule }
    }

    static let bestCases: [BestCase] = [
        BestCase(
            rule: "a variant clearly better than the first is named", values: [V(estimate: 0.5), V(estimate: 0.3, difference: (-0.2, -0.3, -0.1))],
            best: 1),
        BestCase(
            rule: "the first is named when every variant is clearly worse",
            values: [V(estimate: 0.2), V(estimate: 0.3, difference: (0.1, 0.05, 0.15)), V(estimate: 0.4, difference: (0.2, 0.1, 0.3))], best: 0),
        BestCase(
            rule: "the first is not named when one variant is within noise",
            values: [V(estimate: 0.2), V(estimate: 0.3, difference: (0.1, 0.05, 0.15)), V(estimate: 0.21, difference: (0.01, -0.02, 0.04))], best: nil
        ),
        BestCase(
            rule: "the lowest estimate is not named when its difference holds zero, even with another clear difference",
            values: [V(estimate: 0.5), V(estimate: 0.7, difference: (0.2, 0.1, 0.3)), V(estimate: 0.45, difference: (-0.05, -0.1, 0.01))], best: nil)
    ]

    @Test(arguments: bestCases)
    func theBestIsNamedOnlyWhenClearlyApart(c: BestCase) {
        let card = CompareScorecard(names: c.values.indices.map { "o\($0)" }, columns: [(Self.insolvent, c.values)], language: .en)
        #expect(card.clearBest(0) == c.best)
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
