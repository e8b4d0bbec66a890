import InjurySimAnalysis
import InjurySimCore

extension ResultFiles {
    /// `summary.json`'s `evidence`: the verdict over all worlds (`prior`) and over the worlds
    /// weighted by the observed published figures (`posterior`, null when nothing is observed or
    /// too few worlds agree), the effective sample size, each published figure's spread before
    /// and after, and each uncertain input's with its first-order variance shares.
    static func evidenceJSON(_ evidence: Evidence) -> JSONOut {
        func spread(_ s: WeightedSpread?, decimals: Int) -> JSONOut { spreadJSON(s, decimals: decimals) }
        let figures = verdictFiguresJSON
        return .object([
            "conditioned": .bool(evidence.conditions),
            "replications": .number(String(evidence.replications)),
            "effectiveSampleSize": JSONOut.fixed(evidence.weights.effectiveSampleSize, 2),
            "worldsWithWeight": .number(String(evidence.weights.supported)),
            "minimumEffectiveSampleSize": JSONOut.fixed(Evidence.minimumEffectiveSampleSize, 0),
            "prior": figures(evidence.prior),
            "posterior": figures(evidence.posterior),
            "published": .array(
                evidence.observed.map { o in
                    .object([
                        "column": .string(o.counterpart.column), "figure": .string(o.counterpart.figure), "book": .string(o.counterpart.book),
                        "month": .string(o.counterpart.month.description), "published": JSONOut.fixed(o.counterpart.published, 0),
                        "observation": o.counterpart.observation.map { .string($0.notation) } ?? .null,
                        "prior": spread(o.prior, decimals: 0), "posterior": spread(o.posterior, decimals: 0)
                    ])
                }),
            "inputs": .array(
                evidence.inputs.map { i in
                    .object([
                        "path": .string(i.path), "prior": spread(i.prior, decimals: 6), "posterior": spread(i.posterior, decimals: 6),
                        "narrowing": i.narrowing.map { JSONOut.fixed($0, 3) } ?? .null,
                        "firstOrderIndex": .object([
                            "insolventAtHorizon": JSONOut.fixed(i.insolventIndex, 3), "breakEvenRate": JSONOut.fixed(i.breakEvenIndex, 3)
                        ])
                    ])
                })
        ])
    }

    /// A weighted share with its interval.
    static func shareJSON(_ s: WeightedShare) -> JSONOut {
        let interval = s.interval
        return .object(["estimate": JSONOut.fixed(s.share, 4), "low95": JSONOut.fixed(interval.low, 4), "high95": JSONOut.fixed(interval.high, 4)])
    }

    /// A weighted spread's percentiles and mean, or null.
    static func spreadJSON(_ s: WeightedSpread?, decimals: Int) -> JSONOut {
        guard let s else { return .null }
        return .object([
            "p5": JSONOut.fixed(s.p5, decimals), "p50": JSONOut.fixed(s.p50, decimals), "p95": JSONOut.fixed(s.p95, decimals),
            "mean": JSONOut.fixed(s.mean, decimals)
        ])
    }

    /// The verdict's figures: the four shares and the break-even rate; null for none.
    static func verdictFiguresJSON(_ f: Evidence.Figures?) -> JSONOut {
        guard let f else { return .null }
        return .object([
            "shortProbability": shareJSON(f.short), "insolvencyProbabilityAtHorizon": shareJSON(f.insolvent),
            "reserveTargetMissedProbability": shareJSON(f.reserveTargetMissed), "capitalShortProbability": shareJSON(f.capitalShort),
            "breakEvenRateYuanPerOrder": spreadJSON(f.breakEvenRate, decimals: 4)
        ])
    }

    /// `summary.json`'s `choices`: the verdict as run (`setting` null) and under each choice, over
    /// all worlds.
    static func choicesJSON(_ choices: [ChoiceVerdict]) -> JSONOut {
        .array(choices.map { .object(["setting": $0.setting.map(JSONOut.string) ?? .null, "figures": verdictFiguresJSON($0.figures)]) })
    }
}
