import InjurySimCore
import InjurySimEngine

/// What the evidence says: the verdict figures over all worlds (the prior) and over the worlds
/// weighted by how well they agree with the published figures that have an observation model
/// (the posterior), the effective sample size, how each uncertain input's distribution moved,
/// and which inputs carry each headline figure's variance.
///
/// A world's weight is the product of its likelihoods under the observed figures
/// (``Observation``): importance sampling with the prior as the proposal. Figures without an
/// observation model are held out and compared before and after, out of sample.
package struct Evidence: Sendable {
    /// The verdict figures over weighted worlds.
    package struct Figures: Sendable, Equatable {
        package var short: WeightedShare
        package var insolvent: WeightedShare
        package var reserveTargetMissed: WeightedShare
        package var capitalShort: WeightedShare
        package var breakEvenRate: WeightedSpread

        package init(_ worlds: [EvidenceWorld], _ weights: ImportanceWeights) {
            short = weights.share(worlds.map(\.ruined))
            insolvent = weights.share(worlds.map(\.insolvent))
            reserveTargetMissed = weights.share(worlds.map(\.reserveTargetMissed))
            capitalShort = weights.share(worlds.map(\.capitalShort))
            breakEvenRate = weights.spread(worlds.map(\.breakEvenRate))
        }
    }

    /// A published figure's simulated spread before and after weighting.
    package struct Observed: Sendable {
        package var counterpart: PublishedCounterpart
        package var prior: WeightedSpread
        package var posterior: WeightedSpread?
    }

    /// An uncertain input's draws before and after weighting.
    package struct InputShift: Sendable {
        package var path: String
        package var prior: WeightedSpread
        package var posterior: WeightedSpread?
        /// The first-order index of P(insolvent)'s indicator and of the break-even rate to this
        /// input over the prior worlds (``FirstOrderIndex``).
        package var insolventIndex: Double
        package var breakEvenIndex: Double

        /// Posterior 90% width ÷ prior 90% width: below ``constrainedBelow``, the data constrain
        /// the input; near 1, they say nothing about it.
        package var narrowing: Double? {
            guard let posterior else { return nil }
            let width = prior.p95 - prior.p5
            return width > 0 ? (posterior.p95 - posterior.p5) / width : nil
        }
    }

    /// Below this effective sample size the weighted figures are not given: too few worlds agree
    /// with the evidence for their shares to be read (run more replications or state a wider
    /// observation error).
    package static let minimumEffectiveSampleSize = 20.0
    /// A posterior 90% width below this share of the prior's reads as "constrained by the data".
    package static let constrainedBelow = 0.8

    package var replications: Int
    package var weights: ImportanceWeights
    package var prior: Figures
    /// Nil when no figure is observed or the effective sample size is below the minimum.
    package var posterior: Figures?
    package var observed: [Observed]
    package var inputs: [InputShift]
    /// The worlds, in replication order (what `replications.csv` writes out).
    package var worlds: [EvidenceWorld]

    /// The evidence of a run of `scenario`.
    package init(scenario: Scenario, results: [ReplicationResult], counterparts: [PublishedCounterpart]) {
        self.init(
            worlds: EvidenceWorld.all(scenario: scenario, results: results, counterparts: counterparts), counterparts: counterparts,
            inputs: scenario.uncertainInputs.map(\.path))
    }

    /// A world's log-likelihood under the observation models of `counterparts` (in the world's
    /// counterpart order); figures without a model are left out.
    package static func logLikelihood(of world: EvidenceWorld, under counterparts: [PublishedCounterpart]) -> Double {
        zip(counterparts, world.counterparts).reduce(0.0) { sum, pair in
            guard let observation = pair.0.observation else { return sum }
            return sum + observation.logLikelihood(simulated: pair.1, published: pair.0.published)
        }
    }

    /// Whether any published figure carries an observation model.
    package var conditions: Bool { observed.contains { $0.counterpart.observation != nil } }

    /// The evidence of `worlds` (a run's replications in order) about `counterparts` and `inputs`
    /// (the scenario's uncertain inputs' paths, in draw order).
    package init(worlds: [EvidenceWorld], counterparts: [PublishedCounterpart], inputs paths: [String]) {
        let logWeights = worlds.map { Self.logLikelihood(of: $0, under: counterparts) }
        let conditioned = counterparts.contains { $0.observation != nil }
        self.init(
            worlds: worlds, counterparts: counterparts, inputs: paths,
            weights: conditioned ? ImportanceWeights(logWeights: logWeights) : ImportanceWeights(equal: worlds.count), conditioned: conditioned)
    }

    /// The evidence with given `weights` (a what-if's likelihood ratios, or the conditioning's).
    package init(worlds: [EvidenceWorld], counterparts: [PublishedCounterpart], inputs paths: [String], weights: ImportanceWeights, conditioned: Bool)
    {
        replications = worlds.count
        self.worlds = worlds
        self.weights = weights
        let equal = ImportanceWeights(equal: worlds.count)
        prior = Figures(worlds, equal)
        let readable = conditioned && weights.effectiveSampleSize >= Self.minimumEffectiveSampleSize
        posterior = readable ? Figures(worlds, weights) : nil
        observed = counterparts.enumerated().map { index, c in
            let values = worlds.map { $0.counterparts[index] }
            return Observed(counterpart: c, prior: equal.spread(values), posterior: readable ? weights.spread(values) : nil)
        }
        let insolvent = worlds.map { $0.insolvent ? 1.0 : 0.0 }, breakEven = worlds.map(\.breakEvenRate)
        inputs = paths.enumerated().map { index, path in
            let draws = worlds.map { $0.draws[index] }
            return InputShift(
                path: path, prior: equal.spread(draws), posterior: readable ? weights.spread(draws) : nil,
                insolventIndex: FirstOrderIndex.estimate(x: draws, y: insolvent), breakEvenIndex: FirstOrderIndex.estimate(x: draws, y: breakEven))
        }
    }
}
