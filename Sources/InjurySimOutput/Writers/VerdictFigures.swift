import InjurySimAnalysis
import InjurySimCore

/// The figures a verdict sentence is made of, from a run summary in memory or from the
/// `summary.json` of a results folder (so a re-rendered report says exactly what the run said).
package struct VerdictFigures: Sendable, Equatable {
    package var binding: Verdict
    package var months: Int
    package var replications: Int
    package var ruin: Double
    package var ruinInterval: (low: Double, high: Double)
    package var insolvency: Double
    package var insolvencyInterval: (low: Double, high: Double)
    /// The median funded ratio at the horizon (nil when no replication has liabilities).
    package var fundedRatioMedian: Double?
    /// The median first shortfall as a count of months from the start (1 = the first month).
    package var firstShortfallMonths: Int?

    package init(
        binding: Verdict, months: Int, replications: Int, ruin: Double, ruinInterval: (low: Double, high: Double),
        insolvency: Double, insolvencyInterval: (low: Double, high: Double), fundedRatioMedian: Double?, firstShortfallMonths: Int?
    ) {
        self.binding = binding
        self.months = months
        self.replications = replications
        self.ruin = ruin
        self.ruinInterval = ruinInterval
        self.insolvency = insolvency
        self.insolvencyInterval = insolvencyInterval
        self.fundedRatioMedian = fundedRatioMedian
        self.firstShortfallMonths = firstShortfallMonths
    }

    package init(_ pool: PoolSummary, months: Int) {
        self.init(
            binding: Verdict(binding: pool), months: months, replications: pool.replications, ruin: pool.ruinProbability,
            ruinInterval: pool.ruinInterval, insolvency: pool.insolvencyAtEndProbability, insolvencyInterval: pool.insolvencyAtEndInterval,
            fundedRatioMedian: pool.fundedRatioAtEnd.p50.isFinite ? pool.fundedRatioAtEnd.p50 : nil,
            firstShortfallMonths: pool.firstShortfallMonth.map { Int($0.p50) + 1 })
    }

    package static func == (a: VerdictFigures, b: VerdictFigures) -> Bool {
        a.binding == b.binding && a.months == b.months && a.replications == b.replications && a.ruin == b.ruin
            && a.ruinInterval == b.ruinInterval && a.insolvency == b.insolvency && a.insolvencyInterval == b.insolvencyInterval
            && a.fundedRatioMedian == b.fundedRatioMedian && a.firstShortfallMonths == b.firstShortfallMonths
    }
}
