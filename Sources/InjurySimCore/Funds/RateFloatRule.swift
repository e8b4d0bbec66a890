/// The yearly per-platform rate float: steps of `stepShare` of the benchmark, capped at
/// ±`maxShare`, set from a loss ratio over the review window.
package struct RateFloatRule: Sendable, Equatable {
    /// What the loss ratio at a review is made of.
    package enum Basis: String, Sendable, CaseIterable {
        /// Benefits paid ÷ contributions received over the window (支缴率, the paid ratio): what
        /// the regulator sees at the review month.
        case paid
        /// As `paid`, plus the growth over the window of the case reserves (present value of
        /// reported claims' payments still to come): the window's reported incurred cost.
        case paidPlusReserves
        /// The ultimate present value of recognised claims from accidents since the last review
        /// ÷ contributions since then: perfect foresight, for comparison.
        case foresight
    }

    package var enabled: Bool
    /// Calendar month (1…12) when new rates take effect.
    package var reviewMonth: Int
    package var basis: Basis
    /// Months of the review window, ending with the month before `reviewMonth` (not used by
    /// `foresight`, which looks back to the last review).
    package var windowMonths: Int
    /// Loss ratio at which the rate stays at the benchmark.
    package var targetLossRatio: Double
    /// Loss-ratio points per rate step.
    package var lossRatioPerStep: Double
    package var stepShare: Double
    package var maxShare: Double
    /// Platforms with fewer months of contributions keep the benchmark.
    package var minMonthsOfContributions: Int
    /// Per province (index), the first review that may move its rates (domain.md §2.3: Shandong
    /// floats from 2027); a review before it leaves the province's rates as they are. A province
    /// not listed floats at every review.
    package var firstReview: [Int: YearMonth] = [:]

    package init(
        enabled: Bool, reviewMonth: Int, basis: Basis, windowMonths: Int, targetLossRatio: Double,
        lossRatioPerStep: Double, stepShare: Double, maxShare: Double, minMonthsOfContributions: Int
    ) {
        self.enabled = enabled
        self.reviewMonth = reviewMonth
        self.basis = basis
        self.windowMonths = windowMonths
        self.targetLossRatio = targetLossRatio
        self.lossRatioPerStep = lossRatioPerStep
        self.stepShare = stepShare
        self.maxShare = maxShare
        self.minMonthsOfContributions = minMonthsOfContributions
    }

    /// Whether rates are reviewed as `month` opens, month `chainMonth` of the chain (0: its
    /// first): once a year in the review month, effective from it, never in the chain's first
    /// month (nothing to review yet). Reviewing as the month opens, not as the month before
    /// closes, keeps a review in a later phase's first month (`continues`).
    package func reviews(at month: YearMonth, chainMonth: Int) -> Bool {
        enabled && chainMonth > 0 && month.month == reviewMonth
    }

    /// Whether a review as `month` opens may move province `province`'s rates (its first
    /// review, ``firstReview``, has come).
    package func floats(province: Int, at month: YearMonth) -> Bool {
        guard let first = firstReview[province] else { return true }
        return month >= first
    }

    /// The rate multiplier for the coming year, from the review's loss ratio.
    ///
    /// Steps = the loss ratio's distance from the target in whole `lossRatioPerStep`s, truncated
    /// toward zero (so a small deviation does not move the rate), capped so the multiplier stays
    /// within 1 ± `maxShare`. A platform with too short a history stays at the benchmark.
    package func multiplier(lossRatio: Double, monthsOfContributions: Int) -> Double {
        guard enabled, monthsOfContributions >= minMonthsOfContributions, lossRatio.isFinite else { return 1 }
        // A tiny tolerance keeps a ratio exactly on a step boundary (0.9 with target 0.8) on it
        // despite binary rounding.
        let exact = (lossRatio - targetLossRatio) / lossRatioPerStep
        let rawSteps = (exact + (exact >= 0 ? 1e-9 : -1e-9)).rounded(.towardZero)
        let maxSteps = (maxShare / stepShare).rounded(.down)
        let steps = min(max(rawSteps, -maxSteps), maxSteps)
        return 1 + steps * stepShare
    }
}
