/// The 2025 two-tier assignment of per-order rates (domain.md §2.2, domain-part2 §6.2): at the
/// rule's month each platform of the listed sectors is put, province by province, on the high
/// rate when its paid ratio (支缴率: benefits paid ÷ contributions received) over the window in
/// that province exceeds the threshold, else on the low rate; a platform with no contributions
/// in the window there (new to the pilot) pays the low rate. The float then moves from the
/// tier's rate. The threshold is not published: an uncertain input, an assumption.
package struct RateTierRule: Sendable, Equatable {
    /// The month the tiers take effect (as it opens); nil: the first month of the phase that
    /// holds the rule.
    package var month: YearMonth?
    /// The window of the paid ratio, first and last month included (calendar months, read on
    /// the chain's clock: months before the chain's start hold nothing).
    package var windowFrom: YearMonth
    package var windowTo: YearMonth
    /// The sectors whose platforms are assigned (indices); the others keep their own rates.
    package var sectors: [Int]
    package var lowYuanPerOrder: Double
    package var highYuanPerOrder: Double
    /// The paid ratio above which a platform pays the high rate (uncertain; an assumption).
    package var paidRatioThreshold: Param
    /// Per sector (index), a factor on both tiers' rates for its platforms (1 when not listed):
    /// how `solve` and the sensitivity table scale a sector's rates when the tiers set them.
    package var rateScale: [Int: Double] = [:]

    package init(
        month: YearMonth?, windowFrom: YearMonth, windowTo: YearMonth, sectors: [Int], lowYuanPerOrder: Double,
        highYuanPerOrder: Double, paidRatioThreshold: Param
    ) {
        self.month = month
        self.windowFrom = windowFrom
        self.windowTo = windowTo
        self.sectors = sectors
        self.lowYuanPerOrder = lowYuanPerOrder
        self.highYuanPerOrder = highYuanPerOrder
        self.paidRatioThreshold = paidRatioThreshold
    }

    /// The month the rule applies in a phase that starts at `phaseStart`.
    package func effectiveMonth(phaseStart: YearMonth) -> YearMonth { month ?? phaseStart }

    /// The window as closed-month indices of a chain that starts at `chainStart` (a platform's
    /// experience counts its months from there); empty when the window ends before the chain.
    package func window(chainStart: YearMonth) -> Range<Int> {
        let from = max(0, windowFrom.months(since: chainStart))
        let to = windowTo.months(since: chainStart) + 1
        return from..<max(from, to)
    }

    /// The tier's rate, yuan per order, for a paid ratio over the window (nil: no contributions
    /// in the window, a platform new to the scheme there). The high rate only strictly above the
    /// threshold.
    package func rateYuan(paidRatio: Double?, threshold: Double) -> Double {
        guard let paidRatio else { return lowYuanPerOrder }
        return paidRatio > threshold ? highYuanPerOrder : lowYuanPerOrder
    }

    /// The tier's rate for a platform of `sector` (``rateYuan(paidRatio:threshold:)`` × the
    /// sector's ``rateScale``).
    package func rateYuan(paidRatio: Double?, threshold: Double, sector: Int) -> Double {
        rateYuan(paidRatio: paidRatio, threshold: threshold) * (rateScale[sector] ?? 1)
    }

    /// The rule with the tier rates of `sector`'s platforms multiplied by `factor`.
    package func scaling(sector: Int, by factor: Double) -> RateTierRule {
        var copy = self
        copy.rateScale[sector] = (rateScale[sector] ?? 1) * factor
        return copy
    }
}
