import InjurySimCore
import InjurySimEngine

/// Summaries for every pool and the total, computed from replication results.
package struct RunSummary: Sendable {
    package var pools: [PoolSummary]
    /// The scenario's published figures against the simulated ones.
    package var published: [PublishedComparison]
    package var total: PoolSummary
    /// Share of replications in which at least one pool ran short.
    package var anyPoolRuinedReplications: Int
    package var replications: Int

    /// Aggregates `results` (in replication order) of `scenario`.
    package init(scenario: Scenario, results: [ReplicationResult]) {
        replications = results.count
        let poolCount = scenario.poolCount
        let names = scenario.poolNames
        pools = (0..<poolCount).map { RunSummary.summarise(pool: $0, name: names[$0], scenario: scenario, results: results) }
        total = RunSummary.summarise(pool: poolCount, name: "total", scenario: scenario, results: results)
        published = scenario.published.flatMap { RunSummary.compare($0, scenario: scenario, results: results) }
        anyPoolRuinedReplications =
            results.filter { result in
                (0..<poolCount).contains { result.firstShortfall(pool: $0) != nil }
            }.count
    }

    /// One published entry against the simulation: the scheme's totals from the pools' figures,
    /// a platform's or sector's from its books (since the first phase of a chain).
    static func compare(_ figures: Scenario.PublishedFigures, scenario: Scenario, results: [ReplicationResult]) -> [PublishedComparison] {
        let month = figures.month.months(since: scenario.startMonth)
        let poolCount = scenario.poolCount
        var book: Book?
        if let platform = figures.platform { book = Book.platforms(scenario)[platform] }
        if let sector = figures.sector { book = Book.sectors(scenario)[sector] }
        let series = book.map { b in results.map { BookSeries(b, $0) } } ?? []
        func simulated(_ metric: Metric, _ bookMetric: PlatformMetric, divisor: Double) -> Spread {
            if book != nil { return Spread(series.map { $0.cumulative(bookMetric, month) / divisor }) }
            return Spread(results.map { Double($0.value(month: month, pool: poolCount, metric: metric)) / divisor })
        }
        let wanted: [(String, Double?, Metric, PlatformMetric, Double)] = [
            ("insuredPersons", figures.insuredPersons, .insuredPersons, .insuredPersons, 1),
            ("recognisedInjuries", figures.recognisedInjuries, .claimsRecognisedCumulative, .claimsRecognised, 1),
            ("benefitsPaidYuan", figures.benefitsPaidYuan, .benefitsPaidCumulative, .benefitsDue, 100)
        ]
        var out: [PublishedComparison] = []
        for (figure, value, metric, bookMetric, divisor) in wanted {
            guard let value else { continue }
            var c = PublishedComparison(
                figure: figure, month: figures.month, published: value, simulated: simulated(metric, bookMetric, divisor: divisor),
                source: figures.source)
            c.book = book?.label ?? "total"
            out.append(c)
        }
        if let value = figures.contributionsYuan {
            let spread =
                book != nil
                ? Spread(series.map { $0.cumulative(.contributionsPaid, month) / 100 })
                : Spread(
                    results.map { r in Double((0...month).reduce(Int64(0)) { $0 + r.value(month: $1, pool: poolCount, metric: .contributions) }) / 100
                    })
            var c = PublishedComparison(
                figure: "contributionsYuan", month: figures.month, published: value, simulated: spread, source: figures.source)
            c.book = book?.label ?? "total"
            out.append(c)
        }
        return out
    }

    static func summarise(pool: Int, name: String, scenario: Scenario, results: [ReplicationResult]) -> PoolSummary {
        func totalOf(_ metric: Metric) -> [Double] { results.map { Double($0.total(metric, pool: pool)) } }
        func endOf(_ metric: Metric) -> [Double] { results.map { Double($0.last(metric, pool: pool)) } }
        // The rules (what counts as short or insolvent, the ratios) come from ReplicationMetrics;
        // money is taken here in whole fen so the VaR figures are exact.
        let metrics = results.map { ReplicationMetrics($0, pool: pool, scenario: scenario) }
        let lowest = results.map { Double($0.series(.netPosition, pool: pool).min() ?? 0) }
        let firstShortfall = metrics.compactMap { $0.firstShortfallMonth.map(Double.init) }
        let firstInsolvent = metrics.compactMap { $0.firstInsolventMonth.map(Double.init) }
        let deficits = lowest.map { Int64(max(0, -$0)) }
        let solvencyEnd = endOf(.solvencyPosition)
        let horizonDeficits = solvencyEnd.map { Int64(max(0, -$0)) }
        let sectorCount = scenario.sectors.count
        let breakEven = (0..<sectorCount).map { sector in
            Spread(
                results.map { r in
                    ReplicationMetrics.breakEvenRate(
                        incurredFen: r.incurredBySector[pool * sectorCount + sector],
                        orders: Double(r.ordersBySector[pool * sectorCount + sector]), adminCostShare: r.adminCostShare)
                }.filter { !$0.isNaN })
        }
        let severityMetrics = SeverityGroup.allCases.map(Metric.claims(of:))
        let fullFunding = Verdict(ruined: firstShortfall.count, insolvent: metrics.filter(\.insolventAtEnd).count)
        return PoolSummary(
            name: name,
            ruinedReplications: firstShortfall.count,
            replications: results.count,
            firstShortfallMonth: firstShortfall.isEmpty ? nil : Spread(firstShortfall),
            lowestNetPosition: Spread(lowest),
            worstDeficitVaR: Double(Statistics.valueAtRisk(deficits, level: 0.995)),
            worstDeficitTVaR: Statistics.tailValueAtRisk(deficits, level: 0.995).rounded(),
            insolventAtEndReplications: metrics.filter(\.insolventAtEnd).count,
            insolventEverReplications: firstInsolvent.count,
            firstInsolventMonth: firstInsolvent.isEmpty ? nil : Spread(firstInsolvent),
            solvencyPositionAtEnd: Spread(solvencyEnd),
            solvencyDeficitVaR: Double(Statistics.valueAtRisk(horizonDeficits, level: 0.995)),
            solvencyDeficitTVaR: Statistics.tailValueAtRisk(horizonDeficits, level: 0.995).rounded(),
            ibnrAtEnd: Spread(endOf(.ibnr)),
            contributions: Spread(totalOf(.contributions)),
            benefitsPaid: Spread(totalOf(.benefitsPaid)),
            adminCost: Spread(totalOf(.adminCost)),
            investmentIncome: Spread(totalOf(.investment)),
            borrowed: Spread(totalOf(.borrowed)),
            platformPaid: Spread(totalOf(.platformPaid)),
            lossRatio: Spread(metrics.map(\.lossRatio).filter { !$0.isNaN }),
            incurredLossRatio: Spread(metrics.map(\.incurredLossRatio).filter { !$0.isNaN }),
            liabilitiesAtEnd: Spread(endOf(.liabilities)),
            netPositionAtEnd: Spread(endOf(.netPosition)),
            fundedRatioAtEnd: Spread(metrics.compactMap(\.fundedRatioAtEnd)),
            breakEvenRate: breakEven,
            orders: Spread(totalOf(.orders)),
            accidents: Spread(totalOf(.accidents)),
            claimsRecognised: Spread(totalOf(.claimsRecognised)),
            claimsBySeverity: severityMetrics.map { Spread(totalOf($0)) },
            insuredPersons: Spread(endOf(.insuredPersons)),
            activeWorkersAtEnd: Spread(endOf(.activeWorkers)),
            claimsRecognisedSinceStart: Spread(endOf(.claimsRecognisedCumulative)),
            benefitsPaidSinceStart: Spread(endOf(.benefitsPaidCumulative)),
            financing: FinancingOutcome(
                metrics: metrics, settings: scenario.financing, start: scenario.startMonth, months: scenario.months, fullFunding: fullFunding))
    }
}
