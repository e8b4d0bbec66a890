import InjurySimCore
import InjurySimEngine
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis

/// The sequential rounds' rules on a model whose posterior is known: the reflected kernel is a
/// density on [0, 1], a round's weighted worlds are the posterior (its mean and spread, an
/// irrelevant input left at its prior) and the effective sample size grows.
@Suite struct EvidenceRoundsTests {
    @Test(arguments: [(0.0001, 0.3), (0.5, 0.05), (0.97, 0.2), (0.02, 0.5)])
    func theReflectedKernelIsADensityOnTheUnitInterval(centre: Double, scale: Double) {
        let n = 20_000
        let integral = (0..<n).reduce(0.0) { sum, i in
            sum + PortableMath.exp(EvidenceRounds.logReflected((Double(i) + 0.5) / Double(n), centre: centre, scale: scale)) / Double(n)
        }
        #expect(abs(integral - 1) < 1e-3, "centre \(centre) scale \(scale): \(integral)")
    }

    /// The proposal's density, which the weights divide by, integrates to 1 over the cube: its
    /// defensive share of the prior included, and a coordinate without a kernel at the prior's 1.
    @Test func theProposalIsADensity() {
        let worlds = [[0.2, 0.9], [0.7, 0.1], [0.05, 0.5]], weights = [0.3, 0.6, 0.1]
        let n = 300
        var integral = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let u = [(Double(i) + 0.5) / Double(n), (Double(j) + 0.5) / Double(n)]
                integral += PortableMath.exp(EvidenceRounds.logProposal(u, worlds: worlds, weights: weights, scales: [0.1, nil]))
            }
        }
        integral /= Double(n * n)
        #expect(abs(integral - 1) < 2e-3, "\(integral)")
    }

    @Test func proposalsStayInsideAndFollowTheirCentres() {
        let worlds = [[0.1, 0.9], [0.5, 0.5]]
        let proposed = EvidenceRounds.propose(count: 4_000, worlds: worlds, weights: [1, 0], scales: [0.05, nil], key: StreamKey(seed: 4))
        #expect(proposed.allSatisfy { $0.allSatisfy { $0 > 0 && $0 < 1 } })
        // 90% from the only weighted centre, 10% from the prior: mean 0.9 × 0.1 + 0.1 × 0.5.
        let mean0 = proposed.reduce(0.0) { $0 + $1[0] } / 4_000
        #expect(abs(mean0 - 0.14) < 0.01, "\(mean0)")
        let near = proposed.filter { abs($0[0] - 0.1) < 0.2 }.count
        #expect(abs(Double(near) / 4_000 - (0.9 + 0.1 * 0.3)) < 0.02, "\(near)")
        // The coordinate without a kernel is the prior's whatever the centre.
        let mean1 = proposed.reduce(0.0) { $0 + $1[1] } / 4_000
        #expect(abs(mean1 - 0.5) < 0.02, "\(mean1)")
        // Weighted variance 0.04 in each coordinate (sd 0.2 < 0.8 × 0.289): scale √(2 × 0.04).
        let both = EvidenceRounds.scales(worlds, weights: [0.5, 0.5])
        #expect(both.allSatisfy { $0.map { abs($0 - (2 * 0.04).squareRoot()) < 1e-12 } == true })
        #expect(EvidenceRounds.scales(worlds, weights: [1, 0]) == [EvidenceRounds.smallestScale, EvidenceRounds.smallestScale])
        // A coordinate spread as the prior's (sd 0.4 here) has no kernel.
        let spread = EvidenceRounds.scales([[0.1, 0.1], [0.9, 0.5]], weights: [0.5, 0.5])
        #expect(spread[0] == nil && abs((spread[1] ?? 0) - 0.2 * 2.0.squareRoot()) < 1e-12)
    }

    /// θ = u₀ with a flat prior, observed as 0.3 with a normal error of 0.02; u₁ is not observed.
    /// The posterior of θ is that normal (truncation at 0 and 1 is far), u₁'s is its flat prior.
    @Test func aRoundsWeightedWorldsAreThePosterior() {
        func logL(_ u: [Double]) -> Double { let z = (u[0] - 0.3) / 0.02; return -0.5 * z * z }
        let key = StreamKey(seed: 77)
        let prior = (0..<2_000).map { i in [key.child(UInt64(i)).uniform(0), key.child(UInt64(i)).uniform(1)] }
        let w0 = ImportanceWeights(logWeights: prior.map(logL))
        let scales = EvidenceRounds.scales(prior, weights: w0.weights)
        let proposed = EvidenceRounds.propose(count: 2_000, worlds: prior, weights: w0.weights, scales: scales, key: key.child(named: "round1"))
        let w1 = ImportanceWeights(
            logWeights: EvidenceRounds.logWeights(proposed, logLikelihoods: proposed.map(logL), worlds: prior, weights: w0.weights, scales: scales))
        #expect(w0.effectiveSampleSize < 200)
        #expect(w1.effectiveSampleSize > 3 * w0.effectiveSampleSize, "\(w0.effectiveSampleSize) → \(w1.effectiveSampleSize)")
        func moments(_ k: Int) -> (mean: Double, sd: Double) {
            let mean = zip(proposed, w1.weights).reduce(0.0) { $0 + $1.1 * $1.0[k] }
            let variance = zip(proposed, w1.weights).reduce(0.0) { $0 + $1.1 * ($1.0[k] - mean) * ($1.0[k] - mean) }
            return (mean, variance.squareRoot())
        }
        let theta = moments(0), free = moments(1)
        #expect(abs(theta.mean - 0.3) < 0.002, "posterior mean \(theta.mean)")
        // Weighted by the likelihood alone, the worlds would have the spread of proposal × likelihood,
        // about 0.017 here.
        #expect(abs(theta.sd - 0.02) < 0.0012, "posterior sd \(theta.sd): the proposal's density must be divided out")
        // Left unweighted by the proposal, u₁ would crowd round the round-0 worlds that fit θ.
        #expect(abs(free.mean - 0.5) < 0.06 && abs(free.sd - (1.0 / 12).squareRoot()) < 0.04, "u₁ \(free)")
    }
}

