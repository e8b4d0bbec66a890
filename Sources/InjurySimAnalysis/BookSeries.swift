import InjurySimCore
import InjurySimEngine

/// One replication's figures of one ``Book``, month by month: every metric's monthly value, its
/// running total since the first phase of a chain, and the ratios read from them. The one place
/// the books' ratios are computed (`platforms.csv`, summary.json's `platforms` and `sectors`,
/// published figures of a platform or sector).
package struct BookSeries: Sendable {
    /// `[metric][month]`: flows are the month's amounts, stocks the month's values.
    package let monthly: [[Double]]
    /// `[metric][month]`: flows summed from the first phase to the month's end; stocks as `monthly`.
    package let cumulative: [[Double]]
    package let adminCostShare: Double

    package init(_ book: Book, _ result: ReplicationResult) {
        var monthly: [[Double]] = []
        var cumulative: [[Double]] = []
        for metric in PlatformMetric.allCases {
            let series = (0..<result.months).map { book.value(result, month: $0, metric) }
            monthly.append(series)
            if metric.isStock {
                cumulative.append(series)
            } else {
                var running = book.platforms.reduce(0.0) { $0 + Double(result.opening(platform: $1, metric: metric)) }
                cumulative.append(
                    series.map {
                        running += $0
                        return running
                    })
            }
        }
        self.monthly = monthly
        self.cumulative = cumulative
        adminCostShare = result.adminCostShare
    }

    package var months: Int { monthly.first?.count ?? 0 }

    package func monthly(_ metric: PlatformMetric, _ month: Int) -> Double { monthly[metric.rawValue][month] }
    package func cumulative(_ metric: PlatformMetric, _ month: Int) -> Double { cumulative[metric.rawValue][month] }

    /// A flow summed over this scenario's horizon (not the earlier phases).
    package func horizon(_ metric: PlatformMetric) -> Double { monthly[metric.rawValue].reduce(0, +) }

    /// Fen over orders as yuan per order; NaN without orders.
    static func perOrder(_ fen: Double, _ orders: Double) -> Double { orders > 0 ? fen / orders / 100 : .nan }
    static func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }

    /// The pay-as-you-go cost rate over `months` (yuan per order): the fund's benefits falling
    /// due for the book's claims plus the administration share of the contributions it paid, ÷
    /// its orders — the total's (benefits due + administration) ÷ orders, for a platform or sector.
    package func costRate(_ months: Range<Int>) -> Double {
        let due = months.reduce(0.0) { $0 + monthly(.benefitsDue, $1) }
        let paid = months.reduce(0.0) { $0 + monthly(.contributionsPaid, $1) }
        return Self.perOrder(due + adminCostShare * paid, months.reduce(0.0) { $0 + monthly(.orders, $1) })
    }

    /// The rate charged over `months`: contributions booked ÷ orders, yuan per order.
    package func rateCharged(_ months: Range<Int>) -> Double {
        Self.perOrder(months.reduce(0.0) { $0 + monthly(.contributionsBooked, $1) }, months.reduce(0.0) { $0 + monthly(.orders, $1) })
    }

    /// The rate charged in a month, after the float: contributions booked ÷ orders, yuan per order.
    package func rateCharged(_ month: Int) -> Double { Self.perOrder(monthly(.contributionsBooked, month), monthly(.orders, month)) }
    /// The average rate charged since the first phase.
    package func rateChargedSinceStart(_ month: Int) -> Double {
        Self.perOrder(cumulative(.contributionsBooked, month), cumulative(.orders, month))
    }
    /// Fund benefits falling due ÷ contributions paid, since the first phase.
    package func paidLossRatio(_ month: Int) -> Double { Self.ratio(cumulative(.benefitsDue, month), cumulative(.contributionsPaid, month)) }
    /// Incurred cost (present value of recognised claims at their accident month) ÷ contributions booked, since the first phase.
    package func incurredLossRatio(_ month: Int) -> Double {
        Self.ratio(cumulative(.incurred, month), cumulative(.contributionsBooked, month))
    }
    /// The break-even rate since the first phase (``ReplicationMetrics/breakEvenRate(incurredFen:orders:adminCostShare:)``).
    package func breakEvenRate(_ month: Int) -> Double {
        ReplicationMetrics.breakEvenRate(
            incurredFen: cumulative(.incurred, month), orders: cumulative(.orders, month), adminCostShare: adminCostShare)
    }

    /// Over this horizon only: paid and incurred loss ratios, break-even rate and average rate charged.
    package var horizonPaidLossRatio: Double { Self.ratio(horizon(.benefitsDue), horizon(.contributionsPaid)) }
    package var horizonIncurredLossRatio: Double { Self.ratio(horizon(.incurred), horizon(.contributionsBooked)) }
    package var horizonBreakEvenRate: Double {
        ReplicationMetrics.breakEvenRate(incurredFen: horizon(.incurred), orders: horizon(.orders), adminCostShare: adminCostShare)
    }
    package var horizonRateCharged: Double { Self.perOrder(horizon(.contributionsBooked), horizon(.orders)) }
}
