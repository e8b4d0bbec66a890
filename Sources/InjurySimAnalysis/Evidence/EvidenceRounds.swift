import InjurySimCore
import InjurySimEngine

/// Sequential rounds of conditioning (population Monte Carlo; Cappé et al. 2004, and the ABC-SMC
/// kernel of Beaumont et al. 2009): when too few of the prior's worlds agree with the published
/// figures, the next round draws its worlds near the ones that do and weighs them by
/// likelihood × prior ÷ proposal, so its weighted worlds are again the posterior, with a larger
/// effective sample size.
///
/// A world is its inputs' uniforms u in (0, 1)^d (``ProposedInputs``): the prior over u is flat,
/// so the weight of a proposed world is L(u) ÷ q(u). The proposal q:
/// - with probability ``defensiveShare`` a world of the prior (defensive importance sampling,
///   Hesterberg 1995: no weight can exceed L ÷ that share);
/// - otherwise a world of the earlier round picked by its weight, each coordinate the evidence
///   narrows (weighted standard deviation below ``Evidence/constrainedBelow`` of the prior's,
///   √(1/12)) moved by a normal step reflected at 0 and 1 (so it stays in the cube and near its
///   centre) of scale √2 × that standard deviation (Beaumont et al.), held between
///   ``smallestScale`` and ``largestScale``, and every other coordinate drawn from its prior.
/// Drawing the coordinates the evidence says nothing about from their prior keeps their ~50
/// kernels out of the weights: a kernel mixture over all of them makes the weights vary more
/// than the prior's, and the effective sample size falls from round to round.
package enum EvidenceRounds {
    package static let smallestScale = 0.002
    package static let largestScale = 0.5
    package static let defensiveShare = 0.1

    /// The kernel's scale per coordinate from weighted worlds; nil for a coordinate drawn from its prior.
    package static func scales(_ worlds: [[Double]], weights: [Double]) -> [Double?] {
        guard let d = worlds.first?.count else { return [] }
        let priorSD = (1.0 / 12).squareRoot()
        return (0..<d).map { k in
            let mean = zip(worlds, weights).reduce(0.0) { $0 + $1.1 * $1.0[k] }
            let variance = zip(worlds, weights).reduce(0.0) { $0 + $1.1 * ($1.0[k] - mean) * ($1.0[k] - mean) }
            guard variance.squareRoot() < Evidence.constrainedBelow * priorSD else { return nil }
            return min(largestScale, max(smallestScale, (2 * variance).squareRoot()))
        }
    }

    /// x + s·z reflected into [0, 1] (at most `largestScale` × a few, so a few folds suffice).
    package static func reflect(_ x: Double) -> Double {
        var y = x
        while y < 0 || y > 1 { y = y < 0 ? -y : 2 - y }
        // A uniform of exactly 0 or 1 has no value under an unbounded distribution.
        return min(max(y, 0x1p-53), 1 - 0x1p-53)
    }

    /// The log density at `x` of a normal kernel centred on `centre` with scale `scale`,
    /// reflected at 0 and 1: the images ±centre + 2m for m from −1 to 1 (the images left out lie
    /// at least 3 from `x`, so their terms are below e^−18 of the nearest for scales up to
    /// ``largestScale``), and of those any below e^−40 of the nearest.
    package static func logReflected(_ x: Double, centre: Double, scale: Double) -> Double {
        // Two unused lanes sit far away (their terms are 0).
        let images = SIMD8<Double>(centre, -centre, 2 - centre, centre - 2, 2 + centre, -2 - centre, 1e6, 1e6)
        let offsets = SIMD8<Double>(repeating: x) - images
        let squares = offsets * offsets
        let nearest = squares.min()
        // Every other image's term relative to the nearest; ties with the nearest (x on a
        // boundary) count 1 each beyond the first.
        // Terms below e^−40 of the nearest are left out (they cannot move the sum's 12th digit).
        var rest = -1.0
        let half = 0.5 / (scale * scale)
        for lane in 0..<8 {
            let exponent = (squares[lane] - nearest) * half
            rest += exponent == 0 ? 1 : exponent > 40 ? 0 : PortableMath.exp(-exponent)
        }
        let tail = rest < 1e-12 ? rest : PortableMath.log(1 + rest)
        return -0.5 * nearest / (scale * scale) + tail - PortableMath.log(scale) - 0.918_938_533_204_672_7
    }

    /// The log density of the proposal at `u`: log(a + (1 − a) Σ_j w_j Π_k kernel(u_k; centre_jk))
    /// over the kernels' coordinates (the others have the prior's density, 1), a the defensive
    /// share; summed in log space so that far worlds do not underflow to a density of 0.
    package static func logProposal(_ u: [Double], worlds: [[Double]], weights: [Double], scales: [Double?]) -> Double {
        var terms = [PortableMath.log(defensiveShare)]
        terms.reserveCapacity(worlds.count + 1)
        let mixture = PortableMath.log(1 - defensiveShare)
        for (centre, w) in zip(worlds, weights) where w > 0 {
            var sum = mixture + PortableMath.log(w)
            for k in u.indices { if let scale = scales[k] { sum += logReflected(u[k], centre: centre[k], scale: scale) } }
            terms.append(sum)
        }
        let top = terms.max()!
        return top + PortableMath.log(terms.reduce(0.0) { $0 + PortableMath.exp($1 - top) })
    }

    /// `count` worlds drawn from the proposal on the streams of `key`: world i's stream's first
    /// uniform chooses the prior or the mixture, its `pick` stream a centre by weight, and its
    /// uniforms 1 to d the coordinates (a step from the centre, or the prior's draw).
    package static func propose(count: Int, worlds: [[Double]], weights: [Double], scales: [Double?], key: StreamKey) -> [[Double]] {
        var cumulative: [Double] = []
        var running = 0.0
        for w in weights {
            running += w
            cumulative.append(running)
        }
        return (0..<count).map { i in
            let stream = key.child(UInt64(i))
            let fromPrior = stream.uniform(0) < defensiveShare
            let pick = stream.child(named: "pick").uniform(0) * running
            let centre = worlds[min(worlds.count - 1, cumulative.firstIndex { $0 > pick } ?? worlds.count - 1)]
            return centre.indices.map { k in
                let v = stream.uniform(UInt64(1 + k))
                guard !fromPrior, let scale = scales[k] else { return v }
                return reflect(centre[k] + scale * Sample.inverseNormalCDF(v))
            }
        }
    }

    /// The log weights of proposed worlds: log L − log q (the prior over uniforms is flat).
    package static func logWeights(
        _ proposed: [[Double]], logLikelihoods: [Double], worlds: [[Double]], weights: [Double], scales: [Double?]
    ) -> [Double] {
        zip(proposed, logLikelihoods).map { u, logL in
            guard logL.isFinite else { return -.infinity }
            return logL - logProposal(u, worlds: worlds, weights: weights, scales: scales)
        }
    }
}

