/// A platform's contribution account in every province: orders booked, contributions remitted
/// the month after, its claims experience, and the yearly rate float. Pure; the platform actor
/// holds one. Contributions are converted and summed with checks (``CheckedFen``): the first
/// figure out of the exact range is kept in ``overflow`` and the ledger books nothing more.
package struct PlatformLedger: Sendable {
    /// A newly reported claim of this platform: the province of the accident and the fund's payments.
    package struct ReportedClaim: Sendable, Equatable {
        package var province: Int
        package var payments: [Payment]

        package init(province: Int, payments: [Payment]) {
            self.province = province
            self.payments = payments
        }
    }

    /// Benchmark rate in fen per order (the phase's `ratePerOrderYuan`).
    package let benchmarkFenPerOrder: Double
    /// Per province, the rate a tier rule put the platform on (fen per order), which replaces the
    /// benchmark there from the rule's month, carried into later phases; nil: the benchmark.
    package private(set) var tierFenPerOrder: [Double?]
    /// Current rate multiplier per province (1 = benchmark).
    package private(set) var multiplier: [Double]
    /// Contributions owed for last month's orders, per province, fen.
    package private(set) var owed: [Fen]
    /// Contributions paid since the last review, per province (the foresight basis).
    package private(set) var yearContributions: [Fen]
    /// Present value of recognised claims from accidents since the last review (the foresight basis).
    package private(set) var yearIncurred: [Double]
    /// Months with contributions paid so far, per province.
    package private(set) var monthsContributed: [Int]
    /// What the regulator knows per province, month by month (the paid bases).
    package private(set) var experience: [PlatformExperience]
    /// Contributions paid in the month not yet closed, per province.
    private var receivedThisMonth: [Fen]
    /// Months of earlier phases in the experience (0 unless the ledger continues one): the
    /// experience counts months from the chain's start, this phase from its own.
    package private(set) var monthOffset = 0
    /// The figure that left the exact range, if any (the ledger stopped booking when it did).
    package private(set) var overflow: FenOverflow?

    /// A ledger at the benchmark in every province. `reserveDiscount`, the monthly discount
    /// factor of case reserves, is needed only by the `paidPlusReserves` float (nil: not measured).
    package init(benchmarkYuanPerOrder: Double, provinces: Int, reserveDiscount: Double? = nil) {
        benchmarkFenPerOrder = benchmarkYuanPerOrder * 100
        multiplier = Array(repeating: 1, count: provinces)
        tierFenPerOrder = Array(repeating: nil, count: provinces)
        owed = Array(repeating: 0, count: provinces)
        yearContributions = Array(repeating: 0, count: provinces)
        yearIncurred = Array(repeating: 0, count: provinces)
        monthsContributed = Array(repeating: 0, count: provinces)
        experience = Array(repeating: PlatformExperience(reserveDiscount: reserveDiscount), count: provinces)
        receivedThisMonth = Array(repeating: 0, count: provinces)
    }

    /// One month of the platform, in order: remit last month's contributions, book this month's
    /// orders, add the foresight cost of this month's recognised accidents (`incurred`, per
    /// province), book the claims reported this month, and close the month's experience.
    /// Returns the fen paid and booked per province.
    package mutating func closeMonth(
        paymentShare: [Double], orders: [Int64], incurred: [Double],
        reported: [ReportedClaim]
    ) -> (paid: [Fen], booked: [Fen]) {
        let paid = remit(paymentShare: paymentShare)
        let booked = book(orders: orders)
        for (province, value) in incurred.enumerated() where value != 0 {
            recordIncurred(province: province, presentValue: value)
        }
        for claim in reported { recordReported(claim) }
        closeExperience()
        return (paid, booked)
    }

    /// Remits what is owed for last month's orders; `paymentShare[p]` below 1 models a platform
    /// that stops paying (the unpaid part is lost). Returns the fen paid per province.
    package mutating func remit(paymentShare: [Double]) -> [Fen] {
        var paid = [Fen](repeating: 0, count: owed.count)
        guard overflow == nil else { return paid }
        do throws(FenOverflow) {
            for p in owed.indices where owed[p] > 0 {
                paid[p] = try CheckedFen.fen(Double(owed[p]) * min(max(paymentShare[p], 0), 1), "contributions paid")
                yearContributions[p] = try CheckedFen.add(yearContributions[p], paid[p], "contributions since the review")
                receivedThisMonth[p] = try CheckedFen.add(receivedThisMonth[p], paid[p], "contributions paid")
                monthsContributed[p] += 1
                owed[p] = 0
            }
        } catch { overflow = error }
        return paid
    }

    /// Books this month's orders at the rate in force; they are paid for next month. Returns
    /// the fen booked per province (the contributions earned this month).
    @discardableResult
    package mutating func book(orders: [Int64]) -> [Fen] {
        var booked = [Fen](repeating: 0, count: owed.count)
        guard overflow == nil else { return booked }
        do throws(FenOverflow) {
            for p in orders.indices where orders[p] > 0 {
                booked[p] = try CheckedFen.fen(Double(orders[p]) * baseFenPerOrder(province: p) * multiplier[p], "contributions booked")
                owed[p] = try CheckedFen.add(owed[p], booked[p], "contributions owed")
            }
        } catch { overflow = error }
        return booked
    }

    /// The rate the float moves from in province `p`, fen per order: the tier's when a tier
    /// rule set one, else the benchmark.
    package func baseFenPerOrder(province p: Int) -> Double { tierFenPerOrder[p] ?? benchmarkFenPerOrder }

    /// The base rate per province, yuan per order (what the continuity trace calls the benchmark).
    package var baseYuanPerOrder: [Double] { multiplier.indices.map { baseFenPerOrder(province: $0) / 100 } }

    /// Applies a tier rule (``RateTierRule``) as its month opens: every province gets the tier's
    /// rate by the platform's paid ratio there over `window` (chain month indices; only closed
    /// months count) against `threshold`, the low rate without contributions in the window, and
    /// the float restarts from it (multiplier 1: the first year at the benchmark, domain.md §2.3).
    /// `sector` is the platform's (for the rule's ``RateTierRule/rateScale``). Returns the paid
    /// ratios read (nil: none). Needs the experience kept from the window's start.
    @discardableResult
    package mutating func assignTiers(_ rule: RateTierRule, threshold: Double, window: Range<Int>, sector: Int = 0) -> [Double?] {
        let ratios = experience.map { $0.paidRatio(over: window) }
        for p in multiplier.indices {
            tierFenPerOrder[p] = rule.rateYuan(paidRatio: ratios[p], threshold: threshold, sector: sector) * 100
            multiplier[p] = 1
        }
        return ratios
    }

    /// Adds a recognised claim's cost to the province's foresight loss-ratio numerator.
    package mutating func recordIncurred(province: Int, presentValue: Double) {
        yearIncurred[province] += presentValue
    }

    /// Books a claim reported this month into the province's experience.
    package mutating func recordReported(_ claim: ReportedClaim) {
        guard monthOffset != 0 else { return experience[claim.province].book(claim.payments) }
        experience[claim.province].book(claim.payments.map { Payment(month: $0.month + monthOffset, amount: $0.amount, item: $0.item) })
    }

    /// Takes over an earlier phase's ledger of this platform, which ran `months` months:
    /// province `p` of the earlier phase is `provinceOf[p]` here. Its rates (the float's
    /// multipliers), what is owed for the last month's orders, the review year's running sums and
    /// the experience carry over; a province new here starts at the benchmark with an empty
    /// experience of the same length. The benchmark rate stays this phase's; a tier an earlier
    /// phase's rule set carries (the regulator's assignment stands until a rule changes it).
    package mutating func carry(from earlier: PlatformLedger, months: Int, provinceOf: [Int]) {
        let discount = experience.first?.reserveDiscount ?? nil
        monthOffset = earlier.monthOffset + months
        experience = experience.map { _ in PlatformExperience(reserveDiscount: discount, closedMonths: monthOffset) }
        for (p, here) in provinceOf.enumerated() {
            multiplier[here] = earlier.multiplier[p]
            tierFenPerOrder[here] = earlier.tierFenPerOrder[p]
            owed[here] = earlier.owed[p]
            yearContributions[here] = earlier.yearContributions[p]
            yearIncurred[here] = earlier.yearIncurred[p]
            monthsContributed[here] = earlier.monthsContributed[p]
            experience[here] = earlier.experience[p]
        }
    }

    /// Closes the month's experience in every province: the contributions remitted since the
    /// last close, the benefits that fell due, the case reserve when measured.
    package mutating func closeExperience() {
        for p in experience.indices {
            experience[p].close(received: receivedThisMonth[p])
            receivedThisMonth[p] = 0
        }
    }

    /// The loss ratio per province that a review under `rule` reads (infinity with no
    /// contributions): on the paid bases over the `windowMonths` months closed last; on the
    /// foresight basis since the last review.
    package func lossRatios(rule: RateFloatRule) -> [Double] {
        switch rule.basis {
        case .foresight:
            return yearIncurred.indices.map { yearContributions[$0] > 0 ? yearIncurred[$0] / Double(yearContributions[$0]) : .infinity }
        case .paid, .paidPlusReserves:
            return experience.map { $0.lossRatio(basis: rule.basis, windowMonths: rule.windowMonths) }
        }
    }

    /// Sets next year's rates from the review's loss ratios and starts a new foresight year. A
    /// province with no contributions in the review's window keeps its rate, and so does one
    /// whose first review (``RateFloatRule/firstReview``) is after `month` (nil: every province
    /// floats).
    package mutating func review(rule: RateFloatRule, month: YearMonth? = nil) {
        let ratios = lossRatios(rule: rule)
        for p in multiplier.indices {
            if let month, !rule.floats(province: p, at: month) { continue }
            let contributions = rule.basis == .foresight ? yearContributions[p] : experience[p].contributions(overLast: rule.windowMonths)
            guard contributions > 0 else { continue }
            multiplier[p] = rule.multiplier(lossRatio: ratios[p], monthsOfContributions: monthsContributed[p])
        }
        for p in multiplier.indices {
            yearContributions[p] = 0
            yearIncurred[p] = 0
        }
    }
}
