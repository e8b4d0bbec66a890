/// Eight covered workers of one segment, transposed into lanes for a month: the fields a
/// worker-day reads and writes in vectors (structure of arrays, in registers), the rest in the
/// shard's ``Worker`` values, which the rare events (a hire, the end of a new-worker period, an
/// accident) update one lane at a time. Lanes past `count` are padding that never works.
@usableFromInline package struct WorkerLanes {
    // Read and written every day.
    @usableFromInline package var keyLow = SIMD8<UInt32>()
    @usableFromInline package var keyHigh = SIMD8<UInt32>()
    @usableFromInline package var limit = SIMD8<Int32>(repeating: -1)
    /// The workers' `injuredUntil`, raised to at least the day before the month (so that
    /// day − injuredUntil cannot overflow); the workers keep the true value.
    @usableFromInline package var injuredUntil = SIMD8<Int32>(repeating: .max)
    @usableFromInline package var clock = SIMD8<Double>(repeating: 1)
    @usableFromInline package var hazard = SIMD8<Double>()
    @usableFromInline package var worked = SIMD8<Int32>()
    // Read and written at events.
    @usableFromInline package var index = SIMD8<Int32>(repeating: -1)
    @usableFromInline package var count = 0
    @usableFromInline package var nextEvent = SIMD8<Int32>(repeating: .max)
    @usableFromInline package var stretchStart = SIMD8<Int32>()
    @usableFromInline package var dailyOrders = SIMD8<Double>()
    @usableFromInline package var workerOrders = SIMD8<Double>()
    /// The earliest event day of any lane.
    @usableFromInline package var nextEventDay = Int.max
    /// The lanes whose holder leaves this month (bits, from ``load(_:rules:)``), and, once
    /// ``prepareHires(_:rules:)`` has run, each one's next holder as the hire on the leave day
    /// gives them (``SegmentRules/hireNext(_:slot:day:)``): worked out when the month's lanes are
    /// loaded, so that the hire's long chain of dependent arithmetic (its logarithms, its
    /// divisions) runs alongside the days before it instead of stalling the day loop at the
    /// leave day. An accident that moves the leave day leaves it unused (``handleEvents``).
    @usableFromInline package var leavingLanes = 0
    @usableFromInline package var prepared = InlineArray<8, Worker>(
        repeating: Worker(clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: 0, generation: 0, shiftHours: 0, fatigue: 0, takeUp: 0, flags: 0))

    @usableFromInline package init() {}

    /// Empties the lanes for the next group, in place: what ``load(_:rules:)`` does not set for
    /// every lane goes back to its initial value (a copy of a fresh value would move all of it).
    @inlinable @inline(__always)
    package mutating func reset() {
        count = 0
        injuredUntil = SIMD8(repeating: .max)
        clock = SIMD8(repeating: 1)
        worked = SIMD8()
        nextEvent = SIMD8(repeating: .max)
        stretchStart = SIMD8()
        workerOrders = SIMD8()
        leavingLanes = 0
    }

    /// Adds the worker at shard index `i` as the next lane.
    @inlinable
    package mutating func append(_ i: Int) {
        index[lane: count] = Int32(truncatingIfNeeded: i)
        count += 1
    }

    /// Scans a segment's slots `i` one by one: a covered slot becomes the next lane, without a
    /// branch on whether it is covered (a coin toss slot by slot where only a share is): every
    /// slot's index is written to the next lane, and the count moves past it only when covered.
    /// Returns whether the slot was covered. Call only while `count` is below eight.
    @inlinable @inline(__always)
    package mutating func appendIfCovered(_ i: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) -> Bool {
        let covered = rules.isCovered(workers[i])
        index[lane: count] = Int32(truncatingIfNeeded: i)
        count &+= covered ? 1 : 0
        return covered
    }

    /// Loads every lane's worker at the month's first day: the month's figures of each lane,
    /// as ``SegmentRules`` computes them for one worker (the same IEEE operations in the same
    /// order, lane by lane in vectors). The fields are gathered lane by lane, the arithmetic is
    /// done once for all eight: the new-worker period in 32-bit lanes where the month allows it
    /// (``newWorkerLanes(hireDays:leaveDays:rules:)``), else lane by lane in whole `Int`s.
    @inlinable @inline(__always)
    package mutating func load(_ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        let context = rules.context
        // The 32-bit lanes hold every figure of the period when it is 0...2³⁰ days and the month
        // starts within 2⁴⁰ days of day 0 (every scenario: the decoder allows 0...3,650 days).
        guard (0...(1 << 30)).contains(context.newWorkerDays) && abs(rules.firstDay) <= 1 << 40 else {
            loadLaneByLane(workers, rules: rules)
            return
        }
        let (shiftHours, fatigue, hireDays, leaveDays) = gather(workers, rules: rules)
        let (factor, next) = newWorkerLanes(hireDays: hireDays, leaveDays: leaveDays, rules: rules)
        nextEvent = next
        setHazards(shiftHours: shiftHours, fatigue: fatigue, factor: factor, rules: rules)
    }

    /// Reads every lane's worker into the lanes: keys, work limit, time off and clock, and returns
    /// the shift hours, fatigue, hire and leave days that the new-worker period needs. The limit
    /// and time off are scalar selects lane by lane: written as vector selects, the AVX-512 build
    /// turned them into a branch per lane or mask shuffles lane by lane (whether a worker is
    /// occasional is close to a coin toss). Padding lanes keep the maximal injuredUntil that
    /// ``reset()`` gives them, so they never work.
    @inlinable @inline(__always)
    mutating func gather(
        _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules
    ) -> (shiftHours: SIMD8<Float>, fatigue: SIMD8<Float>, hireDays: SIMD8<Int32>, leaveDays: SIMD8<Int32>) {
        var shiftHours = SIMD8<Float>()
        var fatigue = SIMD8<Float>()
        var hireDays = SIMD8<Int32>(repeating: .min)
        var leaveDays = SIMD8<Int32>(repeating: .max)
        // Raised to at least the day before the month (so that day − injuredUntil cannot overflow).
        let dayBefore = Int32(clamping: rules.firstDay - 1)
        var leaving = 0
        for lane in 0..<count {
            let i = Int(index[lane: lane])
            let w = workers[i]
            keyLow[lane: lane] = w.workKeyLow
            keyHigh[lane: lane] = w.workKeyHigh
            limit[lane: lane] = rules.limit(w)
            shiftHours[lane: lane] = w.shiftHours
            fatigue[lane: lane] = w.fatigue
            hireDays[lane: lane] = w.hireDay
            leaveDays[lane: lane] = w.leaveDay
            injuredUntil[lane: lane] = max(dayBefore, w.injuredUntil)
            clock[lane: lane] = w.clock
            leaving |= (Int(w.leaveDay) < rules.lastDay ? 1 : 0) &<< lane
        }
        leavingLanes = leaving
        return (shiftHours, fatigue, hireDays, leaveDays)
    }

    /// The lanes' daily orders and hazards from their shifts, fatigue and new-worker factors, and
    /// the earliest event day (once ``nextEvent`` is set). Padding lanes: no shift, so no orders
    /// and no hazard (0 × finite = 0).
    @inlinable @inline(__always)
    mutating func setHazards(shiftHours: SIMD8<Float>, fatigue: SIMD8<Float>, factor: SIMD8<Double>, rules: SegmentRules) {
        let orders = rules.context.ordersPerHour * SIMD8<Double>(shiftHours)
        dailyOrders = orders
        hazard = orders * rules.context.hazardPerOrder * SIMD8<Double>(fatigue) * factor
        nextEventDay = Int(WorkerLanes.earliest(nextEvent))
    }

    /// The new-worker multiplier where the period has not ended at the month's first day, else
    /// 1 (x × 1 = x exactly), and the next event day (the leave day, or the period's end if
    /// earlier), for the lanes below `count` (padding lanes: 1 and no event), in 32-bit lanes:
    /// ``SegmentRules/hazard(_:dailyOrders:day:)`` and the leave day, exactly, for a period of
    /// 0...2³⁰ days and a first day within 2⁴⁰ of day 0. A worker is still new when the first
    /// day is before hire day + period, that is hire day ≥ first day − period + 1 (a bound
    /// clamped to 32 bits: below them every worker is new, above them none); the period's end
    /// overflows 32 bits only where it is past every leave day.
    @inlinable @inline(__always)
    func newWorkerLanes(hireDays: SIMD8<Int32>, leaveDays: SIMD8<Int32>, rules: SegmentRules) -> (factor: SIMD8<Double>, next: SIMD8<Int32>) {
        let days = rules.context.newWorkerDays
        let bound = rules.firstDay - days + 1
        // Splats bound to names: a splat written inside a compare picks a lane-by-lane overload.
        let newFrom = SIMD8<Int32>(repeating: Int32(clamping: bound))
        let noneNew = SIMD8<Int32>(repeating: bound > Int(Int32.max) ? 0 : -1)
        let used = (SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &- Int32(truncatingIfNeeded: count)) &>> 31
        let stillNew = ~unsafeBitCast(hireDays .< newFrom, to: SIMD8<Int32>.self) & noneNew & used
        let period = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: days))
        let ends = hireDays &+ period
        let overflows = unsafeBitCast(ends .< hireDays, to: SIMD8<Int32>.self)
        let endsFirst = unsafeBitCast(ends .< leaveDays, to: SIMD8<Int32>.self)
        let takeEnd = stillNew & ~overflows & endsFirst
        let new = unsafeBitCast(SIMD8<Int64>(truncatingIfNeeded: stillNew), to: SIMD8<UInt64>.self)
        let multiplier = SIMD8<UInt64>(repeating: rules.context.newWorkerMultiplier.bitPattern)
        let one = SIMD8<UInt64>(repeating: (1.0).bitPattern)
        return (unsafeBitCast((multiplier & new) | (one & ~new), to: SIMD8<Double>.self), (ends & takeEnd) | (leaveDays & ~takeEnd))
    }

    /// ``load(_:rules:)`` with the new-worker period worked out lane by lane in whole `Int`s,
    /// for any period and first day.
    @usableFromInline package mutating func loadLaneByLane(_ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        let context = rules.context
        let firstDay = rules.firstDay
        var (shiftHours, fatigue, hireDays, leaveDays) = gather(workers, rules: rules)
        var factor = SIMD8<Double>(repeating: 1)
        let multiplier = context.newWorkerMultiplier.bitPattern
        let one = (1.0).bitPattern
        for lane in 0..<count {
            let newUntil = Int(hireDays[lane: lane]) &+ context.newWorkerDays
            let stillNew = (firstDay &- newUntil) &>> 63  // −1 where firstDay < newUntil, else 0
            let new = UInt64(bitPattern: Int64(stillNew))
            factor[lane: lane] = Double(bitPattern: (multiplier & new) | (one & ~new))
            nextEvent[lane: lane] = Int32(clamping: min(Int(leaveDays[lane: lane]), (newUntil & stillNew) | (Int.max & ~stillNew)))
        }
        setHazards(shiftHours: shiftHours, fatigue: fatigue, factor: factor, rules: rules)
    }

    /// The least of eight lanes, by halves (the standard library's `min()` is a call, and so is
    /// its `pointwiseMin` in the baseline build, which has no 32-bit vector minimum).
    @inlinable @inline(__always)
    static func earliest(_ v: SIMD8<Int32>) -> Int32 {
        let four = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .< v.lowHalf)
        let two = four.lowHalf.replacing(with: four.highHalf, where: four.highHalf .< four.lowHalf)
        return Swift.min(two[0], two[1])
    }

    /// A lane's person-level fields (after a hire, or at the month's start).
    @inlinable @inline(__always)
    mutating func loadPerson(_ lane: Int, _ worker: Worker, rules: SegmentRules, day: Int) {
        keyLow[lane: lane] = worker.workKeyLow
        keyHigh[lane: lane] = worker.workKeyHigh
        limit[lane: lane] = rules.limit(worker)
        dailyOrders[lane: lane] = rules.dailyOrders(worker)
        loadHazard(lane, worker, rules: rules, day: day)
        stretchStart[lane: lane] = worked[lane: lane]
    }

    @inlinable @inline(__always)
    mutating func loadInjury(_ lane: Int, _ worker: Worker, rules: SegmentRules) {
        injuredUntil[lane: lane] = max(worker.injuredUntil, Int32(clamping: rules.firstDay - 1))
    }

    /// A lane's hazard from `day` on, and its next event day.
    @inlinable @inline(__always)
    mutating func loadHazard(_ lane: Int, _ worker: Worker, rules: SegmentRules, day: Int) {
        let (hazard, changesOn) = rules.hazard(worker, dailyOrders: dailyOrders[lane: lane], day: day)
        self.hazard[lane: lane] = hazard
        nextEvent[lane: lane] = Int32(clamping: min(Int(worker.leaveDay), changesOn))
    }

    /// The events due at the start of `day`: hires on leave days, the end of a new-worker period.
    /// Inlined into each build's copy of ``LaneRoutines/handleEvents(_:day:_:rules:total:)``.
    @inlinable @inline(__always)
    package mutating func handleEvents(
        day: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules,
        total: inout SegmentTotals
    ) {
        // The lanes with an event due, as bits found without a branch per lane (which lanes
        // have one is hard to predict); an event changes only its own lane's fields.
        var due = 0
        for lane in 0..<8 { due |= (Int(nextEvent[lane: lane]) <= day ? 1 : 0) &<< lane }
        due &= (1 &<< count) &- 1
        while due != 0 {
            let lane = due.trailingZeroBitCount
            due &= due &- 1
            let i = Int(index[lane: lane])
            var w = workers[i]
            if day >= Int(w.leaveDay) {
                w.clock = clock[lane: lane]
                let slot = rules.segment.key.child(UInt64(rules.slotIndex(i)))
                rules.closeStretch(
                    &w, worked: Int(worked[lane: lane] &- stretchStart[lane: lane]), dailyOrders: dailyOrders[lane: lane],
                    orders: &workerOrders[lane: lane], person: slot.child(UInt64(w.generation)), totals: &total)
                // The hire worked out at the month's start where it is this one: the lane's first
                // hire of the month (the same next person), on the day it was worked out for (a hire
                // sets every field but the slot's take-up position, which it keeps, so it does not
                // depend on what the month did to the leaver). Any hire ends the lane's prepared one.
                if leavingLanes & (1 &<< lane) != 0 && Int(prepared[lane].hireDay) == day {
                    w = prepared[lane]
                } else {
                    _ = rules.hireNext(&w, slot: slot, day: day)
                }
                leavingLanes &= ~(1 &<< lane)
                loadPerson(lane, w, rules: rules, day: day)
                loadInjury(lane, w, rules: rules)
                clock[lane: lane] = w.clock
                workers[i] = w
            } else {
                loadHazard(lane, w, rules: rules, day: day)
            }
        }
        nextEventDay = Int(WorkerLanes.earliest(nextEvent))
    }

    /// Works out the next holder of every lane whose holder leaves this month (``leavingLanes``),
    /// hired on the leave day (the month's first day for a leave day before it), as
    /// ``handleEvents(day:_:rules:total:)`` would hire them. Inlined into each build's copy of
    /// ``LaneRoutines/prepareHires(_:_:rules:)``.
    @inlinable @inline(__always)
    package mutating func prepareHires(_ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        var leaving = leavingLanes
        while leaving != 0 {
            let lane = leaving.trailingZeroBitCount
            leaving &= leaving &- 1
            let i = Int(index[lane: lane])
            var next = workers[i]
            _ = rules.hireNext(
                &next, slot: rules.segment.key.child(UInt64(rules.slotIndex(i))), day: max(rules.firstDay, Int(next.leaveDay)))
            prepared[lane] = next
        }
    }

    /// The accidents of `day`: lanes that worked (`works` all ones) and whose clock ran out,
    /// appended as (lane, event).
    @usableFromInline package mutating func handleAccidents(
        _ works: SIMD8<Int32>, day: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules,
        events: inout [(lane: Int, event: AccidentEvent)]
    ) {
        var works = works
        for lane in 0..<count where works[lane: lane] != 0 && clock[lane: lane] <= 0 {
            let i = Int(index[lane: lane])
            var w = workers[i]
            w.clock = clock[lane: lane]
            let person = rules.segment.key.child(UInt64(rules.slotIndex(i))).child(UInt64(w.generation))
            events.append((lane, rules.accident(&w, person: person, day: day)))
            clock[lane: lane] = w.clock
            loadInjury(lane, w, rules: rules)
            nextEvent[lane: lane] = min(nextEvent[lane: lane], w.leaveDay)
            workers[i] = w
        }
        nextEventDay = Int(WorkerLanes.earliest(nextEvent))
    }

    /// Ends the month: each lane's last stretch, totals, expected orders in slot order, the
    /// clocks back into the workers, the accidents in slot then day order. What
    /// ``SegmentRules/countActive(_:workedDays:totals:)`` adds up is counted in vectors (whole
    /// numbers: the order does not matter); a person's first worked stretch marks them insured
    /// (``SegmentRules/markInsured(_:worked:person:totals:)``), lane by lane.
    @inlinable @inline(__always)
    package mutating func finish(
        _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules, total: inout SegmentTotals, orders: inout OrderBlocks,
        events: inout [(lane: Int, event: AccidentEvent)], accidents: inout [AccidentEvent]
    ) {
        // Each lane's last stretch and the month's expected orders (the same IEEE operations as
        // SegmentRules.closeStretch, lane by lane).
        var stretch = worked &- stretchStart
        let expected = workerOrders + SIMD8<Double>(stretch) * dailyOrders
        var flags = SIMD8<Int32>()
        for lane in 0..<count {
            let i = Int(index[lane: lane])
            workers[i].clock = clock[lane: lane]
            let worked = Int(stretch[lane: lane])
            if worked > 0 && workers[i].flags & Worker.insuredFlag == 0 {
                rules.markInsured(
                    &workers[i], worked: worked,
                    person: rules.segment.key.child(UInt64(rules.slotIndex(i))).child(UInt64(workers[i].generation)), totals: &total)
            }
            flags[lane: lane] = Int32(workers[i].flags)
        }
        orders.add(lanes: expected, index: index, count: count, slotOffset: rules.slotIndex(0))
        // Worked days, and the lanes that worked at least one (−1 each; padding lanes never work).
        let active = (0 &- worked) &>> 31
        let shared = 0 &- ((flags & Int32(Worker.sharedFlag)) &>> 2)
        total.workedDays += Int64(WorkerLanes.sum(worked))
        total.activeWorkers -= Int64(WorkerLanes.sum(active))
        total.activeShared -= Int64(WorkerLanes.sum(active & shared))
        total.coveredWorkerDays += Int64(count * (rules.lastDay - rules.firstDay))
        if !events.isEmpty {
            // One accident per lane and day at most: (lane, day) orders them as the scalar kernel does.
            events.sort { ($0.lane, $0.event.day) < ($1.lane, $1.event.day) }
            accidents.append(contentsOf: events.lazy.map(\.event))
            events.removeAll(keepingCapacity: true)
        }
    }

    /// The sum of eight lanes, by halves (no lane sum here exceeds 8 × 31 in magnitude).
    @inlinable @inline(__always)
    static func sum(_ v: SIMD8<Int32>) -> Int32 {
        let four = v.lowHalf &+ v.highHalf
        let two = four.lowHalf &+ four.highHalf
        return two[0] &+ two[1]
    }
}

extension SIMD {
    /// Lane `i` read or written in memory: one scalar load or store (a variable index into a
    /// vector register would make the compiler shuffle whole vectors). The getter is `mutating`
    /// so that it reads the vector where it lies instead of copying all of it first.
    @inlinable
    package subscript(lane i: Int) -> Scalar {
        @inline(__always) mutating get {
            withUnsafeBytes(of: &self) { $0.load(fromByteOffset: i &* MemoryLayout<Scalar>.stride, as: Scalar.self) }
        }
        @inline(__always) set {
            withUnsafeMutableBytes(of: &self) { $0.storeBytes(of: newValue, toByteOffset: i &* MemoryLayout<Scalar>.stride, as: Scalar.self) }
        }
    }
}