/// The rounds over the engine: a round's worlds draw the uniforms it proposed (the engine's
/// draws are the recorded ones), its chance is fresh, and the same study gives the same rounds.
@Suite struct EvidenceRoundsEngineTests {
    @Test func roundsRunTheProposedWorlds() async throws {
        var smoke = try TestScenarios.load("smoke.json")
        smoke.months = 3
        smoke.replications = 10
        // A recognised-injury count at the median of the prior worlds, observed within 2%: few agree.
        let probe = await MonteCarloRunner.run(scenario: smoke, replications: 0..<10, threads: 2)
        let month = smoke.startMonth.adding(months: 2)
        var figures = Scenario.PublishedFigures(month: month, insuredPersons: nil, recognisedInjuries: 1, benefitsPaidYuan: nil, source: "test")
        figures.observations = ["recognisedInjuries": .normal(relativeError: 0.02)]
        smoke.published = [figures]
        smoke.published[0].recognisedInjuries = Spread(PublishedCounterpart.all(scenario: smoke, results: probe)[0].values).p50
        let rounds = await EvidenceRounds.run(smoke, rounds: 1, target: 5, threads: 2)
        #expect(rounds.count == 2, "round 0's ESS \(rounds[0].effectiveSampleSize) is below 5, so one more round runs")
        let (next, _) = EvidenceRounds.nextScenario(smoke, after: rounds[0], count: 10)
        let proposed = try #require(next.proposed)
        #expect(rounds[1].uniforms == proposed.uniforms)
        for replication in [0, 7] {
            var drew: [String: [Double]] = [:]
            let inputs = ReplicationInputs(scenario: next, replication: replication, drew: { drew[$0.text, default: []].append($1) })
            for (input, x) in zip(next.uncertainInputs, next.inputDraws(replication: replication)) {
                #expect(drew[input.drawnAs ?? input.path]?.contains(x) == true, "\(input.path)")
                let stream = "input/" + (input.drawnAs ?? input.path)
                #expect(x == input.param.value(at: proposed.uniform(stream, replication: replication)!))
            }
            #expect(inputs.key != ReplicationInputs.rootKey(seed: smoke.seed, replication: replication), "a round's chance is its own")
        }
        let again = await EvidenceRounds.run(smoke, rounds: 1, target: 5, threads: 1)
        #expect(again.map(\.uniforms) == rounds.map(\.uniforms))
        #expect(again.map(\.evidence.weights) == rounds.map(\.evidence.weights))
    }

