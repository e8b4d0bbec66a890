import Testing

@testable import InjurySimCore

/// A group's leavers of the month get their next holders worked out when the lanes are loaded
/// (`WorkerLanes.prepareHires`), and `handleEvents` takes such a hire only where it is the one
/// due: the same next person on the same day. Each case runs a group twice, with the hires
/// prepared and without, through the same events — leave days kept, a leave day brought
/// forward (as an accident that ends work does) and the next holder then leaving on the day the
/// first one would have — and every worker must end up with the same bits either way, and with
/// the holder the one-at-a-time rule (`SegmentRules.hireNext`) gives.
@Suite struct PreparedHiresTests {
    static let firstDay = 62
    static let dayCount = 31

    static func rules() -> SegmentRules {
        let month = SegmentMonth(
            coverage: 1, ordersPerHour: 2, hazardPerOrder: 0.001, fullTimeDailyProbability: 0.8, occasionalDailyProbability: 0.2,
            severityCumulative: [1], recoveryDays: [1], hire: HireLanesTests.profiles()[0], newWorkerDays: 45,
            newWorkerMultiplier: 1.5, multiPlatformShare: 0.1)
        let segment = Segment(platform: 0, sector: 0, range: 0..<8, key: StreamKey(seed: 2811), firstSlot: 40)
        return SegmentRules(segment: segment, context: month, province: 0, firstDay: firstDay, dayCount: dayCount)
    }

    /// Eight workers, lane `l` leaving on `leaveDays[l]`, generation `l`.
    static func workers(leaveDays: [Int32]) -> [Worker] {
        leaveDays.enumerated().map { lane, leaveDay in
            Worker(
                clock: 0.5, hireDay: -200, leaveDay: leaveDay, injuredUntil: .min, generation: UInt32(lane), shiftHours: 8,
                fatigue: 1, takeUp: 0, flags: Worker.insuredFlag)
        }
    }

    /// A leave day moved: lane `lane` leaves on `from` instead, and its next holder then on `then`.
    struct Move {
        var lane: Int
        var from: Int
        var then: Int
    }

    /// Runs the group through the month's events, day by day, with or without prepared hires,
    /// applying `moves` as an accident would (the worker's leave day, and the lane's next event).
    static func run(leaveDays: [Int32], moves: [Move], prepare: Bool) -> [Worker] {
        let rules = rules()
        var workers = workers(leaveDays: leaveDays)
        var total = SegmentTotals(platform: 0)
        workers.withUnsafeMutableBufferPointer { workers in
            var lanes = WorkerLanes()
            for i in 0..<8 { lanes.append(i) }
            lanes.load(workers, rules: rules)
            if prepare {
                BaselineRoutines.prepareHires(&lanes, workers, rules: rules)
            } else {
                lanes.leavingLanes = 0
            }
            for day in rules.firstDay..<rules.lastDay {
                for move in moves where move.from == day {
                    workers[move.lane].leaveDay = Int32(day)
                    lanes.nextEvent[move.lane] = Int32(day)
                    lanes.nextEventDay = min(lanes.nextEventDay, day)
                }
                if day >= lanes.nextEventDay { BaselineRoutines.handleEvents(&lanes, day: day, workers, rules: rules, total: &total) }
                for move in moves
                where move.from < day && Int(workers[move.lane].hireDay) == move.from
                    && Int(workers[move.lane].leaveDay) != move.then
                {
                    // The next holder, hired on the moved day, leaves on `then`.
                    workers[move.lane].leaveDay = Int32(move.then)
                    lanes.nextEvent[move.lane] = Int32(move.then)
                    lanes.nextEventDay = min(lanes.nextEventDay, move.then)
                }
            }
        }
        return workers
    }

    static func bits(_ w: Worker) -> [UInt64] {
        [
            w.clock.bitPattern, UInt64(UInt32(bitPattern: w.hireDay)), UInt64(UInt32(bitPattern: w.leaveDay)),
            UInt64(UInt32(bitPattern: w.injuredUntil)), UInt64(w.generation), UInt64(w.shiftHours.bitPattern),
            UInt64(w.fatigue.bitPattern), UInt64(w.takeUp), UInt64(w.flags), w.workKey
        ]
    }

    @Test(arguments: 0..<4)
    func preparedHiresGiveTheHiresOfTheDay(index: Int) {
        let cases: [(leaveDays: [Int32], moves: [Move])] = [
            // Leave days kept: before the month (hired on its first day), inside it, after it.
            ([10, 62, 63, 70, 92, 93, 200, 75], []),
            // Lane 2's leave day brought forward from 80 to 66, and its next holder leaving on 80:
            // the hire worked out for day 80 is the first holder's successor, not the second's.
            ([70, 64, 80, 93, 300, 71, 72, 90], [Move(lane: 2, from: 66, then: 80)]),
            // Brought forward, the next holder leaving on another day; and one moved to the first day.
            ([85, 64, 80, 93, 300, 71, 72, 90], [Move(lane: 0, from: 70, then: 88), Move(lane: 6, from: 62, then: 72)]),
            // Every lane a leaver, two of them moved onto each other's days.
            ([62, 65, 70, 75, 80, 85, 88, 92], [Move(lane: 4, from: 63, then: 80), Move(lane: 7, from: 66, then: 92)])
        ]
        let c = cases[index]
        let prepared = Self.run(leaveDays: c.leaveDays, moves: c.moves, prepare: true)
        let fresh = Self.run(leaveDays: c.leaveDays, moves: c.moves, prepare: false)
        for lane in 0..<8 {
            #expect(Self.bits(prepared[lane]) == Self.bits(fresh[lane]), "case \(index) lane \(lane)")
        }
        // The moved lanes went through two hires: the second holder's successor, by the rule.
        let rules = Self.rules()
        for move in c.moves {
            var expected = Self.workers(leaveDays: c.leaveDays)[move.lane]
            let slot = rules.segment.key.child(UInt64(rules.slotIndex(move.lane)))
            _ = rules.hireNext(&expected, slot: slot, day: move.from)
            var second = expected
            second.leaveDay = Int32(move.then)
            _ = rules.hireNext(&second, slot: slot, day: move.then)
            if Int(second.leaveDay) >= rules.lastDay {
                #expect(Self.bits(prepared[move.lane]) == Self.bits(second), "case \(index) lane \(move.lane)")
            }
            #expect(prepared[move.lane].generation == UInt32(move.lane) + 2, "case \(index) lane \(move.lane): two hires")
        }
    }
}
