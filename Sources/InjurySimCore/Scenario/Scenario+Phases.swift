extension Scenario {
    /// The earlier phases as they run before this one: each up to the month the next phase
    /// starts, at this scenario's seed, sample fraction, minimum sampled workers per pool and
    /// uncertainty setting (so slots and money carry over at one scale, a replication draws each
    /// input at one quantile in every phase, and `--seed`, `--sample-fraction` or
    /// `uncertainty: false` apply to the whole chain).
    package var phasesToRun: [Scenario] {
        earlierPhases.enumerated().map { index, phase in
            var p = phase
            let nextStart = index + 1 < earlierPhases.count ? earlierPhases[index + 1].startMonth : startMonth
            p.months = nextStart.months(since: phase.startMonth)
            p.seed = seed
            p.sampleFraction = sampleFraction
            p.minimumSampledWorkersPerPool = minimumSampledWorkersPerPool
            p.uncertainty = uncertainty
            p.earlierPhases = []
            p.published = []
            return p
        }
    }

    /// The first month of the chain this scenario ends (its own start when it continues none):
    /// time in a chain counts from here, so growth, inflation, random draws keyed by day or month
    /// and a worker's days run on one clock across the phases.
    package var chainStart: YearMonth { earlierPhases.first?.startMonth ?? startMonth }

    /// Months from ``chainStart`` to this scenario's start.
    package var monthsIntoChain: Int { startMonth.months(since: chainStart) }
}
