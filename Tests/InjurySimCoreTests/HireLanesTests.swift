import Testing

@testable import InjurySimCore

/// Hires and initial holders in batches of eight (`HireProfile.hire(_:at:persons:days:count:)`,
/// `HireProfile.appendInitial`, `SegmentRules.age(_:leaving:count:)`) must leave every worker
/// with the bits the one-at-a-time rules give it: every field, for every batch size, with and
/// without the retirement rule and an earlier phase's age bands.
@Suite struct HireLanesTests {
    static let retirement = HireProfile.Retirement(
        bands: [0.1, 0.3, 0.3, 0.2, 0.1], maleShare: 0.6, rule: RetirementAge(men: 63, women: 58), chainStartYear: 2022 + 2.0 / 12)

    static func profiles() -> [HireProfile] {
        let churny = HireProfile(
            occasionalShare: 0.3, shiftHours: 7, shiftHoursSpread: 2.5, longShiftHours: 9, extraRiskPerLongHour: 0.04,
            churnPerMonth: 0.08, retirement: retirement)
        var plain = churny
        plain.retirement = nil
        let noChurn = HireProfile(
            occasionalShare: 0.5, shiftHours: 8, shiftHoursSpread: 1, longShiftHours: 10, extraRiskPerLongHour: 0.02,
            churnPerMonth: 0, retirement: retirement)
        return [churny, plain, noChurn]
    }

    /// Every stored field, the clock and key as bits.
    static func fields(_ w: Worker) -> [UInt64] {
        [
            w.clock.bitPattern, UInt64(UInt32(bitPattern: w.hireDay)), UInt64(UInt32(bitPattern: w.leaveDay)),
            UInt64(UInt32(bitPattern: w.injuredUntil)), UInt64(w.generation), UInt64(w.shiftHours.bitPattern),
            UInt64(w.fatigue.bitPattern), w.workKey, UInt64(w.takeUp), UInt64(w.flags)
        ]
    }

    /// A worker whose fields a hire must overwrite (or keep: generation, take-up, key).
    static let filler = Worker(
        clock: 3.5, hireDay: -7, leaveDay: 11, injuredUntil: 40, generation: 5, shiftHours: 2, fatigue: 3, takeUp: 1234, flags: 7,
        workKey: 0xDEAD_BEEF_0BAD_F00D)

