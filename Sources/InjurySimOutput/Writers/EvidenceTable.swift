import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The console's evidence paragraph: the verdict over all worlds beside the weighted worlds
/// (those agreeing with the published figures, or a what-if's), the effective sample size, the
/// inputs the weights constrain and those carrying most of each headline figure's variance.
package enum EvidenceTable {
    /// The lines for `evidence`; `weightedTitle` heads the weighted column ("worlds agreeing
    /// with the evidence", "what-if"). Empty when there is nothing to say (no published figure
    /// observed and no uncertain input).
    /// `lead` opens the paragraph ("Conditioned on the published …"); the effective sample size follows it.
    package static func lines(_ evidence: Evidence, weightedTitle: String, lead: String? = nil) -> [String] {
        var out: [String] = []
        let n = evidence.replications
        let ess = Format.fixed(evidence.weights.effectiveSampleSize, 1) ?? ""
        if let lead { out.append(lead + ": effective sample size " + ess + " of \(n) worlds.") }
        func share(_ s: WeightedShare) -> String {
            let i = s.interval
            return Format.percent(s.share) + " [" + Format.percent(i.low) + "–" + Format.percent(i.high) + "]"
        }
        func rate(_ s: WeightedSpread) -> String {
            guard !s.p50.isNaN else { return "—" }
            return "¥" + (Format.fixed(s.p50, 3) ?? "") + " [" + (Format.fixed(s.p5, 3) ?? "") + "–" + (Format.fixed(s.p95, 3) ?? "") + "]"
        }
        let rows: [(String, (Evidence.Figures) -> String)] = [
            ("short of cash (reserve exhausted)", { share($0.short) }),
            ("insolvent at the horizon", { share($0.insolvent) }),
            ("reserve below target (pay-as-you-go)", { share($0.reserveTargetMissed) }),
            ("capital short (terminal funding)", { share($0.capitalShort) }),
            ("break-even rate per order (median, 90%)", { rate($0.breakEvenRate) })
        ]
        out.append("  " + padded("", 40) + padded("all worlds", 26) + weightedTitle)
        for (label, value) in rows {
            let weighted =
                evidence.posterior.map(value)
                ?? "not given: effective sample size \(ess) < \(Int(Evidence.minimumEffectiveSampleSize))"
            out.append("  " + padded(label, 40) + padded(value(evidence.prior), 26) + weighted)
        }
        let constrained = evidence.inputs.compactMap { i -> (String, Double)? in
            guard let narrowing = i.narrowing, narrowing < Evidence.constrainedBelow else { return nil }
            return (i.path, narrowing)
        }.sorted { $0.1 < $1.1 }
        if evidence.posterior != nil {
            out.append(
                constrained.isEmpty
                    ? "No input's 90% range narrows below \(Format.percent(Evidence.constrainedBelow, 0)) of its prior width: the weights do not constrain the inputs."
                    : "Inputs the weights constrain (90% range as a share of the prior's): "
                        + constrained.prefix(6).map { $0.0 + " " + Format.percent($0.1, 0) }.joined(separator: ", ") + ".")
        }
        for (label, index) in [("break-even rate", \Evidence.InputShift.breakEvenIndex), ("insolvent at the horizon", \.insolventIndex)] {
            let top = evidence.inputs.filter { !$0[keyPath: index].isNaN && $0[keyPath: index] >= 0.05 }
                .sorted { $0[keyPath: index] > $1[keyPath: index] }
            guard !top.isEmpty else { continue }
            out.append(
                "Inputs carrying most of the variance of " + label + " (first-order share over all worlds): "
                    + top.prefix(4).map { $0.path + " " + (Format.fixed($0[keyPath: index], 2) ?? "") }.joined(separator: ", ") + ".")
        }
        return out
    }

    /// The observed figures as a phrase: `recognisedInjuries 2023-09 (normal ±10%), …`; nil when none.
    package static func observedPhrase(_ evidence: Evidence) -> String? {
        let observed = evidence.observed.compactMap { o -> String? in
            guard let observation = o.counterpart.observation else { return nil }
            return o.counterpart.figure + (o.counterpart.book == "total" ? "" : " (" + o.counterpart.book + ")") + " "
                + o.counterpart.month.description + " (" + observation.notation + ")"
        }
        return observed.isEmpty ? nil : "the published " + observed.joined(separator: ", ")
    }

    /// The verdict as run and under each of the scenario's choices, over all worlds: one line each.
    package static func choiceLines(_ choices: [ChoiceVerdict]) -> [String] {
        func share(_ s: WeightedShare) -> String { Format.percent(s.share) }
        var out = [
            "The verdict under each choice (the same worlds and chance; all worlds):",
            "  " + padded("", 52) + padded("short", 8) + padded("insolvent", 11) + padded("reserve<target", 16) + padded("capital short", 15)
                + "break-even rate (median)"
        ]
        for choice in choices {
            let f = choice.figures
            let rate = f.breakEvenRate.p50.isNaN ? "—" : "¥" + (Format.fixed(f.breakEvenRate.p50, 3) ?? "")
            out.append(
                "  " + padded(choice.setting ?? "as run", 52) + padded(share(f.short), 8) + padded(share(f.insolvent), 11)
                    + padded(share(f.reserveTargetMissed), 16) + padded(share(f.capitalShort), 15) + rate)
        }
        return out
    }
}
