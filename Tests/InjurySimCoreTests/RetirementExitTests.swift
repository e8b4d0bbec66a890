import Foundation
import Testing

@testable import InjurySimCore

/// Exit at the statutory retirement age (`HireProfile.Retirement`): a person leaves their slot on
/// the first day their age (age at hire, drawn as the claim builder draws it, + days / 365.25)
/// has reached the retirement age of their sex and cohort, unless churn takes them first; a slot
/// at the start holds nobody who has already retired.
@Suite struct RetirementExitTests {
    /// Hires aged 50–59 only (so many retire within a decade), men 60, women 57 (fixed ages).
    static let bands: [Double] = [0, 0, 0, 0, 1]
    static let retirement = HireProfile.Retirement(
        bands: bands, maleShare: 0.7, rule: RetirementAge(men: 60, women: 57), chainStartYear: 2022)

    static func profile(churn: Double) -> HireProfile {
        HireProfile(
            occasionalShare: 0, shiftHours: 8, shiftHoursSpread: 0, longShiftHours: 10, extraRiskPerLongHour: 0,
            churnPerMonth: churn, retirement: retirement)
    }

    /// The person's age and retirement age, drawn independently of the rule under test.
    static func ages(person: StreamKey, hireDay: Int) -> (age: Double, retires: Double) {
        let hire = WorkerAge.atHire(person: person, hireDay: hireDay, bands: bands, maleShare: retirement.maleShare)
        return (hire.age, hire.isMale ? 60 : 57)
    }

    /// Without churn everybody leaves at retirement: aged below it on their last day, at or above
    /// it on the leave day; a woman hired past 57 leaves the next day.
    @Test func withoutChurnThePersonLeavesOnTheDayTheyReachTheAge() {
        let profile = Self.profile(churn: 0)
        var worker = profile.initial(person: StreamKey(seed: 1), takeUp: 0)
        var pastAge = 0
        for i in 0..<2_000 {
            let person = StreamKey(seed: 2).child(UInt64(i))
            let day = 100 + i
            profile.hire(&worker, person: person, day: day)
            let (age, retires) = Self.ages(person: person, hireDay: day)
            let leave = Int(worker.leaveDay)
            if age >= retires {
                pastAge += 1
                #expect(leave == day + 1)
            } else {
                #expect(age + Double(leave - 1 - day) / 365.25 < retires)
                #expect(age + Double(leave - day) / 365.25 >= retires)
            }
        }
        #expect(pastAge > 0, "women aged 57–59 are past a retirement age of 57")
    }

    /// With churn the leave day is the earlier of the churn day (the same person without the
    /// retirement rule) and the retirement day; both happen.
    @Test func theLeaveDayIsTheEarlierOfChurnAndRetirement() {
        let with = Self.profile(churn: 0.02)
        var without = with
        without.retirement = nil
        var a = with.initial(person: StreamKey(seed: 3), takeUp: 0)
        var b = a
        var (byChurn, byRetirement) = (0, 0)
        for i in 0..<4_000 {
            let person = StreamKey(seed: 4).child(UInt64(i))
            with.hire(&a, person: person, day: 10 * i)
            without.hire(&b, person: person, day: 10 * i)
            let retires = Self.retirement.day(person: person, hireDay: 10 * i)
            #expect(Int(a.leaveDay) == min(Int(b.leaveDay), retires))
            // Everything else about the person is the same draw.
            #expect(a.shiftHours == b.shiftHours && a.clock == b.clock && a.flags == b.flags && a.hireDay == b.hireDay)
            if Int(b.leaveDay) < retires { byChurn += 1 } else if retires < Int(b.leaveDay) { byRetirement += 1 }
        }
        #expect(byChurn > 100 && byRetirement > 100, "\(byChurn) by churn, \(byRetirement) at retirement")
    }

