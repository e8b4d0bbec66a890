/// A person's age and sex at hire, drawn from the person's own stream on the hire day, so they
/// are fixed for the person and need no room in the 44-byte ``Worker``: the engine reads them
/// only when the person has an accident. Pure.
package enum WorkerAge {
    /// Age at hire in years (a band drawn by its share, uniform within it; bands as in
    /// ``Scenario/Sector/ageBandEdges``) and whether the person is a man.
    package static func atHire(person: StreamKey, hireDay: Int, bands: [Double], maleShare: Double) -> (age: Double, isMale: Bool) {
        let edges = Scenario.Sector.ageBandEdges
        let u = person.uniform(DrawPurpose.ageAtHire.counter(day: hireDay))
        let isMale = person.uniform(DrawPurpose.sex.counter(day: hireDay)) < maleShare
        let total = bands.reduce(0, +)
        guard let last = bands.lastIndex(where: { $0 > 0 }), total > 0 else { return (edges[0], isMale) }
        var cumulative = 0.0
        for (band, share) in bands.enumerated() where share > 0 {
            let next = cumulative + share / total
            if u < next || band == last {
                let within = min(1, max(0, (u - cumulative) / (share / total)))
                return (edges[band] + within * (edges[band + 1] - edges[band]), isMale)
            }
            cumulative = next
        }
        return (edges[0], isMale)
    }
}
