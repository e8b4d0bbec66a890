import InjurySimCore

/// Who a person is, for a person hired in an earlier phase of a chain: the age bands and share
/// of men of the sector their (province, platform) pair belonged to in the phase in force on
/// their hire day. A carried person's age and sex are drawn from their stream and hire day at
/// each accident (``WorkerAge``), so with these they are the same in every phase, whatever the
/// later files say of the sector.
package struct HiredEarlier: Sendable {
    /// One earlier phase: its first day on the chain's clock and, by `province × platforms +
    /// platform` of the phase that reads it, the bands and share of men of pairs it ran.
    package struct Phase: Sendable {
        package var firstDay: Int
        package var people: [Int: (bands: [Double], maleShare: Double)]
    }

    /// Earlier phases, earliest first.
    package var phases: [Phase] = []

    package init() {}

    /// The earlier phases of `scenario` as `phases` (``Scenario/phasesToRun``, earliest first)
    /// with their first days on the chain's calendar (`clock`).
    package init(scenario: Scenario, phases earlier: [Scenario], clock: ChainClock) {
        let platforms = scenario.platforms.count
        self.phases = earlier.map { phase in
            var people: [Int: (bands: [Double], maleShare: Double)] = [:]
            for region in phase.provinces {
                guard let province = scenario.provinces.firstIndex(where: { $0.name == region.name }) else { continue }
                for company in phase.platforms {
                    guard let platform = scenario.platforms.firstIndex(where: { $0.name == company.name }) else { continue }
                    let sector = phase.sectors[company.sector]
                    people[province * platforms + platform] = (sector.ageBands, sector.maleShare)
                }
            }
            return Phase(firstDay: clock.calendar.firstDays[phase.startMonth.months(since: clock.chainStart)], people: people)
        }
    }

    /// The bands and share of men for a person of pair (`province`, `platform`) hired on chain
    /// day `hireDay`, when that is before `phaseStartDay` and the pair ran in the phase then in
    /// force (the first phase for persons already at work when the chain began); nil otherwise.
    package func people(province: Int, platform: Int, platforms: Int, hireDay: Int, phaseStartDay: Int) -> (bands: [Double], maleShare: Double)? {
        guard hireDay < phaseStartDay, !phases.isEmpty else { return nil }
        let phase = phases.last { $0.firstDay <= hireDay } ?? phases[0]
        return phase.people[province * platforms + platform]
    }
}
