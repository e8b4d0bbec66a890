import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The verdict in one sentence, from the summary's figures (never typed): which test binds and
/// both probabilities with their 95% intervals. English and Chinese say the same figures.
package enum VerdictSentence {
    static func interval(_ i: (low: Double, high: Double)) -> String {
        "95% CI " + Format.roundedPercent(i.low) + "–" + Format.roundedPercent(i.high)
    }

    /// The sentence for `pool` (usually the total) of a run over `months` months.
    package static func english(_ pool: PoolSummary, months: Int) -> String {
        english(VerdictFigures(pool, months: months))
    }

    package static func english(_ f: VerdictFigures) -> String {
        let months = f.months
        let shortText = "runs short of cash at some month end in \(Format.roundedPercent(f.ruin)) of worlds (\(interval(f.ruinInterval)))"
        let owesText =
            "its assets fall short of all it owes at the horizon (reported claims' future payments, claims not yet "
            + "reported, backstop debt) in \(Format.roundedPercent(f.insolvency)) of worlds (\(interval(f.insolvencyInterval)))"
        let funded = f.fundedRatioMedian.flatMap { Format.fixed($0, 2) }.map { "; median funded ratio \($0)" } ?? ""
        switch f.binding {
        case .solvency:
            return "Solvency binds: within \(months) months the fund \(shortText), but \(owesText)\(funded)."
        case .liquidity:
            let first = f.firstShortfallMonths.map { ", the first shortfall after a median of \($0) months" } ?? ""
            return "Liquidity binds: within \(months) months the fund \(shortText)\(first), while \(owesText)\(funded)."
        case .neither:
            return "Neither test failed: in none of \(f.replications) worlds did the fund run short of cash within \(months) months "
                + "or end with assets below all it owes (\(interval(f.ruinInterval)) for either)\(funded)."
        }
    }

    /// The same sentence in Chinese, with the same figures.
    package static func chinese(_ f: VerdictFigures) -> String {
        func ci(_ i: (low: Double, high: Double)) -> String { "95%置信区间 " + Format.roundedPercent(i.low) + "–" + Format.roundedPercent(i.high) }
        let shortText = "在 \(Format.roundedPercent(f.ruin)) 的情景中某月末现金不足（\(ci(f.ruinInterval))）"
        let owesText = "在 \(Format.roundedPercent(f.insolvency)) 的情景中期末资产不足以覆盖全部负债（已报案件的未来给付、已发生未报案件、兜底借款）（\(ci(f.insolvencyInterval))）"
        let funded = f.fundedRatioMedian.flatMap { Format.fixed($0, 2) }.map { "；期末资产负债比中位数为 \($0)" } ?? ""
        switch f.binding {
        case .solvency:
            return "\(Glossary.bindingTest.zh)为偿付能力检验：\(f.months) 个月内，基金\(shortText)，但\(owesText)\(funded)。"
        case .liquidity:
            let first = f.firstShortfallMonths.map { "，首次缺口中位数出现在第 \($0) 个月" } ?? ""
            return "\(Glossary.bindingTest.zh)为流动性检验：\(f.months) 个月内，基金\(shortText)\(first)；同时\(owesText)\(funded)。"
        case .neither:
            return "两项检验均未失败：在全部 \(f.replications) 个情景中，基金在 \(f.months) 个月内既未出现现金不足，"
                + "期末资产也未低于全部负债（两者均为\(ci(f.ruinInterval))）\(funded)。"
        }
    }
}
