extension Scenario {
    /// The earlier phases as they run before this one: each up to the month the next phase
    /// starts, at this scenario's sample fraction, minimum sampled workers per pool and
    /// uncertainty setting (so slots and money carry over at one scale, and `--sample-fraction`
    /// or `uncertainty: false` apply to the whole chain).
    package var phasesToRun: [Scenario] {
        earlierPhases.enumerated().map { index, phase in
            var p = phase
            let nextStart = index + 1 < earlierPhases.count ? earlierPhases[index + 1].startMonth : startMonth
            p.months = nextStart.months(since: phase.startMonth)
            p.sampleFraction = sampleFraction
            p.minimumSampledWorkersPerPool = minimumSampledWorkersPerPool
            p.uncertainty = uncertainty
            p.earlierPhases = []
            p.published = []
            return p
        }
    }
}
