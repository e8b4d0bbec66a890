import InjurySimCore

/// Everything one replication produced, scaled to the full population (see ``scalePools(by:)``);
/// `coveredWorkerDays` and `simulatedAccidents` count the work actually simulated.
package struct ReplicationResult: Sendable {
    package let replication: Int
    package let months: Int
    /// Pools in the scenario; index `poolCount` holds the total over pools.
    package let poolCount: Int
    package let sectorCount: Int
    /// Monthly figures: `[(month × (poolCount + 1) + pool) × Metric.allCases.count + metric]`.
    package var monthly: [Int64]
    /// Present value (fen, at the accident month) of the fund's cost of recognised claims from
    /// accidents in the horizon, by pool and sector (`[pool × sectorCount + sector]`, total last).
    package var incurredBySector: [Double]
    /// Orders by pool and sector, same layout.
    package var ordersBySector: [Int64]
    /// Platforms in the scenario.
    package let platformCount: Int
    /// Each platform's books: `[(month × platformCount + platform) × PlatformMetric.allCases.count + metric]`.
    package var platformMonthly: [Int64]
    /// Each platform's flows in earlier phases of a chain (`continues`), summed:
    /// `[platform × PlatformMetric.allCases.count + metric]`; zero without one.
    package var platformOpening: [Int64]
    /// Covered worker × calendar days simulated (throughput unit).
    package var coveredWorkerDays: Int64
    /// Accidents simulated (before scaling to the full population).
    package var simulatedAccidents: Int64 = 0
    /// The replication's administration cost share (to load the break-even rate); 0 when the
    /// fund is not charged for administration.
    package var adminCostShare: Double = 0
    /// The replication's discount rate a year (its economic basis: the rate the fund's
    /// liabilities and the awards' capital values are discounted at); 0 when not recorded.
    package var discountRatePerYear: Double = 0
    /// Per pool and the total (index `poolCount`), in fen at full scale: the fund's net position
    /// (cash − backstop debt − arrears, as ``Metric/netPosition``) just before the horizon's
    /// first month — the provinces' initial balances, or for a chain phase that `continues`,
    /// what the earlier phase handed over (plus the balances of provinces new in this phase).
    package var openingReserve: [Int64]

    package init(replication: Int, months: Int, poolCount: Int, sectorCount: Int, platformCount: Int = 0) {
        self.replication = replication
        self.platformCount = platformCount
        platformMonthly = Array(repeating: 0, count: months * platformCount * PlatformMetric.allCases.count)
        platformOpening = Array(repeating: 0, count: platformCount * PlatformMetric.allCases.count)
        self.months = months
        self.poolCount = poolCount
        self.sectorCount = sectorCount
        monthly = Array(repeating: 0, count: months * (poolCount + 1) * Metric.allCases.count)
        incurredBySector = Array(repeating: 0, count: (poolCount + 1) * sectorCount)
        ordersBySector = Array(repeating: 0, count: (poolCount + 1) * sectorCount)
        openingReserve = Array(repeating: 0, count: poolCount + 1)
        coveredWorkerDays = 0
    }

    @inlinable
    func index(month: Int, pool: Int, metric: Metric) -> Int {
        (month * (poolCount + 1) + pool) * Metric.allCases.count + metric.rawValue
    }

    /// A monthly figure; `pool == poolCount` is the total.
    package func value(month: Int, pool: Int, metric: Metric) -> Int64 {
        monthly[index(month: month, pool: pool, metric: metric)]
    }

    /// A figure's monthly values for a pool (`poolCount` is the total).
    package func series(_ metric: Metric, pool: Int) -> [Int64] {
        (0..<months).map { value(month: $0, pool: pool, metric: metric) }
    }

    /// A platform's figure in a month.
    package func value(month: Int, platform: Int, metric: PlatformMetric) -> Int64 {
        platformMonthly[(month * platformCount + platform) * PlatformMetric.allCases.count + metric.rawValue]
    }

    /// A platform's flow in the earlier phases of a chain (0 for stocks and without one).
    package func opening(platform: Int, metric: PlatformMetric) -> Int64 {
        platformOpening[platform * PlatformMetric.allCases.count + metric.rawValue]
    }

    /// A flow summed over the horizon.
    package func total(_ metric: Metric, pool: Int) -> Int64 {
        (0..<months).reduce(0) { $0 + value(month: $1, pool: pool, metric: metric) }
    }

    /// A figure in the last month.
    package func last(_ metric: Metric, pool: Int) -> Int64 {
        value(month: months - 1, pool: pool, metric: metric)
    }

    /// The first month whose net position is below zero (short of cash), if any.
    package func firstShortfall(pool: Int) -> Int? {
        (0..<months).first { value(month: $0, pool: pool, metric: .netPosition) < 0 }
    }

    /// The first month whose solvency position is below zero (assets short of all liabilities), if any.
    package func firstInsolvency(pool: Int) -> Int? {
        (0..<months).first { value(month: $0, pool: pool, metric: .solvencyPosition) < 0 }
    }

    mutating func add(_ amount: Int64, month: Int, pool: Int, metric: Metric) {
        monthly[index(month: month, pool: pool, metric: metric)] += amount
    }

    mutating func set(_ amount: Int64, month: Int, pool: Int, metric: Metric) {
        monthly[index(month: month, pool: pool, metric: metric)] = amount
    }

    /// Scales every pool's figures from the sampled population to the full one (each figure
    /// multiplied by 1 / the pool's sample fraction and rounded to a whole fen or count).
    /// With a fraction of 1 it changes nothing, so the books' identities hold to the fen; with
    /// sampling each figure is rounded on its own, so they hold to within a few fen. A scaled
    /// figure beyond ±``CheckedFen/limit`` throws where it is.
    mutating func scalePools(by scales: [Double]) throws(OverflowSite) {
        for (pool, scale) in scales.enumerated() where scale != 1 {
            do throws(FenOverflow) {
                openingReserve[pool] = try CheckedFen.fen((Double(openingReserve[pool]) * scale).rounded(), "opening_reserve")
            } catch { throw OverflowSite(figure: "opening_reserve", month: 0, place: .pool(pool)) }
            for month in 0..<months {
                for metric in Metric.allCases {
                    let i = index(month: month, pool: pool, metric: metric)
                    do throws(FenOverflow) {
                        monthly[i] = try CheckedFen.fen((Double(monthly[i]) * scale).rounded(), metric.key)
                    } catch { throw OverflowSite(figure: metric.key, month: month, place: .pool(pool)) }
                }
            }
            for sector in 0..<sectorCount {
                incurredBySector[pool * sectorCount + sector] *= scale
                ordersBySector[pool * sectorCount + sector] = Int64((Double(ordersBySector[pool * sectorCount + sector]) * scale).rounded())
            }
        }
    }

    /// Fills the total row of every month (and the total opening reserve) as the sum over pools
    /// (checked: a total beyond ±``CheckedFen/limit`` throws where it is).
    mutating func sumPools() throws(OverflowSite) {
        do throws(FenOverflow) {
            var opening: Int64 = 0
            for pool in 0..<poolCount { opening = try CheckedFen.add(opening, openingReserve[pool], "opening_reserve") }
            openingReserve[poolCount] = opening
        } catch { throw OverflowSite(figure: "opening_reserve", month: 0, place: .pool(poolCount)) }
        for month in 0..<months {
            for metric in Metric.allCases {
                var total: Int64 = 0
                do throws(FenOverflow) {
                    for pool in 0..<poolCount { total = try CheckedFen.add(total, value(month: month, pool: pool, metric: metric), metric.key) }
                } catch { throw OverflowSite(figure: metric.key, month: month, place: .pool(poolCount)) }
                set(total, month: month, pool: poolCount, metric: metric)
            }
        }
        for sector in 0..<sectorCount {
            var incurred = 0.0
            var orders: Int64 = 0
            for pool in 0..<poolCount {
                incurred += incurredBySector[pool * sectorCount + sector]
                orders += ordersBySector[pool * sectorCount + sector]
            }
            incurredBySector[poolCount * sectorCount + sector] = incurred
            ordersBySector[poolCount * sectorCount + sector] = orders
        }
    }

    /// The first place where a series' magnitudes, summed month by month, pass ``seriesLimit``
    /// (what the summaries and `yearly.csv` add up in Int64; ``outOfRangeFigure`` holds results
    /// read back to the same limit): the figure (its column name), the earliest month any series
    /// passes it (the first such series in pool, then metric, then platform order) and where.
    func firstUnsummableSeries() -> OverflowSite? {
        let limit = Self.seriesLimit
        var first: OverflowSite?
        func passes(_ opening: Double, _ values: (Int) -> Int64) -> Int? {
            var magnitude = opening
            for month in 0..<(first?.month ?? months) {
                magnitude += abs(Double(values(month)))
                if magnitude > limit { return month }
            }
            return nil
        }
        for pool in 0...poolCount {
            for metric in Metric.allCases {
                if let month = passes(0, { value(month: $0, pool: pool, metric: metric) }) {
                    first = OverflowSite(figure: metric.key + " summed over the months", month: month, place: .pool(pool))
                }
            }
        }
        for platform in 0..<platformCount {
            for metric in PlatformMetric.allCases {
                if let month = passes(
                    abs(Double(opening(platform: platform, metric: metric))), { value(month: $0, platform: platform, metric: metric) })
                {
                    first = OverflowSite(figure: metric.key + " summed over the months", month: month, place: .platform(platform))
                }
            }
        }
        return first
    }
}