extension EvidenceRounds {
    /// One round: its worlds (uniforms and figures) and their weights.
    package struct Round: Sendable {
        package var round: Int
        /// Each world's uniforms (``Scenario/uncertainStreams`` order).
        package var uniforms: [[Double]]
        package var evidence: Evidence
        package var effectiveSampleSize: Double { evidence.weights.effectiveSampleSize }
    }

    /// A round's evidence for the worlds of `scenario` (its ``Scenario/proposed`` worlds, or the
    /// plain run's for round 0) whose results are `results`, weighted by `logWeights` of their
    /// log-likelihoods (nil: the likelihoods themselves, the prior being the proposal).
    package static func round(
        _ number: Int, scenario: Scenario, results: [ReplicationResult], logWeights: (([[Double]], [Double]) -> [Double])?
    ) -> Round {
        let counterparts = PublishedCounterpart.all(scenario: scenario, results: results)
        let worlds = EvidenceWorld.all(scenario: scenario, results: results, counterparts: counterparts)
        let streams = scenario.uncertainStreams
        let uniforms = results.map { r in streams.map { scenario.inputUniform($0, replication: r.replication) } }
        let logL = worlds.map { Evidence.logLikelihood(of: $0, under: counterparts) }
        let weights = ImportanceWeights(logWeights: logWeights?(uniforms, logL) ?? logL)
        let evidence = Evidence(
            worlds: worlds, counterparts: counterparts, inputs: scenario.uncertainInputs.map(\.path), weights: weights, conditioned: true)
        return Round(round: number, uniforms: uniforms, evidence: evidence)
    }

    /// The scenario of round `number` (1 or more): `count` worlds proposed from `previous`.
    package static func nextScenario(_ scenario: Scenario, after previous: Round, count: Int) -> (Scenario, scales: [Double?]) {
        let weights = previous.evidence.weights.weights
        let scales = scales(previous.uniforms, weights: weights)
        let number = previous.round + 1
        let proposed = propose(
            count: count, worlds: previous.uniforms, weights: weights, scales: scales,
            key: StreamKey(seed: scenario.seed).child(named: "condition/round/" + String(number)))
        var s = scenario
        s.saltelli = nil
        s.proposed = ProposedInputs(round: number, streams: scenario.uncertainStreams, uniforms: proposed)
        return (s, scales)
    }

    /// The next round a study runs after `rounds`: its scenario (``nextScenario(_:after:count:)``,
    /// the scenario's replication count of worlds) and kernel scales, or nil when the study is
    /// done — the last round's effective sample size reached `target` (or is 0: no world agrees,
    /// and no round can be proposed), or `most` rounds after the first have run.
    package static func next(_ scenario: Scenario, after rounds: [Round], most: Int, target: Double) -> (Scenario, scales: [Double?])? {
        guard rounds.count <= most, let last = rounds.last, last.effectiveSampleSize < target, last.effectiveSampleSize > 0 else { return nil }
        return nextScenario(scenario, after: last, count: scenario.replications)
    }

