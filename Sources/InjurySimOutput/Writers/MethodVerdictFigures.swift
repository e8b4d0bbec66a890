import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The figures the financing method's verdict sentence is made of, from a run summary in memory
/// or from `summary.json` (so a re-rendered report says exactly what the run said). Values from
/// memory are rounded as the file writes them, so both give the same sentence.
package struct MethodVerdictFigures: Sendable, Equatable {
    /// A share with its 95% interval.
    package struct Share: Sendable, Equatable {
        package var estimate: Double
        package var low: Double
        package var high: Double

        package init(estimate: Double, low: Double, high: Double) {
            (self.estimate, self.low, self.high) = (estimate, low, high)
        }
    }

    package var method: Scenario.Financing.Method
    package var binding: FinancingOutcome.Binding
    package var months: Int
    package var replications: Int
    package var reserveTargetMonths: Double
    package var exhausted: Share
    package var targetMissed: Share
    package var capitalShort: Share
    /// The median calendar year of exhaustion, over the worlds exhausted.
    package var exhaustionYear: Int?
    /// The horizon's last calendar year and the medians of its rates and reserve.
    package var lastYear: Int
    package var costRate: Double?
    package var rateCharged: Double?
    package var terminalRate: Double?
    package var reserveMonths: Double?
    /// Median awards' capital not covered by the reserve at the horizon, yuan.
    package var capitalShortfall: Double?
    /// The full-funding verdict's figures (the method's verdict when the method is full funding).
    package var fullFunding: VerdictFigures

    package init(
        method: Scenario.Financing.Method, binding: FinancingOutcome.Binding, months: Int, replications: Int, reserveTargetMonths: Double,
        exhausted: Share, targetMissed: Share, capitalShort: Share, exhaustionYear: Int?, lastYear: Int, costRate: Double?,
        rateCharged: Double?, terminalRate: Double?, reserveMonths: Double?, capitalShortfall: Double?, fullFunding: VerdictFigures
    ) {
        self.method = method
        self.binding = binding
        self.months = months
        self.replications = replications
        self.reserveTargetMonths = reserveTargetMonths
        self.exhausted = exhausted
        self.targetMissed = targetMissed
        self.capitalShort = capitalShort
        self.exhaustionYear = exhaustionYear
        self.lastYear = lastYear
        self.costRate = costRate
        self.rateCharged = rateCharged
        self.terminalRate = terminalRate
        self.reserveMonths = reserveMonths
        self.capitalShortfall = capitalShortfall
        self.fullFunding = fullFunding
    }

    /// As the file writes `value` with `decimals` decimals, read back; nil for NaN.
    static func filed(_ value: Double, _ decimals: Int) -> Double? { Format.fixed(value, decimals).flatMap(Double.init) }

    package init(_ pool: PoolSummary, months: Int) {
        let f = pool.financing
        func share(_ count: Int) -> Share {
            let interval = f.interval(count)
            return Share(
                estimate: Self.filed(f.share(count), 4) ?? .nan, low: Self.filed(interval.low, 4) ?? .nan,
                high: Self.filed(interval.high, 4) ?? .nan)
        }
        method = f.method
        binding = f.binding
        self.months = months
        replications = f.replications
        reserveTargetMonths = f.reserveTargetMonths
        exhausted = share(f.exhaustedReplications)
        targetMissed = share(f.targetMissedReplications)
        capitalShort = share(f.capitalShortReplications)
        exhaustionYear = f.exhaustionYear.map { Int($0.p50) }
        lastYear = f.lastYear
        costRate = Self.filed(f.costRateLastYear.p50, 4)
        rateCharged = Self.filed(f.rateChargedLastYear.p50, 4)
        terminalRate = Self.filed(f.terminalRateLastYear.p50, 4)
        reserveMonths = Self.filed(f.reserveMonthsAtEnd.p50, 4)
        capitalShortfall = Self.filed(f.capitalShortfallAtEnd.p50 / 100, 2)
        fullFunding = VerdictFigures(pool, months: months)
    }

    /// The figures of the total as `summary.json` holds them (`fullFunding`: the full-funding
    /// verdict's, read by ``RunReport/verdictFigures(_:)``).
    package init(summary: ResultJSON, fullFunding: VerdictFigures) {
        let total = summary["total"]
        let f = total["financing"]
        func share(_ key: String) -> Share {
            Share(estimate: f[key]["estimate"].number ?? .nan, low: f[key]["low95"].number ?? .nan, high: f[key]["high95"].number ?? .nan)
        }
        method = Scenario.Financing.Method(rawValue: f["method"].string ?? "") ?? .payAsYouGo
        binding = FinancingOutcome.Binding(rawValue: f["binding"].string ?? "") ?? .neither
        months = Int(summary["months"].number ?? 0)
        replications = Int(summary["replications"].number ?? 0)
        reserveTargetMonths = f["reserveTargetMonths"].number ?? .nan
        exhausted = share("exhaustionProbability")
        targetMissed = share("reserveBelowTargetProbability")
        capitalShort = share("capitalShortProbability")
        exhaustionYear = f.at("exhaustionYear/p50").number.map { Int($0) }
        lastYear = Int(f["lastYear"].number ?? 0)
        costRate = total.at("costRateLastYearYuanPerOrder/p50").number
        rateCharged = total.at("rateChargedLastYearYuanPerOrder/p50").number
        terminalRate = total.at("terminalFundingRateLastYearYuanPerOrder/p50").number
        reserveMonths = total.at("reserveMonthsAtEnd/p50").number
        capitalShortfall = total.at("capitalShortfallAtEndYuan/p50").number
        self.fullFunding = fullFunding
    }
}
