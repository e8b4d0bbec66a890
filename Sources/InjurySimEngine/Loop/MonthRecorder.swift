import InjurySimCore

/// Collects one replication's figures as the month loop produces them: exposure and accidents
/// from the shards, claims as they are reported, contributions booked by the platforms, and
/// each fund's closed books with the solvency position derived from them. Running totals
/// (persons insured, claims recognised, benefits paid) are kept here, so the coordinator only
/// hands over what happened. Pure: table-tested without actors (`MonthRecorderTests`).
package struct MonthRecorder: Sendable {
    private var result: ReplicationResult
    private let sectorOfPlatform: [Int]
    private let sectorCount: Int
    private var insuredSoFar: [Int64]
    private var recognisedSoFar: [Int64]
    private var paidSoFar: [Fen]

    package init(scenario: Scenario, replication: Int, adminCostShare: Double) {
        let pools = scenario.poolCount
        result = ReplicationResult(
            replication: replication, months: scenario.months, poolCount: pools,
            sectorCount: scenario.sectors.count)
        result.adminCostShare = adminCostShare
        sectorOfPlatform = scenario.platforms.map(\.sector)
        sectorCount = scenario.sectors.count
        insuredSoFar = [Int64](repeating: 0, count: pools)
        recognisedSoFar = [Int64](repeating: 0, count: pools)
        paidSoFar = [Fen](repeating: 0, count: pools)
    }

    /// One platform's exposure in one shard this month.
    package mutating func recordExposure(_ totals: SegmentTotals, month: Int, pool: Int) {
        result.add(totals.orders, month: month, pool: pool, metric: .orders)
        result.add(totals.workedDays, month: month, pool: pool, metric: .workedDays)
        result.add(totals.activeWorkers, month: month, pool: pool, metric: .activeWorkers)
        insuredSoFar[pool] += totals.newlyInsured
        result.coveredWorkerDays += totals.coveredWorkerDays
        result.ordersBySector[pool * sectorCount + sectorOfPlatform[totals.platform]] += totals.orders
    }

    /// An accident this month; `incurred` is the present value of the fund's payments at the
    /// end of the accident month when the claim will be recognised, nil when it will not.
    package mutating func recordAccident(platform: Int, month: Int, pool: Int, incurred: Double?) {
        result.simulatedAccidents += 1
        result.add(1, month: month, pool: pool, metric: .accidents)
        if let incurred { result.incurredBySector[pool * sectorCount + sectorOfPlatform[platform]] += incurred }
    }

    /// The persons insured so far, once every shard's exposure of the month is in.
    package mutating func closeExposure(month: Int) {
        for pool in insuredSoFar.indices {
            result.set(insuredSoFar[pool], month: month, pool: pool, metric: .insuredPersons)
        }
    }

    /// A claim the fund learns of this month: recognised ones count by severity with the
    /// benefits the platform pays itself; the others count as not recognised.
    package mutating func recordReported(_ claim: ClaimPipeline.Claim, month: Int) {
        guard claim.recognised else {
            result.add(1, month: month, pool: claim.pool, metric: .claimsUnrecognised)
            return
        }
        recognisedSoFar[claim.pool] += 1
        result.add(1, month: month, pool: claim.pool, metric: .claimsRecognised)
        result.add(1, month: month, pool: claim.pool, metric: .claims(of: claim.severity.group))
        result.add(claim.platformPaid, month: month, pool: claim.pool, metric: .platformPaid)
    }

    /// Contributions a platform booked on this month's orders (received next month).
    package mutating func recordBooked(_ amount: Fen, month: Int, pool: Int) {
        result.add(amount, month: month, pool: pool, metric: .contributionsBooked)
    }

    /// A fund's closed month and the reserve for its claims not yet reported. Call after every
    /// platform's `recordBooked` of the month: the receivable counts among the assets.
    package mutating func recordFund(_ books: FundMonth, ibnr: Fen, month: Int, pool: Int) {
        result.set(books.netPosition, month: month, pool: pool, metric: .netPosition)
        result.set(books.cash, month: month, pool: pool, metric: .cash)
        result.set(books.debt, month: month, pool: pool, metric: .debt)
        result.set(books.arrears, month: month, pool: pool, metric: .arrears)
        result.set(books.contributions, month: month, pool: pool, metric: .contributions)
        result.set(books.adminCost, month: month, pool: pool, metric: .adminCost)
        result.set(books.investment, month: month, pool: pool, metric: .investment)
        result.set(books.benefitsPaid, month: month, pool: pool, metric: .benefitsPaid)
        result.set(books.borrowed, month: month, pool: pool, metric: .borrowed)
        result.set(books.repaid, month: month, pool: pool, metric: .repaid)
        result.set(books.liabilities, month: month, pool: pool, metric: .liabilities)
        result.set(ibnr, month: month, pool: pool, metric: .ibnr)
        // Assets (cash and the contributions booked on this month's orders, received next month)
        // less every liability: backstop debt, arrears and reported claims' future payments (both
        // in `liabilities`), and the claims incurred but not yet reported.
        let receivable = result.value(month: month, pool: pool, metric: .contributionsBooked)
        result.set(books.cash + receivable - books.debt - books.liabilities - ibnr, month: month, pool: pool, metric: .solvencyPosition)
        paidSoFar[pool] += books.benefitsPaid
        result.set(paidSoFar[pool], month: month, pool: pool, metric: .benefitsPaidCumulative)
        result.set(recognisedSoFar[pool], month: month, pool: pool, metric: .claimsRecognisedCumulative)
    }

    /// The replication's result at full scale (each pool divided by its sample fraction) with
    /// the total row filled in.
    package func finished(sampleFractions: [Double]) -> ReplicationResult {
        var out = result
        out.scalePools(by: sampleFractions.map { 1 / $0 })
        out.sumPools()
        return out
    }
}
