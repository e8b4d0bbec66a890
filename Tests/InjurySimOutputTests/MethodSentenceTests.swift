import InjurySimAnalysis
import InjurySimCore
import Testing

@testable import InjurySimOutput

/// The method's verdict sentence names the method and the binding test, states the figures it is
/// given, and says the same percentages in English and Chinese.
@Suite struct MethodSentenceTests {
    static func figures(_ method: Scenario.Financing.Method, _ binding: FinancingOutcome.Binding) -> MethodVerdictFigures {
        let full = VerdictFigures(
            binding: .solvency, months: 120, replications: 50, ruin: 0.3, ruinInterval: (0.19, 0.44), insolvency: 0.9,
            insolvencyInterval: (0.79, 0.96), fundedRatioMedian: 0.31, firstShortfallMonths: 70)
        var f = MethodVerdictFigures(
            MethodVerdictFigures.Share(estimate: 0.3, low: 0.19, high: 0.44), full: full)
        f.method = method
        f.binding = binding
        return f
    }

    struct Case: Sendable, CustomStringConvertible {
        var method: Scenario.Financing.Method
        var binding: FinancingOutcome.Binding
        var english: [String]
        var chinese: [String]
        var description: String { "\(method) \(binding)" }
    }

    static let cases = [
        Case(
            method: .payAsYouGo, binding: .reserveTarget,
            english: [
                "Judged pay-as-you-go with a reserve", "the reserve target binds", "below 12 months", "62%", "30%", "2034", "¥0.215", "¥0.070",
                "8.4 months"
            ],
            chinese: ["按现收现付加储备评判", "决定性检验为储备目标检验", "低于 12 个月支出", "62%", "30%", "2034", "¥0.215", "¥0.070", "8.4 个月"]),
        Case(
            method: .payAsYouGo, binding: .exhaustion, english: ["exhaustion binds", "runs out in 30%", "median year of 2034"],
            chinese: ["决定性检验为储备耗尽检验", "30% 的情景中耗尽", "2034 年"]),
        Case(method: .payAsYouGo, binding: .neither, english: ["neither test failed", "none of 50 worlds"], chinese: ["两项检验均未失败", "全部 50 个情景"]),
        Case(
            method: .terminalFunding, binding: .capital,
            english: ["Judged by terminal funding", "the awards' capital binds", "in 45% of worlds", "¥12.3 bn", "terminal-funding rate is ¥0.512"],
            chinese: ["按资本化价值筹资评判", "决定性检验为长期待遇资本化价值检验", "45%", "123 亿元", "¥0.512"]),
        Case(
            method: .fullFunding, binding: .solvency, english: ["Judged by full funding", "Solvency binds", "90%", "0.31"],
            chinese: ["按完全积累评判", "决定性检验为偿付能力检验", "90%", "0.31"])
    ]

    @Test(arguments: cases)
    func theSentenceNamesTheMethodAndStatesItsFigures(c: Case) {
        let f = Self.figures(c.method, c.binding)
        let english = MethodSentence.english(f), chinese = MethodSentence.chinese(f)
        for part in c.english { #expect(english.contains(part), "\(part) in \(english)") }
        for part in c.chinese { #expect(chinese.contains(part), "\(part) in \(chinese)") }
        let percents = { (text: String) in text.split(whereSeparator: { !"0123456789.%".contains($0) }).filter { $0.hasSuffix("%") } }
        #expect(percents(english).sorted() == percents(chinese).sorted())
    }
}

extension MethodVerdictFigures {
    /// Figures for the sentence tests: reserve target 12 months, 62% missing it, exhaustion
    /// `exhausted` in a median 2034, 45% short of the awards' capital by a median ¥12.3 bn.
    init(_ exhausted: Share, full: VerdictFigures) {
        self.init(
            method: .payAsYouGo, binding: .neither, months: 120, replications: 50, reserveTargetMonths: 12, exhausted: exhausted,
            targetMissed: Share(estimate: 0.62, low: 0.48, high: 0.74), capitalShort: Share(estimate: 0.45, low: 0.32, high: 0.59),
            exhaustionYear: 2034, lastYear: 2035, costRate: 0.215, rateCharged: 0.07, terminalRate: 0.512, reserveMonths: 8.4,
            capitalShortfall: 12.3e9, fullFunding: full)
    }
}
