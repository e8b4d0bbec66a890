/// A person's age and sex at hire, drawn from the person's own stream on the hire day, so they
/// are fixed for the person and need no room in the 44-byte ``Worker``: the engine reads them
/// when the person has an accident, and a hire reads them for the retirement day. Pure.
@usableFromInline package enum WorkerAge {
    /// Age at hire in years (a band drawn by its share, uniform within it; bands as in
    /// ``Scenario/Sector/ageBandEdges``) and whether the person is a man.
    package static func atHire(person: StreamKey, hireDay: Int, bands: [Double], maleShare: Double) -> (age: Double, isMale: Bool) {
        atHire(person: person, hireDay: hireDay, table: Table(bands: bands), maleShare: maleShare)
    }

    /// ``atHire(person:hireDay:bands:maleShare:)`` with the bands' table built once.
    package static func atHire(person: StreamKey, hireDay: Int, table: Table, maleShare: Double) -> (age: Double, isMale: Bool) {
        let u = person.uniform(DrawPurpose.ageAtHire.counter(day: hireDay))
        let isMale = person.uniform(DrawPurpose.sex.counter(day: hireDay)) < maleShare
        return (table.age(u), isMale)
    }

    /// The age bands as the draw reads them, computed once: for each band with a share, where
    /// its slice of [0, 1) starts and ends and its width. The arithmetic is the one the draw always
    /// did, in the same order, so every age is the same to the bit. A class, so that the hire
    /// profile that holds it (copied with every month's context) stays small.
    @usableFromInline package final class Table: Sendable {
        let start: SIMD8<Double>
        let end: SIMD8<Double>
        let width: SIMD8<Double>
        let used: SIMD8<Double>
        /// Each band's lower edge and its width in years.
        let low: SIMD8<Double>
        let span: SIMD8<Double>
        /// The youngest edge.
        let youngest = Scenario.Sector.ageBandEdges[0]
        /// The last band with a share (-1: none, every age is the youngest edge).
        let last: Int
        /// The bands with a share, in order (their ranks): where each one's slice ends, +∞ for
        /// the last of them and past it (the last takes every `u` the others leave), and each
        /// one's upper edge (`low + span`; the last one's again past it). For ``ageAtMost(_:)``
        /// without a branch per band.
        let rankEnd: SIMD8<Double>
        let rankAtMost: SIMD8<Double>

        package init(bands: [Double]) {
            let edges = Scenario.Sector.ageBandEdges
            precondition(bands.count < edges.count, "at most one band per pair of age edges")
            var start = SIMD8<Double>.zero, end = SIMD8<Double>.zero, width = SIMD8<Double>.zero
            var used = SIMD8<Double>.zero, low = SIMD8<Double>.zero, span = SIMD8<Double>.zero
            for band in bands.indices {
                low[band] = edges[band]
                span[band] = edges[band + 1] - edges[band]
            }
            let total = bands.reduce(0, +)
            let last = total > 0 ? bands.lastIndex(where: { $0 > 0 }) ?? -1 : -1
            if last >= 0 {
                var cumulative = 0.0
                for (band, share) in bands.enumerated() where share > 0 {
                    start[band] = cumulative
                    width[band] = share / total
                    end[band] = cumulative + share / total
                    used[band] = 1
                    cumulative = end[band]
                }
            }
            (self.start, self.end, self.width, self.used, self.low, self.span, self.last) = (start, end, width, used, low, span, last)
            var rankEnd = SIMD8<Double>(repeating: .infinity)
            var rankAtMost = SIMD8<Double>(repeating: edges[0])
            var rank = 0
            for band in 0..<max(0, last) where used[band] != 0 {
                rankEnd[rank] = end[band]
                rankAtMost[rank] = low[band] + span[band]
                rank += 1
            }
            // The last band's edge fills the lanes past it too (a NaN or +∞ counts all eight).
            if last >= 0 { for lane in rank..<8 { rankAtMost[lane] = low[last] + span[last] } }
            (self.rankEnd, self.rankAtMost) = (rankEnd, rankAtMost)
        }

        /// The oldest age ``age(_:)`` can give for `u`: the upper edge of `u`'s band, computed as
        /// `low + 1 × span`, so that (rounding being monotone, and the age `low + within × span`
        /// with within ≤ 1) `age(u) ≤ ageAtMost(u)` holds to the bit. Cheaper than the age: the
        /// band without the division within it. (A table of the edge by 1/1,024th of [0, 1) was
        /// tried: as many instructions, plus the table per profile.)
        ///
        /// Which band `u` falls in is a coin toss for the branch predictor, so the band is found
        /// by counting: the slices' ends never fall from one band with a share to the next, so
        /// the first band `u` is below is the number of bands whose end `u` is not below (the last
        /// band's end counts as +∞; a NaN, below no end, gets the last band as in ``age(_:)``).
        @usableFromInline package func ageAtMost(_ u: Double) -> Double {
            let u = SIMD8<Double>(repeating: u)
            let notBelow = unsafeBitCast(.!(u .< rankEnd), to: SIMD8<Int64>.self)  // −1 each
            let four = notBelow.lowHalf &+ notBelow.highHalf
            let two = four.lowHalf &+ four.highHalf
            let rank = Int(truncatingIfNeeded: 0 &- (two[0] &+ two[1]))
            var atMost = rankAtMost
            return atMost[lane: min(rank, 7)]
        }

        /// The age for a uniform `u`: its band, and uniform within it.
        package func age(_ u: Double) -> Double {
            guard last >= 0 else { return youngest }
            for band in 0...last where used[band] != 0 {
                if u < end[band] || band == last {
                    let within = min(1, max(0, (u - start[band]) / width[band]))
                    return low[band] + within * span[band]
                }
            }
            return youngest
        }
    }
}
