import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The verdict a policy modeler reads on the terminal: ruin probability with its interval,
/// lowest balances, money in and out, liabilities and break-even rates.
package enum ConsoleReport {
    /// Millions of yuan with one decimal, from fen.
    static func millions(_ fen: Double) -> String {
        (Format.fixed(fen / 100 / 1_000_000, 1) ?? "n/a")
    }

    /// True when a 99.5% tail figure may be printed (``TailRule``).
    static func tailSupported(_ replications: Int) -> Bool { TailRule.isSupported(level: 0.995, replications: replications) }

    /// The report text.
    package static func render(scenario: Scenario, summary: RunSummary) -> String {
        var out: [String] = []
        let end = scenario.startMonth.adding(months: scenario.months - 1)
        out.append(
            "InjurySim — \(scenario.name): \(scenario.startMonth) to \(end) (\(scenario.months) months), "
                + "\(summary.replications) replications, seed \(scenario.seed)")
        let phases = scenario.phasesToRun
        if !phases.isEmpty {
            out.append(
                "Continues " + phases.map { "\($0.name) (\($0.startMonth), \($0.months) months)" }.joined(separator: " then ")
                    + ": each replication runs \(phases.count == 1 ? "it" : "them") first and starts from the end; persons, claims and benefits count from \(phases[0].startMonth)"
            )
        }
        let raised = zip(scenario.poolNames, scenario.poolSampleFractions).filter { $0.1 > scenario.sampleFraction }
        out.append(
            "Sample fraction \(Format.fixed(scenario.sampleFraction, 4) ?? "")"
                + (scenario.sampleFraction < 1 ? " (counts and money scaled up to the full population)" : " (full population)")
                + (raised.isEmpty
                    ? ""
                    : "; \(raised.count) small pool\(raised.count == 1 ? "" : "s") sampled at up to \(Format.fixed(raised.map(\.1).max() ?? 1, 4) ?? "") to simulate ≥ \(scenario.minimumSampledWorkersPerPool) slots")
                + "; uncertainty \(scenario.uncertainty ? "on" : "off"); \(scenario.pooling.rawValue) pooling; shortfall: \(scenario.fund.shortfall.rawValue)"
        )
        out.append("")
        out.append(MethodSentence.english(MethodVerdictFigures(summary.total, months: scenario.months)))
        if scenario.financing.method != .fullFunding {
            out.append("Under full funding: " + VerdictSentence.english(summary.total, months: scenario.months))
        }
        if let premium = MethodSentence.premium(summary.total.financing, closingReserveYears: scenario.financing.closingReserveYears) {
            out.append(premium)
        }
        out.append("")
        out.append("Money in millions of yuan (median over replications unless marked).")
        out.append("")
        out.append("Liquidity: net position (cash − backstop debt − deferred benefits) below zero at some month end.")
        let header = [
            padded("pool", 14), padded("P(ruin)", 8, right: true), padded("95% interval", 16, right: true), padded("1st short", 10, right: true),
            padded("lowest p50", 11, right: true), padded("lowest p5", 11, right: true), padded("contrib", 10, right: true),
            padded("benefits", 10, right: true),
            padded("loss ratio", 10, right: true), padded("liab. end", 10, right: true)
        ].joined(separator: " ")
        out.append(header)
        out.append(String(repeating: "-", count: header.count))
        for pool in summary.pools + [summary.total] {
            let interval = pool.ruinInterval
            let first = pool.firstShortfallMonth.map { scenario.startMonth.adding(months: Int($0.p50)).description } ?? "—"
            out.append(
                [
                    padded(pool.name, 14), padded(Format.percent(pool.ruinProbability), 8, right: true),
                    padded("[" + Format.percent(interval.low) + ", " + Format.percent(interval.high) + "]", 16, right: true),
                    padded(first, 10, right: true),
                    padded(millions(pool.lowestNetPosition.p50), 11, right: true), padded(millions(pool.lowestNetPosition.p5), 11, right: true),
                    padded(millions(pool.contributions.p50), 10, right: true), padded(millions(pool.benefitsPaid.p50), 10, right: true),
                    padded(Format.fixed(pool.lossRatio.p50, 3) ?? "n/a", 10, right: true),
                    padded(millions(pool.liabilitiesAtEnd.p50), 10, right: true)
                ].joined(separator: " "))
        }
        let anyShare = Double(summary.anyPoolRuinedReplications) / Double(max(1, summary.replications))
        out.append("")
        out.append(
            "Any pool short at some month end: \(Format.percent(anyShare)) of replications. "
                + (tailSupported(summary.replications)
                    ? "Worst total deficit VaR99.5 \(millions(summary.total.worstDeficitVaR)), TVaR99.5 \(millions(summary.total.worstDeficitTVaR))."
                    : "Worst total deficit VaR99.5 and TVaR99.5: needs ≥ \(TailRule.replicationsNeeded(level: 0.995)) replications (this run has \(summary.replications)).")
        )
        out.append("")
        out.append("Solvency: assets below all liabilities (backstop debt, arrears, PV of reported claims' future payments, IBNR).")
        let solvencyHeader = [
            padded("pool", 14), padded("P(insolv.)", 10, right: true), padded("95% interval", 16, right: true),
            padded("any month", 10, right: true), padded("funded p50", 10, right: true), padded("funded p5", 10, right: true),
            padded("surplus p50", 11, right: true), padded("IBNR p50", 10, right: true), padded("deficit VaR", 11, right: true)
        ]
        .joined(separator: " ")
        out.append(solvencyHeader)
        out.append(String(repeating: "-", count: solvencyHeader.count))
        for pool in summary.pools + [summary.total] {
            let interval = pool.insolvencyAtEndInterval
            out.append(
                [
                    padded(pool.name, 14), padded(Format.percent(pool.insolvencyAtEndProbability), 10, right: true),
                    padded("[" + Format.percent(interval.low) + ", " + Format.percent(interval.high) + "]", 16, right: true),
                    padded(Format.percent(pool.insolvencyEverProbability), 10, right: true),
                    padded(Format.fixed(pool.fundedRatioAtEnd.p50, 3) ?? "n/a", 10, right: true),
                    padded(Format.fixed(pool.fundedRatioAtEnd.p5, 3) ?? "n/a", 10, right: true),
                    padded(millions(pool.solvencyPositionAtEnd.p50), 11, right: true), padded(millions(pool.ibnrAtEnd.p50), 10, right: true),
                    padded(tailSupported(pool.replications) ? millions(pool.solvencyDeficitVaR) : "needs more", 11, right: true)
                ].joined(separator: " "))
        }
        out.append("(P(insolv.) at the horizon; funded = assets ÷ liabilities; surplus = assets − liabilities; deficit VaR99.5 at the horizon.)")
        out.append(
            "Loss ratios (median, total): paid \(Format.fixed(summary.total.lossRatio.p50, 3) ?? "n/a") = benefits paid ÷ contributions "
                + "received; incurred \(Format.fixed(summary.total.incurredLossRatio.p50, 3) ?? "n/a") = PV of the horizon's recognised "
                + "claims ÷ contributions booked on the horizon's orders.")
        out.append("")
        let load = scenario.fund.chargeAdminCost ? "loaded for admin" : "no admin load: the fund is not charged for it"
        out.append("Break-even per-order rate by sector (expected ultimate cost incl. long-tail PV, " + load + "), yuan per order:")
        for (index, sector) in scenario.sectors.enumerated() {
            let s = summary.total.breakEvenRate[index]
            let rates = scenario.platforms.filter { $0.sector == index }.map { $0.ratePerOrderYuan.central }
            let rateText =
                rates.isEmpty ? "" : "   (rates charged: " + Set(rates).sorted().map { Format.fixed($0, 3) ?? "" }.joined(separator: ", ") + ")"
            out.append(
                "  " + padded(sector.name, 26) + " median " + (Format.fixed(s.p50, 4) ?? "n/a")
                    + "  [p5 " + (Format.fixed(s.p5, 4) ?? "n/a") + ", p95 " + (Format.fixed(s.p95, 4) ?? "n/a") + "]" + rateText)
        }
        if !summary.published.isEmpty {
            out.append("")
            out.append("Published figures against the simulation (cumulative since the start, full population scale):")
            for p in summary.published {
                out.append(
                    "  " + padded(p.month.description + " " + p.figure + (p.book == "total" ? "" : " (" + p.book + ")"), 34) + " published "
                        + padded(Format.fixed(p.published, 0) ?? "", 11, right: true)
                        + "   simulated median " + padded(Format.fixed(p.simulated.p50, 0) ?? "", 11, right: true) + " [90%: "
                        + (Format.fixed(p.simulated.p5, 0) ?? "")
                        + " – " + (Format.fixed(p.simulated.p95, 0) ?? "") + "]" + (p.isWithinInterval ? "" : "  outside"))
            }
        }
        if let observed = EvidenceTable.observedPhrase(summary.evidence) {
            out.append("")
            out += EvidenceTable.lines(summary.evidence, weightedTitle: "worlds agreeing with the evidence", lead: "Conditioned on " + observed)
        }
        if !summary.choices.isEmpty {
            out.append("")
            out += EvidenceTable.choiceLines(summary.choices)
        }
        let t = summary.total
        out.append("")
        out.append(
            "Persons ever insured \(Format.fixed(t.insuredPersons.p50, 0) ?? ""), recognised claims \(Format.fixed(t.claimsRecognised.p50, 0) ?? ""), "
                + "benefits paid \(millions(t.benefitsPaid.p50)) M yuan (medians at the horizon).")
        if let first = scenario.phasesToRun.first {
            out[out.count - 1] =
                "Medians: persons ever insured since \(first.startMonth) \(Format.fixed(t.insuredPersons.p50, 0) ?? ""); in this phase "
                + "recognised claims \(Format.fixed(t.claimsRecognised.p50, 0) ?? ""), benefits paid \(millions(t.benefitsPaid.p50)) M yuan; "
                + "since \(first.startMonth) recognised claims \(Format.fixed(t.claimsRecognisedSinceStart.p50, 0) ?? ""), "
                + "benefits paid \(millions(t.benefitsPaidSinceStart.p50)) M yuan."
        }
        return out.joined(separator: "\n") + "\n"
    }
}