    /// The birth cohort sets the age: a man hired at the same age a year later is born a year
    /// later and, under the reform (men 63), retires three months older.
    @Test func theCohortComesFromTheCalendarYearOfTheHire() {
        let rule = HireProfile.Retirement(bands: [0, 0, 0, 1, 0], maleShare: 1, rule: RetirementAge(men: 63, women: 58), chainStartYear: 2022)
        for i in 0..<200 {
            let person = StreamKey(seed: 5).child(UInt64(i))
            let age = WorkerAge.atHire(person: person, hireDay: 0, bands: [0, 0, 0, 1, 0], maleShare: 1).age
            let birth = 2022 - age
            let expected = RetirementAge(men: 63, women: 58).age(birth: birth, isMale: true)
            let day = rule.day(person: person, hireDay: 0)
            #expect(abs(Double(day) / 365.25 - (expected - age)) <= 1 / 365.25)
        }
    }

    /// Holders at the start have not retired: each is below the retirement age on the start day
    /// (of a later phase too) and leaves after it; an earlier phase's bands, when given, are the
    /// ones the age is drawn with.
    @Test(arguments: [0, 730])
    func initialHoldersHaveNotRetired(startDay: Int) {
        let profile = Self.profile(churn: 0.01)
        var redrawn = 0
        for i in 0..<5_000 {
            let person = StreamKey(seed: 6).child(UInt64(i))
            let w = profile.initial(person: person, takeUp: 0, startDay: startDay)
            let (age, retires) = Self.ages(person: person, hireDay: Int(w.hireDay))
            #expect(age + Double(startDay - Int(w.hireDay)) / 365.25 < retires)
            #expect(Int(w.leaveDay) > startDay && Int(w.hireDay) <= startDay)
            var plain = profile
            plain.retirement = nil
            if plain.initial(person: person, takeUp: 0, startDay: startDay).hireDay != w.hireDay { redrawn += 1 }
        }
        #expect(redrawn > 0, "some drawn holders had retired and were drawn again")
        // With an earlier phase's bands (all aged 18–19) nobody is near retirement: no redraw.
        let young: HireProfile.People = ([1, 0, 0, 0, 0], 1)
        for i in 0..<500 {
            let person = StreamKey(seed: 7).child(UInt64(i))
            let w = profile.initial(person: person, takeUp: 0, startDay: 365, hiredEarlier: { _ in young })
            var plain = profile
            plain.retirement = nil
            let other = plain.initial(person: person, takeUp: 0, startDay: 365)
            #expect(w.hireDay == other.hireDay && w.leaveDay <= other.leaveDay && w.shiftHours == other.shiftHours)
        }
    }

    /// The inline table the hire reads gives the ages the draw always gave, to the bit: the
    /// band search as it was written before the table (a reference copy here), over bands with
    /// gaps, a single band and uneven shares.
    @Test(arguments: [
        [0.04, 0.38, 0.38, 0.16, 0.04], [0, 0.12, 0.38, 0.35, 0.15], [0, 0, 1, 0, 0], [0.3, 0, 0, 0.7, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]
    ])
    func theTableGivesTheAgesBitForBit(bands: [Double]) {
        func reference(_ u: Double) -> Double {
            let edges = Scenario.Sector.ageBandEdges
            let total = bands.reduce(0, +)
            guard let last = bands.lastIndex(where: { $0 > 0 }), total > 0 else { return edges[0] }
            var cumulative = 0.0
            for (band, share) in bands.enumerated() where share > 0 {
                let next = cumulative + share / total
                if u < next || band == last {
                    let within = min(1, max(0, (u - cumulative) / (share / total)))
                    return edges[band] + within * (edges[band + 1] - edges[band])
                }
                cumulative = next
            }
            return edges[0]
        }
        let table = WorkerAge.Table(bands: bands)
        // Every slice's end and its neighbours (the band search's boundaries), and values
        // outside (0, 1), then uniforms.
        let total = bands.reduce(0, +)
        var boundaries: [Double] = [0, 0.04, 0.42, 0.9999999999, 1, -0.25, 1.5, .infinity]
        var cumulative = 0.0
        for share in bands where share > 0 && total > 0 {
            cumulative += share / total
            boundaries += [cumulative.nextDown, cumulative, cumulative.nextUp]
        }
        let key = StreamKey(seed: 8)
        for i in 0..<20_000 {
            let u = i < boundaries.count ? boundaries[i] : key.uniform(UInt64(i))
            #expect(table.age(u).bitPattern == reference(u).bitPattern, "u \(u)")
        }
    }

