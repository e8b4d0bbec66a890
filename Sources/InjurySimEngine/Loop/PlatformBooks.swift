import InjurySimCore

/// One replication's books per platform, month by month: orders, contributions, persons
/// insured, claims by severity, benefits by item as they fall due, and the incurred cost.
///
/// Amounts are recorded at full population scale as they arrive (each multiplied by the
/// `scale` of the pool it came from, 1 / its sample fraction), because a platform's figures
/// come from pools sampled at different fractions; they are rounded to whole fen or counts once,
/// in ``finished()``. A claim's fund payments are booked to its platform when the fund learns
/// of the claim and counted in the month they fall due (what the fund owes for the platform's
/// workers; a fund that defers at a shortfall pays some of it later). Pure: the month recorder
/// holds one.
package struct PlatformBooks: Sendable {
    package let platformCount: Int
    package let months: Int
    private static let metricCount = PlatformMetric.allCases.count
    private static let itemCount = BenefitItem.allCases.count
    /// `[(month × platformCount + platform) × metricCount + metric]`.
    private var values: [Double]
    /// Persons insured since the first phase, and those of them on two platforms, per platform.
    private var insured: [Double]
    private var insuredShared: [Double]
    /// Fund payments of reported claims by platform, month and item (`[month × itemCount + item]`).
    package private(set) var due: [[Double]]
    /// Flows of earlier phases, summed, `[platform × metricCount + metric]` (stocks 0).
    private var opening: [Double]

    /// Books that open with `carried` (a previous phase's persons and scheduled payments, by
    /// platform index of this scenario; nil: a fresh start).
    package init(platforms: Int, months: Int, carried: Carried? = nil) {
        platformCount = platforms
        self.months = months
        values = [Double](repeating: 0, count: months * platforms * Self.metricCount)
        insured = carried?.insured ?? [Double](repeating: 0, count: platforms)
        insuredShared = carried?.insuredShared ?? [Double](repeating: 0, count: platforms)
        due = carried?.due ?? [[Double]](repeating: [], count: platforms)
        opening = carried?.flows ?? [Double](repeating: 0, count: platforms * Self.metricCount)
    }

    /// What one phase hands the next: persons insured so far and the payments still to fall due
    /// (months counted from the next phase's start), per platform.
    package struct Carried: Sendable, Equatable {
        package var insured: [Double]
        package var insuredShared: [Double]
        package var due: [[Double]]
        /// Flows summed over the earlier phases, `[platform × metricCount + metric]`.
        package var flows: [Double]

        package init(insured: [Double], insuredShared: [Double], due: [[Double]], flows: [Double]) {
            self.insured = insured
            self.insuredShared = insuredShared
            self.due = due
            self.flows = flows
        }
    }

    private func index(_ month: Int, _ platform: Int, _ metric: PlatformMetric) -> Int {
        (month * platformCount + platform) * Self.metricCount + metric.rawValue
    }

    private mutating func add(_ amount: Double, _ month: Int, _ platform: Int, _ metric: PlatformMetric) {
        values[index(month, platform, metric)] += amount
    }

    /// A shard's exposure of one platform this month.
    package mutating func recordExposure(_ totals: SegmentTotals, month: Int, scale: Double) {
        let p = totals.platform
        add(Double(totals.orders) * scale, month, p, .orders)
        add(Double(totals.activeWorkers) * scale, month, p, .activePersons)
        add(Double(totals.activeShared) * scale, month, p, .activeShared)
        insured[p] += Double(totals.newlyInsured) * scale
        insuredShared[p] += Double(totals.newlyInsuredShared) * scale
    }

    /// An accident; `incurred` is the present value of the fund's payments when recognised.
    package mutating func recordAccident(platform: Int, month: Int, scale: Double, incurred: Double?) {
        add(scale, month, platform, .accidents)
        if let incurred { add(incurred * scale, month, platform, .incurred) }
    }

    /// A claim the fund learns of this month: counted by severity, its fund payments scheduled
    /// to the platform by item, what the platform pays itself counted now.
    package mutating func recordReported(_ claim: ClaimPipeline.Claim, month: Int, scale: Double) {
        guard claim.recognised else { return }
        add(scale, month, claim.platform, .claimsRecognised)
        add(scale, month, claim.platform, .claims(of: claim.severity.group))
        add(Double(claim.platformPaid) * scale, month, claim.platform, .platformPaid)
        guard !claim.fundPayments.isEmpty else { return }
        // The platform's row, moved out while it is added to (no copy, no uniqueness check per
        // payment), grown once to the claim's last month.
        var row = due[claim.platform]
        due[claim.platform] = []
        var lastMonth = 0
        for payment in claim.fundPayments { lastMonth = max(lastMonth, payment.month) }
        if (lastMonth + 1) * Self.itemCount > row.count {
            row.append(contentsOf: repeatElement(0, count: (lastMonth + 1) * Self.itemCount - row.count))
        }
        for payment in claim.fundPayments {
            row[payment.month * Self.itemCount + payment.item.index] += Double(payment.amount) * scale
        }
        due[claim.platform] = row
    }

    /// Contributions a platform booked on this month's orders and paid for last month's, in one pool.
    package mutating func recordContributions(platform: Int, month: Int, booked: Fen, paid: Fen, scale: Double) {
        add(Double(booked) * scale, month, platform, .contributionsBooked)
        add(Double(paid) * scale, month, platform, .contributionsPaid)
    }

    /// Closes the month: the persons insured so far, and the payments that fall due this month by item.
    package mutating func closeMonth(_ month: Int) {
        for p in 0..<platformCount {
            values[index(month, p, .insuredPersons)] = insured[p]
            values[index(month, p, .insuredShared)] = insuredShared[p]
            var total = 0.0
            for (k, item) in BenefitItem.allCases.enumerated() {
                let slot = month * Self.itemCount + k
                let amount = slot < due[p].count ? due[p][slot] : 0
                add(amount, month, p, .benefit(item))
                total += amount
            }
            add(total, month, p, .benefitsDue)
        }
    }

    /// The books rounded to whole fen and counts (``ReplicationResult/platformMonthly``), and
    /// the earlier phases' flows (``ReplicationResult/platformOpening``); a figure that is not
    /// finite or beyond ±``CheckedFen/limit`` throws where it is (rounding it would trap).
    func finished() throws(OverflowSite) -> (monthly: [Int64], opening: [Int64]) {
        func rounded(_ x: Double, _ cell: Int, month: Int?) throws(OverflowSite) -> Int64 {
            let metric = PlatformMetric.allCases[cell % Self.metricCount]
            let platform = cell / Self.metricCount % platformCount
            do throws(FenOverflow) { return try CheckedFen.fen(x.rounded(), metric.key) } catch {
                throw OverflowSite(figure: metric.key, month: month ?? 0, place: .platform(platform))
            }
        }
        var monthly = [Int64](repeating: 0, count: values.count)
        for (cell, x) in values.enumerated() { monthly[cell] = try rounded(x, cell, month: cell / (Self.metricCount * platformCount)) }
        var flows = [Int64](repeating: 0, count: opening.count)
        for (cell, x) in opening.enumerated() { flows[cell] = try rounded(x, cell, month: nil) }
        return (monthly, flows)
    }

    /// What the next phase, starting `months` months after this one, opens with; `platformOf`
    /// maps this scenario's platform index to the next one's.
    package func carried(into platforms: Int, platformOf: [Int]) -> Carried {
        var out = Carried(
            insured: [Double](repeating: 0, count: platforms), insuredShared: [Double](repeating: 0, count: platforms),
            due: [[Double]](repeating: [], count: platforms),
            flows: [Double](repeating: 0, count: platforms * Self.metricCount))
        for (p, next) in platformOf.enumerated() {
            for metric in PlatformMetric.allCases where !metric.isStock {
                var sum = opening[p * Self.metricCount + metric.rawValue]
                for month in 0..<months { sum += values[index(month, p, metric)] }
                out.flows[next * Self.metricCount + metric.rawValue] = sum
            }
            out.insured[next] = insured[p]
            out.insuredShared[next] = insuredShared[p]
            let skip = months * Self.itemCount
            out.due[next] = due[p].count > skip ? Array(due[p][skip...]) : []
        }
        return out
    }
}
