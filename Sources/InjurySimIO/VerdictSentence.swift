import InjurySimAnalysis
import InjurySimCore

/// The verdict in one sentence, from the summary's figures (never typed): which test binds and
/// both probabilities with their 95% intervals.
package enum VerdictSentence {
    static func percent(_ x: Double) -> String {
        let digits = x > 0 && x < 0.1 ? 1 : 0
        return (Format.fixed(x * 100, digits) ?? "n/a") + "%"
    }

    static func interval(_ i: (low: Double, high: Double)) -> String {
        "95% CI " + percent(i.low) + "–" + percent(i.high)
    }

    /// The sentence for `pool` (usually the total) of a run over `months` months.
    package static func english(_ pool: PoolSummary, months: Int) -> String {
        let shortText = "runs short of cash at some month end in \(percent(pool.ruinProbability)) of worlds (\(interval(pool.ruinInterval)))"
        let owesText = "its assets fall short of all it owes at the horizon (reported claims' future payments, claims not yet "
            + "reported, backstop debt) in \(percent(pool.insolvencyAtEndProbability)) of worlds (\(interval(pool.insolvencyAtEndInterval)))"
        let funded = Format.fixed(pool.fundedRatioAtEnd.p50, 2).map { "; median funded ratio \($0)" } ?? ""
        switch Verdict(binding: pool) {
        case .solvency:
            return "Solvency binds: within \(months) months the fund \(shortText), but \(owesText)\(funded)."
        case .liquidity:
            let first = pool.firstShortfallMonth.map { ", the first shortfall after a median of \(Int($0.p50) + 1) months" } ?? ""
            return "Liquidity binds: within \(months) months the fund \(shortText)\(first), while \(owesText)\(funded)."
        case .neither:
            return "Neither test failed: in none of \(pool.replications) worlds did the fund run short of cash within \(months) months "
                + "or end with assets below all it owes (\(interval(pool.ruinInterval)) for either)\(funded)."
        }
    }
}