    /// Rules and hiring profiles for the leave-day bound: young and old bands, reformed and
    /// fixed ages, a rule whose youngest age is below the oldest hire (no bound at all).
    static let boundCases: [(bands: [Double], men: Double, women: Double, maleShare: Double)] = [
        ([0.04, 0.38, 0.38, 0.16, 0.04], 63, 58, 0.93), ([0, 0.12, 0.38, 0.35, 0.15], 63, 55, 0.95),
        ([0, 0, 0, 0, 1], 60, 57, 0.7), ([1, 0, 0, 0, 0], 63, 58, 0.5), ([0.3, 0, 0, 0.7, 0], 60, 50, 0.2)
    ]

    /// `leaveDay(person:hireDay:churns:)` is `min(churns, day(person:hireDay:))` to the day, with
    /// churn days on both sides of the retirement day (one day either side, the day itself) and
    /// far before it, where the bound decides without the rule: a bound that were ever past the
    /// retirement day would give `churns` where the retirement day is earlier.
    @Test(arguments: 0..<5)
    func theBoundedLeaveDayIsTheEarlierOfChurnAndRetirement(index: Int) {
        let c = Self.boundCases[index]
        let rule = HireProfile.Retirement(
            bands: c.bands, maleShare: c.maleShare, rule: RetirementAge(men: c.men, women: c.women), chainStartYear: 2022)
        var (bounded, early) = (0, 0)
        for i in 0..<3_000 {
            let person = StreamKey(seed: 11).child(UInt64(i))
            let hireDay = 37 * i - 3_650
            let retires = rule.day(person: person, hireDay: hireDay)
            for churns in [retires - 1, retires, retires + 1, hireDay + 1, hireDay + 400, hireDay + 9_000, Int(Int32.max / 2)] {
                let got = rule.leaveDay(person: person, hireDay: hireDay, churns: churns)
                #expect(got == min(churns, retires), "hired day \(hireDay), churns \(churns), retires \(retires): \(got)")
                if churns < retires { early += 1 }
            }
            let u = person.uniform(DrawPurpose.ageAtHire.counter(day: hireDay))
            if (rule.rule.youngest - rule.table.ageAtMost(u)) * 365.25 >= 400 { bounded += 1 }
        }
        #expect(early > 3_000)
        // The young bands are decades from the youngest retirement age: most hires are bounded.
        if c.bands[0] + c.bands[1] + c.bands[2] > 0.5 { #expect(bounded > 1_500, "\(bounded) of 3,000 bounded") }
    }

    /// The bound's two halves: no drawn age is above `ageAtMost` (the upper edge of the band,
    /// exactly, so the bound is as tight as the band allows), and no cohort retires younger than
    /// the rule's `youngest` (which some cohort reaches).
    @Test(arguments: 0..<5)
    func theBoundsHalvesHold(index: Int) {
        let c = Self.boundCases[index]
        let table = WorkerAge.Table(bands: c.bands)
        let edges = Scenario.Sector.ageBandEdges
        let key = StreamKey(seed: 12)
        for i in 0..<20_000 {
            let u = i < 3 ? [0, 0.9999999999999999, 0.5][i] : key.uniform(UInt64(i))
            let age = table.age(u)
            let most = table.ageAtMost(u)
            #expect(age <= most && edges.contains(most), "u \(u): \(age) above \(most)")
            #expect(most == edges[(edges.lastIndex(where: { $0 <= age }) ?? 0) + (age == most ? 0 : 1)], "u \(u): \(age), \(most)")
        }
        let rule = RetirementAge(men: c.men, women: c.women)
        var lowest = Double.infinity
        for month in (1900 * 12)...(2100 * 12) {
            for isMale in [false, true] {
                let age = rule.age(birth: (Double(month) + 0.5) / 12, isMale: isMale)
                #expect(age >= rule.youngest)
                lowest = min(lowest, age)
            }
        }
        #expect(lowest == rule.youngest)
    }

    /// `ageAtMost` finds the band by counting the ends `u` is not below; it gives the band-by-band
    /// rule's edge (the first band with a share whose slice `u` is below, else the last one with a
    /// share), to the bit, for tables with empty bands between, before and after, a lone band, no
    /// share at all and a share too small to move an end; at every slice's end, one step either
    /// side of it, 0, just below 1, NaN, ±∞ and a spread of draws.
    @Test(arguments: [
        [0.04, 0.38, 0.38, 0.16, 0.04], [0, 0.12, 0.38, 0.35, 0.15], [0, 0, 0, 0, 1], [1, 0, 0, 0, 0], [0.3, 0, 0, 0.7, 0],
        [0, 0.5, 0, 0.5, 0], [1e-300, 1, 0, 0, 1e-300], [], [0, 0, 0, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2]
    ])
    func theOldestAgeIsTheBandByBandRule(bands: [Double]) {
        let edges = Scenario.Sector.ageBandEdges
        let total = bands.reduce(0, +)
        let last = total > 0 ? bands.lastIndex(where: { $0 > 0 }) ?? -1 : -1
        var ends: [Double] = []
        var cumulative = 0.0
        for share in bands where share > 0 {
            cumulative = cumulative + share / total
            ends.append(cumulative)
        }
        func bandByBand(_ u: Double) -> Double {
            guard last >= 0 else { return edges[0] }
            var cumulative = 0.0
            for band in 0...last where bands[band] > 0 {
                cumulative = cumulative + bands[band] / total
                if u < cumulative || band == last { return edges[band] + (edges[band + 1] - edges[band]) }
            }
            return edges[0]
        }
        let table = WorkerAge.Table(bands: bands)
        var draws: [Double] = [0, 0.9999999999999999, 0.5, .nan, .infinity, -.infinity, -1, 2]
        for end in ends { draws += [end, end.nextDown, end.nextUp] }
        let key = StreamKey(seed: 14)
        draws += (0..<2_000).map { key.uniform(UInt64($0)) }
        for u in draws {
            let got = table.ageAtMost(u)
            #expect(got.bitPattern == bandByBand(u).bitPattern, "bands \(bands), u \(u): \(got), not \(bandByBand(u))")
        }
    }

    /// The initial holders' leave days are those of the whole rule: the earlier of the churn day
    /// and the retirement day (where the holder was not drawn again), whether or not the bound
    /// decided, for young hires (mostly bounded) and old ones (never).
    @Test(arguments: [0, 2])
    func initialHoldersLeaveAsUnderTheWholeRule(index: Int) {
        let c = Self.boundCases[index]
        let retirement = HireProfile.Retirement(
            bands: c.bands, maleShare: c.maleShare, rule: RetirementAge(men: c.men, women: c.women), chainStartYear: 2022)
        let with = HireProfile(
            occasionalShare: 0, shiftHours: 8, shiftHoursSpread: 0, longShiftHours: 10, extraRiskPerLongHour: 0,
            churnPerMonth: 0.01, retirement: retirement)
        var without = with
        without.retirement = nil
        var compared = 0
        for i in 0..<4_000 {
            let person = StreamKey(seed: 13).child(UInt64(i))
            let a = with.initial(person: person, takeUp: 0, startDay: 365)
            let b = without.initial(person: person, takeUp: 0, startDay: 365)
            guard a.hireDay == b.hireDay else { continue }  // drawn again: retired before the start
            compared += 1
            let retires = retirement.day(person: person, hireDay: Int(a.hireDay))
            #expect(Int(a.leaveDay) == max(366, min(Int(b.leaveDay), retires)), "person \(i)")
        }
        // Hires aged 50–59 under ages 57/60 are often drawn again; the young ones rarely.
        #expect(compared > (index == 0 ? 3_500 : 1_000), "\(compared) compared")
    }
}