    /// Round `number`'s weighted worlds: its results under its scenario (the plain `scenario`
    /// for round 0, else `next`'s, which the results must come from), weighed against `previous`.
    package static func weigh(
        _ number: Int, scenario: Scenario, results: [ReplicationResult], previous: Round?, scales: [Double?]
    ) -> Round {
        guard let previous else { return round(number, scenario: scenario, results: results, logWeights: nil) }
        let centres = previous.uniforms, centreWeights = previous.evidence.weights.weights
        return round(number, scenario: scenario, results: results) { uniforms, logL in
            logWeights(uniforms, logLikelihoods: logL, worlds: centres, weights: centreWeights, scales: scales)
        }
    }

    /// A round the study does not run: the one before it already ended the study.
    package struct ExtraRound: Error, Sendable, Equatable {
        /// The round that ended the study, and its effective sample size.
        package var endedBy: Int
        package var effectiveSampleSize: Double
    }

    /// The rounds of a study whose worlds ran elsewhere (the parts of a sharded study):
    /// `results[t]` round t's results, weighed in order as ``run(_:rounds:target:threads:progress:)``
    /// weighs them. Returns the rounds and the next round's scenario (nil when the study is done);
    /// throws when a round is given after the study ended.
    package static func replay(
        _ scenario: Scenario, results: [[ReplicationResult]], most: Int, target: Double
    ) throws(ExtraRound) -> (rounds: [Round], next: Scenario?) {
        var all: [Round] = []
        for (number, roundResults) in results.enumerated() {
            if number == 0 {
                all.append(weigh(0, scenario: scenario, results: roundResults, previous: nil, scales: []))
                continue
            }
            guard let (s, scales) = next(scenario, after: all, most: most, target: target) else {
                throw ExtraRound(endedBy: number - 1, effectiveSampleSize: all[number - 1].effectiveSampleSize)
            }
            all.append(weigh(number, scenario: s, results: roundResults, previous: all.last, scales: scales))
        }
        return (all, next(scenario, after: all, most: most, target: target)?.0)
    }

    /// Runs round 0 (the scenario's own worlds) and further rounds, at most `rounds`, until the
    /// effective sample size reaches `target` (``next(_:after:most:target:)``). Returns every
    /// round. `progress` hears each round's start and each finished replication.
    package static func run(
        _ scenario: Scenario, rounds: Int, target: Double, threads: Int,
        progress: (@Sendable (_ round: Int, _ replicationFinished: Bool) -> Void)? = nil
    ) async -> [Round] {
        func finished(_ round: Int) -> (@Sendable (Int) -> Void)? {
            guard let progress else { return nil }
            return { _ in progress(round, true) }
        }
        progress?(0, false)
        let count = scenario.replications
        let first = await MonteCarloRunner.run(scenario: scenario, replications: 0..<count, threads: threads, progress: finished(0))
        var all = [weigh(0, scenario: scenario, results: first, previous: nil, scales: [])]
        while let (s, scales) = next(scenario, after: all, most: rounds, target: target), let last = all.last {
            progress?(last.round + 1, false)
            let results = await MonteCarloRunner.run(scenario: s, replications: 0..<count, threads: threads, progress: finished(last.round + 1))
            all.append(weigh(last.round + 1, scenario: s, results: results, previous: last, scales: scales))
        }
        return all
    }

    /// The round whose weighted worlds give the posterior: the one with the largest effective
    /// sample size (every round's weighted worlds are the posterior; the largest ESS reads it
    /// best), the earliest on a tie.
    package static func best(_ rounds: [Round]) -> Round {
        guard var best = rounds.first else { preconditionFailure("no rounds") }
        for round in rounds.dropFirst() where round.effectiveSampleSize > best.effectiveSampleSize { best = round }
        return best
    }

    /// The evidence to report: the best round's weighted worlds (``best(_:)``) as the posterior
    /// beside round 0's worlds as the prior (its figures, published spreads, input spreads and
    /// indices).
    package static func combined(_ rounds: [Round]) -> Evidence {
        guard let first = rounds.first else { preconditionFailure("no rounds") }
        var evidence = best(rounds).evidence
        evidence.prior = first.evidence.prior
        for i in evidence.observed.indices { evidence.observed[i].prior = first.evidence.observed[i].prior }
        for i in evidence.inputs.indices {
            evidence.inputs[i].prior = first.evidence.inputs[i].prior
            evidence.inputs[i].insolventIndex = first.evidence.inputs[i].insolventIndex
            evidence.inputs[i].breakEvenIndex = first.evidence.inputs[i].breakEvenIndex
        }
        return evidence
    }
}
