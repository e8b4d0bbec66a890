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
        let key = StreamKey(seed: 8)
        for i in 0..<20_000 {
            let u = i < 4 ? [0, 0.04, 0.42, 0.9999999999][i] : key.uniform(UInt64(i))
            #expect(table.age(u).bitPattern == reference(u).bitPattern, "u \(u)")
        }
    }
}
