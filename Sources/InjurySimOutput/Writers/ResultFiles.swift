import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// The text of every result file, built from a run's results. Pure: the same inputs give the
/// same bytes (sorted keys, fixed decimals, documented column and row order, no timestamps).
package struct ResultFiles: Sendable {
    /// Bumped whenever a file's layout changes (2: the solvency verdict's figures and metrics;
    /// 3: the books per platform and sector, persons counted once; 4: `yearly.csv`, and the
    /// pools' benefits by item and long-term awards in `monthly.csv`; 5: `solvency-paths.csv`).
    package static let formatVersion = 5

    package var files: [(name: String, text: String)]

    /// The data files; `report` lists `report.html` in the manifest too (the caller renders it from these files);
    /// `monthlyPaths` adds `monthly-paths.csv` (``MonthlyPathsCSV``).
    package init(
        scenario: Scenario, scenarioFile: String, contentHash: String, results: [ReplicationResult], summary: RunSummary,
        report: Bool = false, monthlyPaths: Bool = false
    ) {
        files = [
            ("summary.json", ResultFiles.summaryJSON(scenario: scenario, summary: summary, results: results).rendered()),
            ("monthly.csv", ResultFiles.monthlyCSV(scenario: scenario, results: results)),
            ("replications.csv", ResultFiles.replicationsCSV(scenario: scenario, results: results, evidence: summary.evidence)),
            ("platforms.csv", ResultFiles.platformsCSV(scenario: scenario, results: results)),
            ("yearly.csv", YearlyCSV.text(scenario: scenario, results: results)),
            (SolvencyPathsCSV.fileName, SolvencyPathsCSV.text(scenario: scenario, results: results)),
            (
                "manifest.json",
                ResultFiles.manifestJSON(
                    scenario: scenario, scenarioFile: scenarioFile, contentHash: contentHash,
                    report: report, monthlyPaths: monthlyPaths
                ).rendered()
            )
        ]
        if monthlyPaths { files.insert((MonthlyPathsCSV.fileName, MonthlyPathsCSV.text(scenario: scenario, results: results)), at: 2) }
    }

    static func yuan(_ fen: Double) -> JSONOut { JSONOut.fixed(fen / 100, 2) }

    static func spread(_ s: Spread, money: Bool = false, decimals: Int = 6) -> JSONOut {
        func value(_ x: Double) -> JSONOut { money ? yuan(x) : JSONOut.fixed(x, decimals) }
        return .object(["p5": value(s.p5), "p50": value(s.p50), "p95": value(s.p95), "mean": value(s.mean)])
    }

    /// VaR and TVaR at 99.5%, or nulls and the replications they need (``TailRule``).
    static func tail(_ valueAtRisk: Double, _ tailValueAtRisk: Double, replications: Int) -> JSONOut {
        guard TailRule.isSupported(level: 0.995, replications: replications) else {
            return .object(["VaR99.5": .null, "TVaR99.5": .null, "needsReplications": .number(String(TailRule.replicationsNeeded(level: 0.995)))])
        }
        return .object(["VaR99.5": yuan(valueAtRisk), "TVaR99.5": yuan(tailValueAtRisk)])
    }

    static func poolJSON(_ p: PoolSummary, scenario: Scenario, sampleFraction: Double?) -> [String: JSONOut] {
        let interval = p.ruinInterval
        var breakEven: [String: JSONOut] = [:]
        for (index, sector) in scenario.sectors.enumerated() { breakEven[sector.name] = spread(p.breakEvenRate[index], decimals: 4) }
        var severity: [String: JSONOut] = [:]
        for group in SeverityGroup.allCases { severity[group.key] = spread(p.claimsBySeverity[group.rawValue], decimals: 0) }
        /// A spread of month indices as calendar months, or null when no replication had one.
        func months(_ spread: Spread?) -> JSONOut {
            guard let s = spread else { return .null }
            func month(_ index: Double) -> JSONOut { .string(scenario.startMonth.adding(months: Int(index)).description) }
            return .object(["p5": month(s.p5), "p50": month(s.p50), "p95": month(s.p95)])
        }
        func probability(_ estimate: Double, _ interval: (low: Double, high: Double), _ count: Int) -> JSONOut {
            .object([
                "estimate": JSONOut.fixed(estimate, 4), "low95": JSONOut.fixed(interval.low, 4), "high95": JSONOut.fixed(interval.high, 4),
                "replications": .number(String(count))
            ])
        }
        var json: [String: JSONOut] = [
            "insolvencyProbabilityAtHorizon": probability(p.insolvencyAtEndProbability, p.insolvencyAtEndInterval, p.insolventAtEndReplications),
            "insolvencyProbabilityAnyMonth": probability(p.insolvencyEverProbability, p.insolvencyEverInterval, p.insolventEverReplications),
            "firstInsolventMonth": months(p.firstInsolventMonth),
            "solvencyDeficitAtEndYuan": tail(p.solvencyDeficitVaR, p.solvencyDeficitTVaR, replications: p.replications),
            "bindingTest": .string(Verdict(binding: p).rawValue),
            "ruinProbability": .object([
                "estimate": JSONOut.fixed(p.ruinProbability, 4), "low95": JSONOut.fixed(interval.low, 4),
                "high95": JSONOut.fixed(interval.high, 4),
                "ruinedReplications": .number(String(p.ruinedReplications))
            ]),
            "firstShortfallMonth": months(p.firstShortfallMonth),
            "worstDeficitYuan": tail(p.worstDeficitVaR, p.worstDeficitTVaR, replications: p.replications),
            "breakEvenRateYuanPerOrder": .object(breakEven),
            "claimsRecognisedBySeverity": .object(severity)
        ]
        for figure in Figures.poolSpreads {
            if let value = figure.spread { json[figure.key] = spread(value(p), money: figure.isMoney, decimals: figure.unit.decimals) }
        }
        let f = p.financing
        func financingShare(_ count: Int) -> JSONOut { probability(f.share(count), f.interval(count), count) }
        json["financing"] = .object([
            "method": .string(f.method.rawValue), "binding": .string(f.binding.rawValue),
            "reserveTargetMonths": JSONOut.fixed(f.reserveTargetMonths, 4),
            "exhaustionProbability": financingShare(f.exhaustedReplications),
            "exhaustionYear": f.exhaustionYear.map { y in
                .object(["p5": .number(String(Int(y.p5))), "p50": .number(String(Int(y.p50))), "p95": .number(String(Int(y.p95)))])
            } ?? .null,
            "reserveBelowTargetProbability": financingShare(f.targetMissedReplications),
            "capitalShortProbability": financingShare(f.capitalShortReplications),
            "lastYear": .number(String(f.lastYear)), "fullYears": .number(String(f.fullYears))
        ])
        if let sampleFraction { json["sampleFraction"] = JSONOut.fixed(sampleFraction, 6) }
        return json
    }

    static func summaryJSON(scenario: Scenario, summary: RunSummary, results: [ReplicationResult]) -> JSONOut {
        var pools: [String: JSONOut] = [:]
        let fractions = scenario.poolSampleFractions
        for (index, pool) in summary.pools.enumerated() {
            pools[pool.name] = .object(poolJSON(pool, scenario: scenario, sampleFraction: fractions[index]))
        }
        var total = poolJSON(summary.total, scenario: scenario, sampleFraction: nil)
        // The general average premium and actuarial balance over each period the horizon covers.
        let settings = scenario.financing
        let periods = FinancingSummary(
            results: results, pool: scenario.poolCount, start: scenario.startMonth, gapYears: settings.gapYears,
            closingReserveYears: settings.closingReserveYears)
        if case .object(var financing) = total["financing"] {
            financing["byPeriod"] = .array(
                periods.gap.indices.map { index in
                    .object([
                        "years": .number(String(periods.gap[index].years)),
                        "generalAveragePremiumYuanPerOrder": spread(periods.gap[index].premium, decimals: 4),
                        "actuarialBalanceYuanPerOrder": spread(periods.actuarialBalance[index].balance, decimals: 4),
                        "summarizedIncomeRateYuanPerOrder": spread(periods.summarizedIncomeRate[index].rate, decimals: 4)
                    ])
                })
            total["financing"] = .object(financing)
        }
        let any = Statistics.wilson(successes: summary.anyPoolRuinedReplications, trials: summary.replications)
        total["anyPoolRuinProbability"] = .object([
            "estimate": JSONOut.fixed(Double(summary.anyPoolRuinedReplications) / Double(max(1, summary.replications)), 4),
            "low95": JSONOut.fixed(any.low, 4), "high95": JSONOut.fixed(any.high, 4)
        ])
        var summaryObject: [String: JSONOut] = [
            "verdict": .object([
                "method": .string(scenario.financing.method.rawValue),
                "binding": .string(summary.total.financing.binding.rawValue),
                "sentence": .string(MethodSentence.english(MethodVerdictFigures(summary.total, months: scenario.months))),
                "fullFunding": .object([
                    "binding": .string(Verdict(binding: summary.total).rawValue),
                    "sentence": .string(VerdictSentence.english(summary.total, months: scenario.months))
                ])
            ]),
            "financing": .object([
                "method": .string(scenario.financing.method.rawValue),
                "reserveTargetMonths": JSONOut.fixed(scenario.financing.reserveTargetMonths, 4),
                "closingReserveYears": JSONOut.fixed(scenario.financing.closingReserveYears, 4),
                "gapYears": .array(scenario.financing.gapYears.map { .number(String($0)) })
            ]),
            "evidence": evidenceJSON(summary.evidence),
            "scenario": .string(scenario.name),
            "startMonth": .string(scenario.startMonth.description),
            "endMonth": .string(scenario.startMonth.adding(months: scenario.months - 1).description),
            "months": .number(String(scenario.months)),
            "replications": .number(String(summary.replications)),
            "seed": .number(String(scenario.seed)),
            "sampleFraction": JSONOut.fixed(scenario.sampleFraction, 6),
            "minimumSampledWorkersPerPool": .number(String(scenario.minimumSampledWorkersPerPool)),
            "uncertainty": .bool(scenario.uncertainty),
            "pooling": .string(scenario.pooling.rawValue),
            "shortfallPolicy": .string(scenario.fund.shortfall.rawValue),
            "pools": .object(pools),
            "ratesChargedYuanPerOrder": ratesCharged(scenario),
            "platforms": booksJSON(Book.platforms(scenario), results: results),
            "sectors": booksJSON(Book.sectors(scenario), results: results),
            "total": .object(total),
            "publishedFigures": .array(
                summary.published.map { p in
                    .object([
                        "figure": .string(p.figure), "book": .string(p.book), "month": .string(p.month.description),
                        "published": JSONOut.fixed(p.published, 0),
                        "simulatedP5": JSONOut.fixed(p.simulated.p5, 0), "simulatedP50": JSONOut.fixed(p.simulated.p50, 0),
                        "simulatedP95": JSONOut.fixed(p.simulated.p95, 0), "withinSimulated90": .bool(p.isWithinInterval),
                        "source": .string(p.source)
                    ])
                })
        ]
        // Only a scenario with choices has them, so every other summary reads as before.
        if !summary.choices.isEmpty { summaryObject["choices"] = choicesJSON(summary.choices) }
        return .object(summaryObject)
    }

    /// Sector → platform → the per-order rate charged at the start (the central value of an uncertain rate).
    static func ratesCharged(_ scenario: Scenario) -> JSONOut {
        var sectors: [String: JSONOut] = [:]
        for (index, sector) in scenario.sectors.enumerated() {
            var platforms: [String: JSONOut] = [:]
            for platform in scenario.platforms where platform.sector == index {
                platforms[platform.name] = JSONOut.fixed(platform.ratePerOrderYuan.central, 4)
            }
            sectors[sector.name] = .object(platforms)
        }
        return .object(sectors)
    }

    /// Long format: one row per month × pool × metric with the mean and percentiles over replications.
    static func monthlyCSV(scenario: Scenario, results: [ReplicationResult]) -> String {
        var lines = ["month,pool,metric,mean,p5,p25,p50,p75,p95"]
        let names = (scenario.poolNames + ["total"]).map(CSV.cell)
        var values = [Double](repeating: 0, count: results.count)
        for month in 0..<scenario.months {
            let label = scenario.startMonth.adding(months: month).description
            for pool in names.indices {
                for metric in Metric.allCases {
                    for (index, result) in results.enumerated() {
                        values[index] = Double(result.value(month: month, pool: pool, metric: metric))
                    }
                    let sorted = values.sorted()
                    let mean = values.reduce(0, +) / Double(values.count)
                    let divisor = metric.isMoney ? 100.0 : 1.0
                    var row = label + "," + names[pool] + "," + metric.key + "," + (Format.fixed(mean / divisor, 2) ?? "")
                    for p in [5.0, 25, 50, 75, 95] {
                        row += "," + (Format.fixed((Statistics.percentile(sorted: sorted, p) ?? 0) / divisor, metric.isMoney ? 2 : 0) ?? "")
                    }
                    lines.append(row)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per replication: its stream identity and its headline figures (total over pools).
    /// One row per replication; after the verdict's columns, the break-even rate and the
    /// financing tests, each published figure's counterpart (``PublishedCounterpart/column``) and
    /// each uncertain input's draw (`input:` + its path).
    static func replicationsCSV(scenario: Scenario, results: [ReplicationResult], evidence: Evidence) -> String {
        let extra =
            ",break_even_rate,reserve_target_missed,capital_short"
            + evidence.observed.map { "," + CSV.cell($0.counterpart.column) }.joined()
            + evidence.inputs.map { "," + CSV.cell("input:" + $0.path) }.joined()
        var lines = [
            "replication,seed,ruined,first_shortfall_month,pools_ruined,lowest_net_position_yuan,net_position_end_yuan,"
                + "contributions_yuan,benefits_paid_yuan,loss_ratio_paid,liabilities_end_yuan,backstop_borrowing_yuan,"
                + "insolvent_at_end,first_insolvent_month,solvency_position_end_yuan,ibnr_end_yuan,funded_ratio_end,"
                + "contributions_booked_yuan,loss_ratio_incurred,"
                + "accidents,claims_recognised,insured_persons_cumulative,orders" + extra
        ]
        for (index, result) in results.enumerated() {
            let world = evidence.worlds[index]
            let pool = result.poolCount
            func sum(_ metric: Metric) -> Double { Double(result.total(metric, pool: pool)) }
            func end(_ metric: Metric) -> Double { Double(result.last(metric, pool: pool)) }
            let metrics = ReplicationMetrics(result, scenario: scenario)
            let first = metrics.firstShortfallMonth
            let poolsRuined = (0..<result.poolCount).filter { result.firstShortfall(pool: $0) != nil }.count
            let contributions = sum(.contributions)
            let benefits = sum(.benefitsPaid)
            let fields: [String] = [
                String(result.replication), String(scenario.seed), first == nil ? "false" : "true",
                first.map { scenario.startMonth.adding(months: $0).description } ?? "",
                String(poolsRuined),
                Format.fixed(Double(result.series(.netPosition, pool: pool).min() ?? 0) / 100, 2) ?? "",
                Format.fixed(end(.netPosition) / 100, 2) ?? "",
                Format.fixed(contributions / 100, 2) ?? "",
                Format.fixed(benefits / 100, 2) ?? "",
                contributions > 0 ? (Format.fixed(benefits / contributions, 4) ?? "") : "",
                Format.fixed(end(.liabilities) / 100, 2) ?? "",
                Format.fixed(sum(.borrowed) / 100, 2) ?? "",
                metrics.insolventAtEnd ? "true" : "false",
                metrics.firstInsolventMonth.map { scenario.startMonth.adding(months: $0).description } ?? "",
                Format.fixed(end(.solvencyPosition) / 100, 2) ?? "",
                Format.fixed(end(.ibnr) / 100, 2) ?? "",
                metrics.fundedRatioAtEnd.flatMap { Format.fixed($0, 4) } ?? "",
                Format.fixed(sum(.contributionsBooked) / 100, 2) ?? "",
                Format.fixed(metrics.incurredLossRatio, 4) ?? "",
                Format.fixed(sum(.accidents), 0) ?? "",
                Format.fixed(sum(.claimsRecognised), 0) ?? "",
                Format.fixed(end(.insuredPersons), 0) ?? "",
                Format.fixed(sum(.orders), 0) ?? "",
                world.breakEvenRate.isNaN ? "" : Format.significant(world.breakEvenRate, 17),
                world.reserveTargetMissed ? "true" : "false", world.capitalShort ? "true" : "false"
            ]
            let counterparts = world.counterparts.map { Format.fixed($0, 2) ?? "" }
            let draws = world.draws.map { Format.significant($0, 17) }
            lines.append(CSV.row(fields + counterparts + draws))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rate-float rule as run: whether rates float, on which basis, when and how far.
    /// One uncertain input in `manifest.json`: its path, its distribution and, for a sector drawn
    /// as another, the path of the stream it is drawn on (`drawnAs`).
    static func manifestEntry(_ input: Scenario.UncertainInput) -> JSONOut {
        var entry: [String: JSONOut] = ["path": .string(input.path), "distribution": .string(input.param.notation)]
        if let stream = input.drawnAs { entry["drawnAs"] = .string(stream) }
        return .object(entry)
    }

    static func rateFloatJSON(_ rule: RateFloatRule) -> JSONOut {
        .object([
            "enabled": .bool(rule.enabled), "basis": .string(rule.basis.rawValue), "reviewMonth": .number(String(rule.reviewMonth)),
            "windowMonths": .number(String(rule.windowMonths)), "targetLossRatio": JSONOut.fixed(rule.targetLossRatio, 6),
            "lossRatioPerStep": JSONOut.fixed(rule.lossRatioPerStep, 6), "stepShare": JSONOut.fixed(rule.stepShare, 6),
            "maxShare": JSONOut.fixed(rule.maxShare, 6), "minMonthsOfContributions": .number(String(rule.minMonthsOfContributions))
        ])
    }

    static func manifestJSON(
        scenario: Scenario, scenarioFile: String, contentHash: String, report: Bool = false, monthlyPaths: Bool = false
    ) -> JSONOut {
        .object([
            "formatVersion": .number(String(formatVersion)),
            "generator": .string("injurysim"),
            "programVersion": .string(ProgramVersion.current),
            "scenario": .string(scenario.name),
            "labels": LabelsJSON.labels(scenario.labels),
            "scenarioFile": .string(scenarioFile),
            "scenarioContentHash": .string(contentHash),
            "seed": .number(String(scenario.seed)),
            "replications": .number(String(scenario.replications)),
            "months": .number(String(scenario.months)),
            "startMonth": .string(scenario.startMonth.description),
            "sampleFraction": JSONOut.fixed(scenario.sampleFraction, 6),
            "minimumSampledWorkersPerPool": .number(String(scenario.minimumSampledWorkersPerPool)),
            "uncertainty": .bool(scenario.uncertainty),
            "pooling": .string(scenario.pooling.rawValue),
            "shortfall": .string(scenario.fund.shortfall.rawValue),
            "grade1to4Allowance": .string(scenario.benefits.grade1to4Allowance.notation),
            "rateFloat": rateFloatJSON(scenario.rateFloat),
            "earlierPhases": .array(
                scenario.phasesToRun.map {
                    .object(["scenario": .string($0.name), "startMonth": .string($0.startMonth.description), "months": .number(String($0.months))])
                }),
            "uncertainInputs": .array(
                scenario.uncertainInputs.map(ResultFiles.manifestEntry)),
            "files": .array(
                (["summary.json", "monthly.csv", "replications.csv", "platforms.csv", "yearly.csv", SolvencyPathsCSV.fileName, "manifest.json"]
                    + (monthlyPaths ? [MonthlyPathsCSV.fileName] : []) + (report ? ["report.html"] : [])).map(
                        JSONOut.string))
        ])
    }
}
