import InjurySimCore

/// A what-if without re-running: the worlds of a run reweighted to other distributions of some
/// uncertain inputs. A world that drew x under the run's distribution p gets the weight
/// q(x) / p(x) under the what-if's q (importance sampling with the run as the proposal), the
/// product over the inputs changed; the observed published figures' likelihoods multiply in when
/// the what-if is conditioned too.
package enum WhatIf {
    /// The log-weights of `worlds` (their draws in the order of `prior`) under `target`: one list
    /// of uncertain inputs each (a scenario's ``Scenario/uncertainInputs`` before and after the
    /// what-if's changes). Also the paths changed.
    package static func logWeights(
        prior: [Scenario.UncertainInput], target: [Scenario.UncertainInput], worlds: [EvidenceWorld]
    ) throws(WhatIfError) -> (logWeights: [Double], changed: [String]) {
        let targetByPath = Dictionary(target.map { ($0.path, $0.param) }, uniquingKeysWith: { first, _ in first })
        let priorPaths = Set(prior.map(\.path))
        if let added = target.first(where: { !priorPaths.contains($0.path) }) { throw .notDrawn(path: added.path) }
        var logWeights = Array(repeating: 0.0, count: worlds.count)
        var changed: [String] = []
        for (index, input) in prior.enumerated() {
            guard let q = targetByPath[input.path] else { throw .fixed(path: input.path) }
            let p = input.param
            guard q != p else { continue }
            changed.append(input.path)
            guard p.isChoice == q.isChoice else { throw .kind(path: input.path) }
            guard covers(p, q) else { throw .outsideSupport(path: input.path, run: p.notation, whatIf: q.notation) }
            for (w, world) in worlds.enumerated() {
                let x = world.draws[index]
                guard let new = q.logDensity(x), let old = p.logDensity(x) else { throw .fixed(path: input.path) }
                logWeights[w] += old.isFinite ? new - old : -.infinity
            }
        }
        return (logWeights, changed)
    }

    /// Whether every value `q` can draw is one `p` draws too: the interval of a uniform or
    /// triangular, the half-line of a lognormal, the line of a normal; for choices, every value
    /// `q` gives weight to has weight under `p`.
    static func covers(_ p: Param, _ q: Param) -> Bool {
        if case .choice(let pv, let pw) = p.shape, case .choice(let qv, let qw) = q.shape {
            let drawn = Set(zip(pv, pw).filter { $0.1 > 0 }.map(\.0))
            return zip(qv, qw).allSatisfy { $0.1 <= 0 || drawn.contains($0.0) }
        }
        let ps = support(p), qs = support(q)
        return qs.lowerBound >= ps.lowerBound && qs.upperBound <= ps.upperBound
    }

    /// Where a distribution puts its mass (infinite ends for a normal's and lognormal's tails).
    static func support(_ param: Param) -> (lowerBound: Double, upperBound: Double) {
        switch param.shape {
        case .fixed(let v): return (v, v)
        case .uniform(let low, let high), .triangular(let low, _, let high): return (low, high)
        case .choice(let values, _): return (values.min() ?? 0, values.max() ?? 0)
        case .normal: return (-.infinity, .infinity)
        case .lognormal: return (0, .infinity)
        }
    }
}

/// Why a what-if cannot be answered by reweighting.
package enum WhatIfError: Error, Equatable, CustomStringConvertible {
    /// The what-if fixes an input the run drew: reweighting cannot put all weight on one value.
    case fixed(path: String)
    /// The what-if makes uncertain an input the run held fixed: no world drew other values.
    case notDrawn(path: String)
    /// A choice turned into a density or the reverse.
    case kind(path: String)
    /// The what-if's distribution reaches values the run's never drew.
    case outsideSupport(path: String, run: String, whatIf: String)
    /// Too few worlds carry the weight.
    case tooFewWorlds(effectiveSampleSize: Double, replications: Int, changed: [String])
    /// The results do not come from this scenario.
    case mismatch(String)

    package var description: String {
        switch self {
        case .fixed(let path):
            return "\(path): a what-if cannot fix an input the run drew (no world drew exactly that value); "
                + "give a narrow distribution instead, or re-run with it fixed"
        case .notDrawn(let path):
            return "\(path): the run held this input fixed, so no world drew other values of it; re-run with it uncertain"
        case .kind(let path):
            return "\(path): a what-if must keep a choice a choice and a distribution a distribution"
        case .outsideSupport(let path, let run, let whatIf):
            return "\(path): the what-if's \(whatIf) reaches values the run's \(run) never draws; keep it inside the run's range"
        case .tooFewWorlds(let ess, let replications, let changed):
            let essText = String((ess * 10).rounded() / 10)
            return "the what-if leaves an effective sample size of \(essText) of \(replications) worlds (below "
                + "\(Int(Evidence.minimumEffectiveSampleSize))): "
                + (changed.isEmpty ? "the published figures' weights" : changed.joined(separator: ", "))
                + " moved the weight onto too few worlds; change it less, or run more replications and reweight those"
        case .mismatch(let reason): return reason
        }
    }
}
