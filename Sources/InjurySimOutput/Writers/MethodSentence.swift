import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The verdict of the scenario's financing method in one sentence, from the summary's figures
/// (never typed): the method it judges by, the test that binds, its probabilities with 95%
/// intervals and the last year's rates. Under full funding it is the full-funding sentence
/// (``VerdictSentence``) with the method named. English and Chinese say the same figures.
package enum MethodSentence {
    static func percent(_ share: MethodVerdictFigures.Share) -> String { Format.roundedPercent(share.estimate) }
    static func interval(_ share: MethodVerdictFigures.Share) -> String {
        "95% CI " + Format.roundedPercent(share.low) + "–" + Format.roundedPercent(share.high)
    }
    static func ci(_ share: MethodVerdictFigures.Share) -> String {
        "95%置信区间 " + Format.roundedPercent(share.low) + "–" + Format.roundedPercent(share.high)
    }
    /// Yuan per order with three decimals, the sign before the currency ("−¥0.012").
    static func rate(_ value: Double?) -> String {
        guard let value, let text = Format.fixed(abs(value), 3) else { return "n/a" }
        return (value < 0 && text != "0.000" ? "−¥" : "¥") + text
    }
    /// An amount in its unit: whole above 100, one decimal above 1, else two significant digits.
    static func amount(_ value: Double) -> String {
        abs(value) >= 100 ? Format.fixed(value, 0) ?? "n/a" : abs(value) >= 1 ? Format.fixed(value, 1) ?? "n/a" : Format.significant(value, 2)
    }
    static func months(_ value: Double?) -> String { value.flatMap { Format.fixed($0, 1) } ?? "n/a" }

    package static func english(_ f: MethodVerdictFigures) -> String {
        let target = Format.short(f.reserveTargetMonths)
        let exhausted =
            "the reserve runs out in \(percent(f.exhausted)) of worlds (\(interval(f.exhausted)))"
            + (f.exhaustionYear.map { ", in a median year of \($0)" } ?? "")
        switch f.method {
        case .fullFunding:
            return "Judged by full funding (assets at the horizon against everything owed for accidents so far): "
                + VerdictSentence.english(f.fullFunding)
        case .payAsYouGo:
            let missed =
                "the reserve falls below \(target) months of spending at some year end in \(percent(f.targetMissed)) of worlds (\(interval(f.targetMissed)))"
            let rates =
                "in \(f.lastYear) the cost rate is \(rate(f.costRate)) per order against \(rate(f.rateCharged)) charged and the reserve "
                + "holds \(months(f.reserveMonths)) months of spending (medians)"
            let lead = "Judged pay-as-you-go with a reserve (the scheme's rule, 以支定收), "
            switch f.binding {
            case .exhaustion: return lead + "exhaustion binds: within \(f.months) months \(exhausted), and \(missed); \(rates)."
            case .neither:
                return lead + "neither test failed: in none of \(f.replications) worlds did the reserve run out or fall below \(target) "
                    + "months of spending at a year end within \(f.months) months (\(interval(f.targetMissed)) for either); \(rates)."
            default: return lead + "the reserve target binds: within \(f.months) months \(missed), and \(exhausted); \(rates)."
            }
        case .terminalFunding:
            let short =
                "at the horizon the reserve falls short of the capital of the long-term awards in payment in \(percent(f.capitalShort)) "
                + "of worlds (\(interval(f.capitalShort)))"
                + (f.capitalShort.estimate > 0 ? ", a median of \(f.capitalShortfall.map { "¥" + amount($0 / 1e9) + " bn" } ?? "n/a") uncovered" : "")
            let rates =
                "in \(f.lastYear) the terminal-funding rate is \(rate(f.terminalRate)) per order against \(rate(f.rateCharged)) charged (medians)"
            let lead = "Judged by terminal funding (each year's short-term benefits plus the capital of its long-term awards), "
            switch f.binding {
            case .exhaustion: return lead + "exhaustion binds: within \(f.months) months \(exhausted), and \(short); \(rates)."
            case .neither:
                return lead + "neither test failed: in none of \(f.replications) worlds did the reserve run out within \(f.months) months "
                    + "or end below the awards' capital (\(interval(f.capitalShort)) for either); \(rates)."
            default: return lead + "the awards' capital binds: \(short), and within \(f.months) months \(exhausted); \(rates)."
            }
        }
    }

    /// The general average premium over the horizon's full years and the actuarial balance, in
    /// one sentence (nil without a full year).
    package static func premium(_ f: FinancingOutcome, closingReserveYears: Double) -> String? {
        guard f.fullYears > 0, f.generalAveragePremium.p50.isFinite else { return nil }
        let g = f.generalAveragePremium, b = f.actuarialBalance
        return "General average premium over the horizon's \(f.fullYears) full year\(f.fullYears == 1 ? "" : "s") (closing reserve "
            + "\(Format.short(closingReserveYears)) year\(closingReserveYears == 1 ? "" : "s") of spending): \(rate(g.p50)) per order "
            + "(median; 90% of worlds \(rate(g.p5))–\(rate(g.p95))); actuarial balance (rate charged − premium) \(rate(b.p50))."
    }

    package static func chinese(_ f: MethodVerdictFigures) -> String {
        let target = Format.short(f.reserveTargetMonths)
        let exhausted =
            "储备在 \(percent(f.exhausted)) 的情景中耗尽（\(ci(f.exhausted))）" + (f.exhaustionYear.map { "，耗尽年份中位数为 \($0) 年" } ?? "")
        switch f.method {
        case .fullFunding:
            return "按完全积累评判（期末资产对比迄今事故的全部负债）：" + VerdictSentence.chinese(f.fullFunding)
        case .payAsYouGo:
            let missed = "在 \(percent(f.targetMissed)) 的情景中某年末储备低于 \(target) 个月支出（\(ci(f.targetMissed))）"
            let rates =
                "\(f.lastYear) 年成本费率为每单 \(rate(f.costRate))，实际费率为 \(rate(f.rateCharged))，储备可支付 \(months(f.reserveMonths)) 个月（中位数）"
            let lead = "按现收现付加储备评判（本制度“以支定收”的规则），"
            switch f.binding {
            case .exhaustion: return lead + "\(Glossary.bindingTest.zh)为储备耗尽检验：\(f.months) 个月内，\(exhausted)；\(missed)；\(rates)。"
            case .neither:
                return lead + "两项检验均未失败：在全部 \(f.replications) 个情景中，\(f.months) 个月内储备既未耗尽，"
                    + "年末也未低于 \(target) 个月支出（两者均为\(ci(f.targetMissed))）；\(rates)。"
            default: return lead + "\(Glossary.bindingTest.zh)为储备目标检验：\(f.months) 个月内，\(missed)；\(exhausted)；\(rates)。"
            }
        case .terminalFunding:
            let short =
                "期末储备在 \(percent(f.capitalShort)) 的情景中低于在付长期待遇的资本化价值（\(ci(f.capitalShort))）"
                + (f.capitalShort.estimate > 0 ? "，未覆盖部分中位数为 \(f.capitalShortfall.map { amount($0 / 1e8) + " 亿元" } ?? "n/a")" : "")
            let rates = "\(f.lastYear) 年资本化价值筹资费率为每单 \(rate(f.terminalRate))，实际费率为 \(rate(f.rateCharged))（中位数）"
            let lead = "按资本化价值筹资评判（每年支付短期待遇并提足当年新增长期待遇的资本化价值），"
            switch f.binding {
            case .exhaustion: return lead + "\(Glossary.bindingTest.zh)为储备耗尽检验：\(f.months) 个月内，\(exhausted)；\(short)；\(rates)。"
            case .neither:
                return lead + "两项检验均未失败：在全部 \(f.replications) 个情景中，\(f.months) 个月内储备既未耗尽，"
                    + "期末也未低于长期待遇资本化价值（两者均为\(ci(f.capitalShort))）；\(rates)。"
            default: return lead + "\(Glossary.bindingTest.zh)为长期待遇资本化价值检验：\(short)；\(f.months) 个月内，\(exhausted)；\(rates)。"
            }
        }
    }
}
