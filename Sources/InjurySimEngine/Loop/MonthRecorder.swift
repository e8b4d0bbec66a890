import InjurySimCore

/// Collects one replication's figures as the month loop produces them: exposure and accidents
/// from the shards, claims as they are reported, contributions booked by the platforms, and
/// each fund's closed books with the solvency position derived from them. Running totals
/// (persons insured, claims recognised, benefits paid) are kept here, so the coordinator only
/// hands over what happened. Pure: table-tested without actors (`MonthRecorderTests`).
///
/// The figures that accumulate (benefits paid so far, the solvency position, the scheduled
/// payments, the pools' totals) are added with checks (``CheckedFen``): the first that leaves the
/// exact range is kept in ``overflow`` and the coordinator stops the replication.
package struct MonthRecorder: Sendable {
    private var result: ReplicationResult
    private let sectorOfPlatform: [Int]
    private let sectorCount: Int
    /// Persons insured so far and active this month, per pool, in halves: a person who also
    /// works for another platform holds two slots, each half a person.
    private var insuredHalves: [Int64]
    private var activeHalves: [Int64]
    private var recognisedSoFar: [Int64]
    private var paidSoFar: [Fen]
    /// The fund's payments of reported claims per pool, by month and item
    /// (`[month × BenefitItem.allCases.count + item]`), at the pool's sample scale.
    private var due: [[Fen]]
    /// The present value at the report month of long-term awards, `[month × pools + pool]`,
    /// rounded to the fen once, in ``finished(sampleFractions:)``.
    private var awardsValue: [Double]
    /// Powers of the monthly discount (`discountPowers[k]` = discount^k, by repeated
    /// multiplication as ``FundLedger/presentValue(of:after:monthlyDiscount:)`` takes them).
    private var discountPowers: [Double] = []
    /// 1 / each pool's sample fraction: the platform books are kept at full scale.
    private let scales: [Double]
    /// The books per platform.
    package private(set) var books: PlatformBooks
    /// The first figure that left the exact range, if any.
    package private(set) var overflow: MoneyOverflow?
    /// The phase's first month and its pools' and platforms' names, to name where money overflows.
    private let startMonth: YearMonth
    private let poolNames: [String]
    private let platformNames: [String]

    /// A recorder for `scenario`; `carried` opens it where an earlier phase ended;
    /// `discountRatePerYear` is the replication's economic basis, kept on the result.
    package init(scenario: Scenario, replication: Int, adminCostShare: Double, discountRatePerYear: Double = 0, carried: Carried? = nil) {
        let pools = scenario.poolCount
        result = ReplicationResult(
            replication: replication, months: scenario.months, poolCount: pools,
            sectorCount: scenario.sectors.count, platformCount: scenario.platforms.count)
        result.adminCostShare = adminCostShare
        result.discountRatePerYear = discountRatePerYear
        sectorOfPlatform = scenario.platforms.map(\.sector)
        sectorCount = scenario.sectors.count
        insuredHalves = carried?.insuredHalves ?? [Int64](repeating: 0, count: pools)
        activeHalves = [Int64](repeating: 0, count: pools)
        recognisedSoFar = carried?.recognised ?? [Int64](repeating: 0, count: pools)
        paidSoFar = carried?.paid ?? [Fen](repeating: 0, count: pools)
        due = carried?.due ?? [[Fen]](repeating: [], count: pools)
        if due.count < pools { due += [[Fen]](repeating: [], count: pools - due.count) }
        awardsValue = [Double](repeating: 0, count: scenario.months * pools)
        scales = scenario.poolSampleFractions.map { 1 / $0 }
        books = PlatformBooks(platforms: scenario.platforms.count, months: scenario.months, carried: carried?.books)
        startMonth = scenario.startMonth
        poolNames = scenario.poolNames
        platformNames = scenario.platforms.map(\.name)
        if let carried, let overflow = carried.overflow { noteOverflow(overflow, month: 0, pool: carried.overflowPool) }
    }

    /// `site` of this replication as a ``MoneyOverflow``: the calendar month and the names.
    func overflow(at site: OverflowSite) -> MoneyOverflow {
        let place: String
        switch site.place {
        case .pool(let pool): place = pool < poolNames.count ? "pool " + poolNames[pool] : "all pools"
        case .platform(let platform): place = "platform " + platformNames[platform]
        }
        return MoneyOverflow(replication: result.replication, month: startMonth.adding(months: site.month), place: place, figure: site.figure)
    }

    /// Keeps the first overflow: a figure of pool `pool` in month `month`.
    mutating func noteOverflow(_ error: FenOverflow, month: Int, pool: Int) {
        guard overflow == nil else { return }
        overflow = overflow(at: OverflowSite(figure: error.figure, month: month, place: .pool(pool)))
    }

    /// The running totals one phase hands the next, per pool of the next phase at its sample
    /// scale, and the platform books' carried part.
    package struct Carried: Sendable, Equatable {
        package var insuredHalves: [Int64]
        package var recognised: [Int64]
        package var paid: [Fen]
        package var books: PlatformBooks.Carried
        /// The fund's payments still to fall due per pool, by month (from the next phase's start) and item.
        package var due: [[Fen]]
        /// A carried amount that left the exact range, and the next phase's pool it was for.
        package var overflow: FenOverflow?
        package var overflowPool = 0

        package init(insuredHalves: [Int64], recognised: [Int64], paid: [Fen], books: PlatformBooks.Carried, due: [[Fen]] = []) {
            self.insuredHalves = insuredHalves
            self.recognised = recognised
            self.paid = paid
            self.books = books
            self.due = due
        }
    }

    /// The running totals at the end, for the next phase: pool `p` goes to `poolOf[p]` (nil:
    /// the later pool of its first province) rescaled by `rescale[p]` (the next pool's sample fraction ÷ this one's);
    /// platform `k` to `platformOf[k]`.
    package func carried(pools: Int, poolOf: [Int], rescale: [Double], platforms: Int, platformOf: [Int]) -> Carried {
        var out = Carried(
            insuredHalves: [Int64](repeating: 0, count: pools), recognised: [Int64](repeating: 0, count: pools),
            paid: [Fen](repeating: 0, count: pools), books: books.carried(into: platforms, platformOf: platformOf),
            due: [[Fen]](repeating: [], count: pools))
        let skip = result.months * BenefitItem.allCases.count
        for (pool, next) in poolOf.enumerated() {
            func scaled(_ x: Int64) -> Int64 { rescale[pool] == 1 ? x : Int64((Double(x) * rescale[pool]).rounded()) }
            out.insuredHalves[next] += scaled(insuredHalves[pool])
            out.recognised[next] += scaled(recognisedSoFar[pool])
            // Money rescaled and summed with checks: an amount out of range is handed over as an
            // overflow of the next pool, which stops the next phase in its first month.
            func money(_ x: Fen) throws(FenOverflow) -> Fen {
                rescale[pool] == 1 ? x : try CheckedFen.fen((Double(x) * rescale[pool]).rounded(), "benefits carried into the next phase")
            }
            do throws(FenOverflow) {
                out.paid[next] = try CheckedFen.add(out.paid[next], try money(paidSoFar[pool]), "benefits paid so far")
                // The payments of later months, by item, moved to the next phase's months (as the
                // fund ledger carries its schedule, `FundLedger.init(continuing:…)`).
                guard due[pool].count > skip else { continue }
                let later = due[pool][skip...]
                if later.count > out.due[next].count { out.due[next] += repeatElement(0, count: later.count - out.due[next].count) }
                for (k, amount) in later.enumerated() {
                    out.due[next][k] = try CheckedFen.add(out.due[next][k], try money(amount), "scheduled benefits")
                }
            } catch {
                if out.overflow == nil { (out.overflow, out.overflowPool) = (error, next) }
            }
        }
        return out
    }

    /// One platform's exposure in one shard this month.
    package mutating func recordExposure(_ totals: SegmentTotals, month: Int, pool: Int) {
        result.add(totals.orders, month: month, pool: pool, metric: .orders)
        result.add(totals.workedDays, month: month, pool: pool, metric: .workedDays)
        activeHalves[pool] += 2 * totals.activeWorkers - totals.activeShared
        insuredHalves[pool] += 2 * totals.newlyInsured - totals.newlyInsuredShared
        result.coveredWorkerDays += totals.coveredWorkerDays
        result.ordersBySector[pool * sectorCount + sectorOfPlatform[totals.platform]] += totals.orders
        books.recordExposure(totals, month: month, scale: scales[pool])
    }

    /// An accident this month; `incurred` is the present value of the fund's payments at the
    /// end of the accident month when the claim will be recognised, nil when it will not.
    package mutating func recordAccident(platform: Int, month: Int, pool: Int, incurred: Double?) {
        books.recordAccident(platform: platform, month: month, scale: scales[pool], incurred: incurred)
        result.simulatedAccidents += 1
        result.add(1, month: month, pool: pool, metric: .accidents)
        if let incurred { result.incurredBySector[pool * sectorCount + sectorOfPlatform[platform]] += incurred }
    }

    /// The persons insured so far and active this month, once every shard's exposure of the
    /// month is in (half persons rounded up).
    package mutating func closeExposure(month: Int) {
        for pool in insuredHalves.indices {
            result.set((insuredHalves[pool] + 1) / 2, month: month, pool: pool, metric: .insuredPersons)
            result.set((activeHalves[pool] + 1) / 2, month: month, pool: pool, metric: .activeWorkers)
            activeHalves[pool] = 0
        }
        // A claim's payments fall after its report month: this month's reports add none.
        books.closeMonth(month)
    }

    /// A claim the fund learns of this month: recognised ones count by severity with the
    /// benefits the platform pays itself, their fund payments are scheduled by item, and one
    /// whose fund payments hold a long-term stream (``Metric/awards(of:)``) counts as an award,
    /// valued at the report month with `monthlyDiscount` (the fund's liabilities' discount); the
    /// others count as not recognised.
    package mutating func recordReported(_ claim: ClaimPipeline.Claim, month: Int, monthlyDiscount: Double) {
        books.recordReported(claim, month: month, scale: scales[claim.pool])
        guard claim.recognised else {
            result.add(1, month: month, pool: claim.pool, metric: .claimsUnrecognised)
            return
        }
        recognisedSoFar[claim.pool] += 1
        result.add(1, month: month, pool: claim.pool, metric: .claimsRecognised)
        result.add(1, month: month, pool: claim.pool, metric: .claims(of: claim.severity.group))
        result.add(claim.platformPaid, month: month, pool: claim.pool, metric: .platformPaid)
        guard !claim.fundPayments.isEmpty else { return }
        scheduleByItem(claim.fundPayments, month: month, pool: claim.pool)
        recordAward(claim.fundPayments, month: month, pool: claim.pool, monthlyDiscount: monthlyDiscount)
    }

    /// A claim's fund payments (reported in `month`) added to its pool's schedule by month and
    /// item (grown once, to the claim's last month; the row moved out while it is added to).
    private mutating func scheduleByItem(_ payments: [Payment], month: Int, pool: Int) {
        let items = BenefitItem.allCases.count
        var row = due[pool]
        due[pool] = []
        var lastMonth = 0
        for payment in payments { lastMonth = max(lastMonth, payment.month) }
        if (lastMonth + 1) * items > row.count { row += repeatElement(0, count: (lastMonth + 1) * items - row.count) }
        do throws(FenOverflow) {
            for payment in payments {
                let slot = payment.month * items + payment.item.index
                row[slot] = try CheckedFen.add(row[slot], payment.amount, "scheduled benefits")
            }
        } catch { noteOverflow(error, month: month, pool: pool) }
        due[pool] = row
    }

    /// Counts an award when the payments hold a long-term stream, once in total and once per
    /// stream, and adds the present value at the end of `month` of the long-term payments:
    /// Σ amount × discount^(payment month − `month`).
    private mutating func recordAward(_ payments: [Payment], month: Int, pool: Int, monthlyDiscount: Double) {
        var streams: [Metric] = []
        var value = 0.0
        if discountPowers.count < 2 || discountPowers[1] != monthlyDiscount { discountPowers = [1] }
        for payment in payments {
            guard let award = Metric.awards(of: payment.item) else { continue }
            if !streams.contains(award) { streams.append(award) }
            let lag = max(0, payment.month - month)
            while discountPowers.count <= lag { discountPowers.append(discountPowers[discountPowers.count - 1] * monthlyDiscount) }
            value += Double(payment.amount) * discountPowers[lag]
        }
        guard !streams.isEmpty else { return }
        result.add(1, month: month, pool: pool, metric: .awardsLongTerm)
        for award in streams { result.add(1, month: month, pool: pool, metric: award) }
        awardsValue[month * result.poolCount + pool] += value
    }

    /// Contributions a platform booked on this month's orders (received next month) and paid
    /// for last month's, in one province of `pool`.
    package mutating func recordContributions(platform: Int, booked: Fen, paid: Fen, month: Int, pool: Int) {
        result.add(booked, month: month, pool: pool, metric: .contributionsBooked)
        books.recordContributions(platform: platform, month: month, booked: booked, paid: paid, scale: scales[pool])
    }

    /// A fund's net position (cash − backstop debt − arrears, fen at the pool's sample scale)
    /// as it opens, before the horizon's first month: scaled and summed with the months.
    package mutating func recordOpening(netPosition: Fen, pool: Int) {
        result.openingReserve[pool] = netPosition
    }

    /// A fund's closed month and the reserve for its claims not yet reported. Call after every
    /// platform's `recordContributions` of the month: the receivable counts among the assets.
    package mutating func recordFund(_ books: FundMonth, ibnr: Fen, month: Int, pool: Int) {
        do throws(FenOverflow) {
            try checkedRecordFund(books, ibnr: ibnr, month: month, pool: pool)
        } catch { noteOverflow(error, month: month, pool: pool) }
    }

    /// ``recordFund(_:ibnr:month:pool:)`` with the positions and running totals checked.
    private mutating func checkedRecordFund(_ books: FundMonth, ibnr: Fen, month: Int, pool: Int) throws(FenOverflow) {
        let net = try CheckedFen.subtract(try CheckedFen.subtract(books.cash, books.debt, "net position"), books.arrears, "net position")
        result.set(net, month: month, pool: pool, metric: .netPosition)
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
        var solvency = try CheckedFen.add(books.cash, receivable, "solvency position")
        for owed in [books.debt, books.liabilities, ibnr] { solvency = try CheckedFen.subtract(solvency, owed, "solvency position") }
        result.set(solvency, month: month, pool: pool, metric: .solvencyPosition)
        // The month's new dues by item (arrears caught up are not new dues).
        let items = BenefitItem.allCases.count
        var newlyDue: Fen = 0
        if (month + 1) * items <= due[pool].count {
            for item in BenefitItem.allCases {
                let amount = due[pool][month * items + item.index]
                result.set(amount, month: month, pool: pool, metric: .due(item))
                newlyDue = try CheckedFen.add(newlyDue, amount, "benefits due")
            }
        }
        result.set(newlyDue, month: month, pool: pool, metric: .benefitsDue)
        paidSoFar[pool] = try CheckedFen.add(paidSoFar[pool], books.benefitsPaid, "benefits paid so far")
        result.set(paidSoFar[pool], month: month, pool: pool, metric: .benefitsPaidCumulative)
        result.set(recognisedSoFar[pool], month: month, pool: pool, metric: .claimsRecognisedCumulative)
    }

    /// The replication's result at full scale (each pool divided by its sample fraction) with
    /// the total row filled in: ``checkedFinished(sampleFractions:)`` for books that cannot
    /// overflow (tests of a few claims); it traps if they did.
    package func finished(sampleFractions: [Double]) -> ReplicationResult {
        do throws(MoneyOverflow) { return try checkedFinished(sampleFractions: sampleFractions) } catch {
            preconditionFailure(error.description)
        }
    }

    /// The replication's result at full scale (each pool divided by its sample fraction) with
    /// the total row filled in, or the first figure out of range: an overflow noted during the
    /// months, a value that cannot be rounded to fen, a scaled figure or a total beyond
    /// ±``CheckedFen/limit``, or a series whose magnitudes summed over the months pass
    /// ``ReplicationResult/seriesLimit`` (what the summaries add in Int64).
    package func checkedFinished(sampleFractions: [Double]) throws(MoneyOverflow) -> ReplicationResult {
        if let overflow { throw overflow }
        var out = result
        do throws(OverflowSite) {
            for (index, value) in awardsValue.enumerated() where value != 0 {
                let month = index / result.poolCount, pool = index % result.poolCount
                do throws(FenOverflow) {
                    out.set(try CheckedFen.fen(value, Metric.awardsCapitalValue.key), month: month, pool: pool, metric: .awardsCapitalValue)
                } catch { throw OverflowSite(figure: error.figure, month: month, place: .pool(pool)) }
            }
            (out.platformMonthly, out.platformOpening) = try books.finished()
            try out.scalePools(by: sampleFractions.map { 1 / $0 })
            try out.sumPools()
            if let site = out.firstUnsummableSeries() { throw site }
        } catch { throw overflow(at: error) }
        return out
    }
}
