import InjurySimCore
import InjurySimEngine

/// The 5th, 50th and 95th nearest-rank percentiles and the mean of a figure over replications.
package struct Spread: Sendable, Equatable {
    package var p5: Double
    package var p50: Double
    package var p95: Double
    package var mean: Double

    package init(_ values: [Double]) {
        let sorted = values.sorted()
        p5 = Statistics.percentile(sorted: sorted, 5) ?? .nan
        p50 = Statistics.percentile(sorted: sorted, 50) ?? .nan
        p95 = Statistics.percentile(sorted: sorted, 95) ?? .nan
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

/// The verdict for one pool (or the total) across replications, at full population scale.
/// Money in fen.
package struct PoolSummary: Sendable {
    package var name: String
    /// Liquidity: replications whose net position fell below zero at some month end.
    package var ruinedReplications: Int
    package var replications: Int
    /// Share of replications whose net position fell below zero at some month end.
    package var ruinProbability: Double { share(ruinedReplications) }
    /// Wilson 95% interval of the ruin probability.
    package var ruinInterval: (low: Double, high: Double) { Statistics.wilson(successes: ruinedReplications, trials: replications) }
    /// Month index of the first shortfall, over ruined replications only.
    package var firstShortfallMonth: Spread?
    package var lowestNetPosition: Spread
    /// Value and tail value at risk (99.5%) of the worst deficit, max(0, −lowest net position), fen.
    package var worstDeficitVaR: Double
    package var worstDeficitTVaR: Double
    /// Solvency: replications whose assets fall short of all liabilities at the horizon.
    package var insolventAtEndReplications: Int
    /// Solvency: replications whose assets fell short of all liabilities at some month end.
    package var insolventEverReplications: Int
    package var insolvencyAtEndProbability: Double { share(insolventAtEndReplications) }
    package var insolvencyEverProbability: Double { share(insolventEverReplications) }
    package var insolvencyAtEndInterval: (low: Double, high: Double) { Statistics.wilson(successes: insolventAtEndReplications, trials: replications) }
    package var insolvencyEverInterval: (low: Double, high: Double) { Statistics.wilson(successes: insolventEverReplications, trials: replications) }
    /// Month index of the first insolvency, over replications insolvent at some month end.
    package var firstInsolventMonth: Spread?
    /// Assets − all liabilities at the horizon.
    package var solvencyPositionAtEnd: Spread
    /// Value and tail value at risk (99.5%) of the deficit at the horizon, max(0, −solvency position), fen.
    package var solvencyDeficitVaR: Double
    package var solvencyDeficitTVaR: Double
    package var ibnrAtEnd: Spread
    package var contributions: Spread
    package var benefitsPaid: Spread
    package var adminCost: Spread
    package var investmentIncome: Spread
    package var borrowed: Spread
    package var platformPaid: Spread
    package var lossRatio: Spread
    package var incurredLossRatio: Spread
    package var liabilitiesAtEnd: Spread
    package var netPositionAtEnd: Spread
    package var fundedRatioAtEnd: Spread
    /// Break-even per-order rate by sector (yuan), sectors in scenario order.
    package var breakEvenRate: [Spread]
    package var orders: Spread
    package var accidents: Spread
    package var claimsRecognised: Spread
    package var claimsBySeverity: [Spread]
    package var insuredPersons: Spread
    package var activeWorkersAtEnd: Spread

    private func share(_ count: Int) -> Double { replications == 0 ? 0 : Double(count) / Double(replications) }
}

/// A published figure next to the simulation's distribution of the same figure.
package struct PublishedComparison: Sendable {
    /// "insuredPersons", "recognisedInjuries" or "benefitsPaidYuan".
    package var figure: String
    package var month: YearMonth
    package var published: Double
    /// Over replications, at full population scale (yuan for money).
    package var simulated: Spread
    package var source: String
    /// True when the published value lies in the simulated 90% interval (p5…p95).
    package var isWithinInterval: Bool { published >= simulated.p5 && published <= simulated.p95 }
}

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
        published = scenario.published.flatMap { figures -> [PublishedComparison] in
            let month = figures.month.months(since: scenario.startMonth)
            func spread(_ metric: Metric, divisor: Double) -> Spread {
                Spread(results.map { Double($0.value(month: month, pool: poolCount, metric: metric)) / divisor })
            }
            var out: [PublishedComparison] = []
            if let value = figures.insuredPersons {
                out.append(PublishedComparison(figure: "insuredPersons", month: figures.month, published: value,
                                               simulated: spread(.insuredPersons, divisor: 1), source: figures.source))
            }
            if let value = figures.recognisedInjuries {
                out.append(PublishedComparison(figure: "recognisedInjuries", month: figures.month, published: value,
                                               simulated: spread(.claimsRecognisedCumulative, divisor: 1), source: figures.source))
            }
            if let value = figures.benefitsPaidYuan {
                out.append(PublishedComparison(figure: "benefitsPaidYuan", month: figures.month, published: value,
                                               simulated: spread(.benefitsPaidCumulative, divisor: 100), source: figures.source))
            }
            return out
        }
        anyPoolRuinedReplications = results.filter { result in
            (0..<poolCount).contains { result.firstShortfall(pool: $0) != nil }
        }.count
    }

    static func summarise(pool: Int, name: String, scenario: Scenario, results: [ReplicationResult]) -> PoolSummary {
        func totalOf(_ metric: Metric) -> [Double] { results.map { Double($0.total(metric, pool: pool)) } }
        func endOf(_ metric: Metric) -> [Double] { results.map { Double($0.last(metric, pool: pool)) } }
        // The rules (what counts as short or insolvent, the ratios) come from ReplicationMetrics;
        // money is taken here in whole fen so the VaR figures are exact.
        let metrics = results.map { ReplicationMetrics($0, pool: pool) }
        let lowest = results.map { Double($0.series(.netPosition, pool: pool).min() ?? 0) }
        let firstShortfall = metrics.compactMap { $0.firstShortfallMonth.map(Double.init) }
        let firstInsolvent = metrics.compactMap { $0.firstInsolventMonth.map(Double.init) }
        let deficits = lowest.map { Int64(max(0, -$0)) }
        let solvencyEnd = endOf(.solvencyPosition)
        let horizonDeficits = solvencyEnd.map { Int64(max(0, -$0)) }
        let sectorCount = scenario.sectors.count
        let breakEven = (0..<sectorCount).map { sector in
            Spread(results.map { r in
                let orders = Double(r.ordersBySector[pool * sectorCount + sector])
                guard orders > 0 else { return Double.nan }
                return r.incurredBySector[pool * sectorCount + sector] / orders / max(1e-9, 1 - r.adminCostShare) / 100
            }.filter { !$0.isNaN })
        }
        let severityMetrics = SeverityGroup.allCases.map(Metric.claims(of:))
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
            activeWorkersAtEnd: Spread(endOf(.activeWorkers)))
    }
}
