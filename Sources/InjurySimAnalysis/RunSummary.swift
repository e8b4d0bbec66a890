import InjurySimCore
import InjurySimEngine

/// Summaries for every pool and the total, computed from replication results.
package struct RunSummary: Sendable {
    package var pools: [PoolSummary]
    /// The scenario's published figures against the simulated ones.
    package var published: [PublishedComparison]
    /// The verdict conditioned on the published figures, the inputs' draws and their shares of
    /// the headline figures' variance.
    package var evidence: Evidence
    package var total: PoolSummary
    /// Share of replications in which at least one pool ran short.
    package var anyPoolRuinedReplications: Int
    package var replications: Int
    /// The verdict as run and under each of the scenario's choices (empty without choices).
    package var choices: [ChoiceVerdict]

    /// Aggregates `results` (in replication order) of `scenario`, and `choices`: each of the
    /// scenario's choices with its replications' figures, in the scenario's order.
    package init(scenario: Scenario, results: [ReplicationResult], choices: [(setting: String, metrics: [ReplicationMetrics])] = []) {
        replications = results.count
        self.choices = choices.isEmpty ? [] : ChoiceVerdict.all(run: results.map { ReplicationMetrics($0, scenario: scenario) }, choices: choices)
        let poolCount = scenario.poolCount
        let names = scenario.poolNames
        pools = (0..<poolCount).map { RunSummary.summarise(pool: $0, name: names[$0], scenario: scenario, results: results) }
        total = RunSummary.summarise(pool: poolCount, name: "total", scenario: scenario, results: results)
        let counterparts = PublishedCounterpart.all(scenario: scenario, results: results)
        evidence = Evidence(scenario: scenario, results: results, counterparts: counterparts)
        published = counterparts.map { c in
            var comparison = PublishedComparison(
                figure: c.figure, month: c.month, published: c.published, simulated: Spread(c.values), source: c.source)
            comparison.book = c.book
            return comparison
        }
        anyPoolRuinedReplications =
            results.filter { result in
                (0..<poolCount).contains { result.firstShortfall(pool: $0) != nil }
            }.count
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