    @Test func aBatchOfHiresGivesEachWorkerTheScalarHire() {
        let root = StreamKey(seed: 2801)
        var checked = 0
        for (p, profile) in Self.profiles().enumerated() {
            for round in 0..<300 {
                let count = 1 + round % 8
                var persons = SIMD8<UInt64>()
                var days = SIMD8<Int>()
                var index = SIMD8<Int32>()
                var expected = [Worker](repeating: Self.filler, count: 12)
                for lane in 0..<count {
                    let person = root.child(UInt64(p)).child(UInt64(round)).child(UInt64(lane))
                    persons[lane] = person.rawValue
                    days[lane] = Int(person.bits(99) % 20_000) - 2_000
                    index[lane] = Int32(11 - lane)  // not in lane order
                    profile.hire(&expected[11 - lane], person: person, day: days[lane])
                }
                var actual = [Worker](repeating: Self.filler, count: 12)
                actual.withUnsafeMutableBufferPointer { profile.hire($0, at: index, persons: persons, days: days, count: count) }
                for i in 0..<12 {
                    #expect(Self.fields(actual[i]) == Self.fields(expected[i]), "profile \(p) round \(round) worker \(i)")
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * 300 * 12)
    }

    @Test func aBatchOfInitialHoldersGivesEachTheScalarHolder() {
        let root = StreamKey(seed: 2802)
        let young: HireProfile.People = (bands: [1, 0, 0, 0, 0], maleShare: 0.5)
        let earlierPhases: [((Int) -> HireProfile.People?)?] = [nil, { $0 < 200 ? young : nil }]
        for (p, profile) in Self.profiles().enumerated() {
            for (e, hiredEarlier) in earlierPhases.enumerated() {
                for round in 0..<200 {
                    let count = 1 + round % 8
                    let startDay = [0, 365, 1_000][round % 3]
                    var persons = SIMD8<UInt64>()
                    var takeUps = SIMD8<UInt16>()
                    var expected: [Worker] = [Self.filler]
                    for lane in 0..<count {
                        let person = root.child(UInt64(p)).child(UInt64(e)).child(UInt64(round)).child(UInt64(lane))
                        persons[lane] = person.rawValue
                        takeUps[lane] = UInt16(truncatingIfNeeded: person.bits(7))
                        expected.append(
                            profile.initial(person: person, takeUp: takeUps[lane], startDay: startDay, hiredEarlier: hiredEarlier))
                    }
                    var actual: [Worker] = [Self.filler]
                    profile.appendInitial(
                        persons: persons, takeUps: takeUps, count: count, startDay: startDay, hiredEarlier: hiredEarlier, to: &actual)
                    #expect(actual.map(Self.fields) == expected.map(Self.fields), "profile \(p) phases \(e) round \(round)")
                }
            }
        }
    }

    /// A shard's initial population, eight slots at a time in vector lanes: slot `s` of a
    /// segment holds the person `segment.key.child(s).child(0)` with the take-up position
    /// ``StreamKey/uniform(_:)`` gives the slot and the work key of that person, each holder as
    /// ``HireProfile/initial(person:takeUp:startDay:hiredEarlier:)`` makes it alone — in segments
    /// that start mid-pair and whose sizes are not multiples of eight.
    @Test(arguments: [0, 730])
    func aShardsInitialPopulationHoldsEachSlotsOwnPerson(startDay: Int) {
        let profile = Self.profiles()[0]
        let root = StreamKey(seed: 2809)
        let segments = [
            Segment(platform: 0, sector: 0, range: 0..<13, key: root.child(0), firstSlot: 5),
            Segment(platform: 1, sector: 0, range: 13..<30, key: root.child(1), firstSlot: 0)
        ]
        let state = ShardState(province: 0, key: root, segments: segments, startDay: startDay, hire: { _ in profile })
        var expected: [Worker] = []
        for segment in segments {
            for i in segment.range {
                let slot = segment.key.child(UInt64(segment.firstSlot + i - segment.range.lowerBound))
                let person = slot.child(0)
                var w = profile.initial(person: person, takeUp: UInt16(min(65535, slot.uniform(0xFFFF_FFFF) * 65536)), startDay: startDay)
                w.workKey = WorkStream.key(person: person)
                expected.append(w)
            }
        }
        #expect(state.workers.map(Self.fields) == expected.map(Self.fields))
    }

    /// Uncovered slots aged eight at a time: each slot as if aged alone, later hires of the same
    /// month included (a high churn and a long month make several per slot).
    @Test func agingABatchOfSlotsGivesEachSlotItsOwnTurnover() {
        let profile = HireProfile(
            occasionalShare: 0.3, shiftHours: 7, shiftHoursSpread: 2.5, longShiftHours: 9, extraRiskPerLongHour: 0.04,
            churnPerMonth: 0.9, retirement: Self.retirement)
        let segment = Segment(platform: 0, sector: 0, range: 3..<23, key: StreamKey(seed: 2803), firstSlot: 40)
        let month = SegmentMonth(
            coverage: 0, ordersPerHour: 2, hazardPerOrder: 0.001, fullTimeDailyProbability: 0.8, occasionalDailyProbability: 0.2,
            severityCumulative: [1], recoveryDays: [1], hire: profile, newWorkerDays: 0, newWorkerMultiplier: 1, multiPlatformShare: 0)
        let rules = SegmentRules(segment: segment, context: month, province: 0, firstDay: 300, dayCount: 90)
        var start: [Worker] = []
        for i in 0..<23 {
            var w = profile.initial(person: StreamKey(seed: 2804).child(UInt64(i)), takeUp: 9)
            w.leaveDay = Int32(i < 3 ? 500 : 290 + 7 * (i - 3))  // before, during and after the month
            start.append(w)
        }
        var expected = start
        for i in 3..<23 { rules.age(&expected[i], index: i) }
        var several = 0
        for i in 3..<23 where expected[i].generation > start[i].generation + 1 { several += 1 }
        #expect(several > 0, "some slots hire more than once in the month")
        for count in 1...8 {
            var actual = start
            actual.withUnsafeMutableBufferPointer { workers in
                var leaving = LeavingSlots()
                for i in 3..<23 where Int(workers[i].leaveDay) < rules.lastDay {
                    leaving.add(i, workers, rules: rules)
                    if leaving.count == count { leaving.flush(workers, rules: rules) }
                }
                leaving.flush(workers, rules: rules)
            }
            #expect(actual.map(Self.fields) == expected.map(Self.fields), "batches of \(count)")
        }
    }
}