    /// The rounds of a sharded study are replayed from their worlds' results: the same weights and
    /// proposals as the rounds run on one machine, the next round's worlds while the study is not
    /// done, and a round after the one that ended the study refused.
    @Test func replayedRoundsAreTheRoundsRun() async throws {
        var smoke = try TestScenarios.load("smoke.json")
        smoke.months = 3
        smoke.replications = 10
        var figures = Scenario.PublishedFigures(
            month: smoke.startMonth.adding(months: 2), insuredPersons: nil, recognisedInjuries: 1, benefitsPaidYuan: nil, source: "test")
        figures.observations = ["recognisedInjuries": .normal(relativeError: 0.02)]
        smoke.published = [figures]
        let probe = await MonteCarloRunner.run(scenario: smoke, replications: 0..<10, threads: 2)
        smoke.published[0].recognisedInjuries = Spread(PublishedCounterpart.all(scenario: smoke, results: probe)[0].values).p50
        let run = await EvidenceRounds.run(smoke, rounds: 2, target: 5, threads: 2)
        try #require(run.count >= 2, "round 0's ESS \(run[0].effectiveSampleSize) is below 5")
        // Each round's worlds run apart from the rounds, as the tasks of a sharded study run them.
        var results = [await MonteCarloRunner.run(scenario: smoke, replications: 0..<10, threads: 1)]
        for t in 1..<run.count {
            let (s, _) = EvidenceRounds.nextScenario(smoke, after: run[t - 1], count: 10)
            results.append(await MonteCarloRunner.run(scenario: s, replications: 0..<10, threads: 1))
        }
        let replayed = try EvidenceRounds.replay(smoke, results: results, most: 2, target: 5)
        #expect(replayed.next == nil, "the study ran to its end")
        #expect(replayed.rounds.map(\.uniforms) == run.map(\.uniforms))
        #expect(replayed.rounds.map(\.evidence.weights) == run.map(\.evidence.weights))
        // Round 1's weights from the rule itself: likelihood ÷ the proposal round 0's worlds make.
        let (_, scales) = EvidenceRounds.nextScenario(smoke, after: run[0], count: 10)
        let counterparts = replayed.rounds[1].evidence.observed.map(\.counterpart)
        let logL = replayed.rounds[1].evidence.worlds.map { Evidence.logLikelihood(of: $0, under: counterparts) }
        let expected = ImportanceWeights(
            logWeights: EvidenceRounds.logWeights(
                replayed.rounds[1].uniforms, logLikelihoods: logL, worlds: run[0].uniforms, weights: run[0].evidence.weights.weights,
                scales: scales))
        #expect(replayed.rounds[1].evidence.weights == expected)
        #expect(replayed.rounds[1].evidence.weights != ImportanceWeights(logWeights: logL), "the proposal moves the weights")
        // Round 0 alone: not done, and the next round's worlds are those round 1 ran.
        let first = try EvidenceRounds.replay(smoke, results: [results[0]], most: 2, target: 5)
        let next = try #require(first.next?.proposed)
        #expect(next.uniforms == run[1].uniforms && next.round == 1)
        // A round the study never runs: after round 0 met a lower target, or after the last round.
        #expect(throws: EvidenceRounds.ExtraRound(endedBy: 0, effectiveSampleSize: run[0].effectiveSampleSize)) {
            try EvidenceRounds.replay(smoke, results: Array(results.prefix(2)), most: 2, target: run[0].effectiveSampleSize)
        }
        #expect(throws: EvidenceRounds.ExtraRound(endedBy: 0, effectiveSampleSize: run[0].effectiveSampleSize)) {
            try EvidenceRounds.replay(smoke, results: Array(results.prefix(2)), most: 0, target: 5)
        }
    }
}
