/// Claims between the accident and the month their fund books them, and the reserve for the
/// ones not yet reported (IBNR: incurred but not reported).
///
/// Every accident becomes a claim at once (its reporting delay, recognition and payments are
/// drawn from the injured person's stream), but the fund learns of it only in its report month.
/// Until then the claim is owed and unknown to the fund's books: the pipeline holds it and
/// values it. Claims reported after the horizon stay in the pipeline, so the reserve at the
/// horizon includes them. Pure; the coordinator holds one per replication.
package struct ClaimPipeline: Sendable {
    /// One claim on its way to the fund.
    package struct Claim: Sendable, Equatable {
        package var pool: Int
        /// The region of the accident (index), which the pool serves.
        package var province: Int
        /// The injured worker's platform (index): the rate float reads its claims.
        package var platform: Int
        package var severity: Severity
        package var recognised: Bool
        /// The fund's payments (empty when not recognised).
        package var fundPayments: [Payment]
        /// What the platform pays itself, undiscounted.
        package var platformPaid: Fen
        /// Month index of the accident.
        package var accidentMonth: Int
        /// Present value at the end of the accident month of `fundPayments`.
        package var presentValueAtAccident: Double

        package init(
            pool: Int, province: Int, platform: Int, severity: Severity, recognised: Bool, fundPayments: [Payment],
            platformPaid: Fen, accidentMonth: Int, presentValueAtAccident: Double
        ) {
            self.pool = pool
            self.province = province
            self.platform = platform
            self.severity = severity
            self.recognised = recognised
            self.fundPayments = fundPayments
            self.platformPaid = platformPaid
            self.accidentMonth = accidentMonth
            self.presentValueAtAccident = presentValueAtAccident
        }
    }

    /// Claims by report month, in the order they were added.
    private var byReportMonth: [[Claim]] = []
    /// The first report month that may still hold claims (earlier ones were taken).
    private var firstOpen = 0

    package init() {}

    /// Adds a claim reported in `reportMonth` (never before its accident month).
    package mutating func add(_ claim: Claim, reportMonth: Int) {
        precondition(reportMonth >= claim.accidentMonth, "a claim is reported after its accident")
        precondition(reportMonth >= 0, "a claim is reported in a month of this phase")
        if reportMonth >= byReportMonth.count {
            byReportMonth.append(contentsOf: repeatElement([], count: reportMonth + 1 - byReportMonth.count))
        }
        byReportMonth[reportMonth].append(claim)
    }

    /// Removes and returns the claims reported in `month`, in the order they were added.
    /// Months are taken in order.
    package mutating func takeReported(in month: Int) -> [Claim] {
        firstOpen = max(firstOpen, month + 1)
        guard month < byReportMonth.count else { return [] }
        let claims = byReportMonth[month]
        byReportMonth[month] = []
        return claims
    }

    /// The IBNR reserve per pool at the end of `month`: the present value at that month end of
    /// the fund's payments of recognised claims not yet reported (report month after `month`).
    /// A claim's payments all fall after its report month, so its value at `month` is its value
    /// at the accident month carried forward by `monthlyDiscount`^−(month − accident month).
    package func reserve(atEndOf month: Int, pools: Int, monthlyDiscount: Double) -> [Double] {
        var reserve = [Double](repeating: 0, count: pools)
        var factors: [Double] = []
        for reportMonth in max(month + 1, firstOpen)..<max(month + 1, byReportMonth.count) {
            for claim in byReportMonth[reportMonth] where claim.recognised {
                let lag = month - claim.accidentMonth
                guard lag >= 0 else { continue }  // not yet happened at this month end
                while factors.count <= lag { factors.append(PortableMath.pow(monthlyDiscount, -Double(factors.count))) }
                reserve[claim.pool] += claim.presentValueAtAccident * factors[lag]
            }
        }
        return reserve
    }

    /// The claims still waiting, for a later phase that starts `months` months after this one:
    /// their months moved back by `months`, then `transform` applied (indices of the later
    /// phase, amounts rescaled); claims it returns nil for are dropped.
    package func handedOver(months: Int, _ transform: (Claim) -> Claim?) -> ClaimPipeline {
        var out = ClaimPipeline()
        guard firstOpen < byReportMonth.count else { return out }
        for reportMonth in max(firstOpen, months)..<byReportMonth.count {
            for claim in byReportMonth[reportMonth] {
                var moved = claim
                moved.accidentMonth -= months
                moved.fundPayments = claim.fundPayments.map { Payment(month: $0.month - months, amount: $0.amount, item: $0.item) }
                guard let next = transform(moved) else { continue }
                out.add(next, reportMonth: reportMonth - months)
            }
        }
        return out
    }

    /// Claims still waiting (reported after the last month taken), for tests and checks.
    package var waiting: Int { byReportMonth[min(firstOpen, byReportMonth.count)...].reduce(0) { $0 + $1.count } }
}
