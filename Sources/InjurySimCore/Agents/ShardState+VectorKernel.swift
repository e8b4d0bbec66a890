extension ShardState {
    /// The vectorised kernel: covered workers in groups of eight lanes (``WorkerLanes``), each
    /// group stepped through the month's days together — one 32-bit work-stream hash and the
    /// work decision, the injury check, the exposure clock and the accident test per day as
    /// eight-lane vector operations with masks instead of branches — and the rare events (hire,
    /// end of the new-worker period, accident) in a scalar pass between runs of days.
    ///
    /// Inlined into every caller, so a module compiled for a wider instruction set (the engine's
    /// AVX2 build) gets its own copy of the loop; the arithmetic is integer and IEEE
    /// add/subtract/compare in a fixed order, so every copy gives the same bits.
    ///
    /// `routines` names the build whose copies of the rare events' code the kernel calls
    /// (``LaneRoutines``): the caller's own, so that they too use its instruction set.
    @inlinable @inline(__always)
    package mutating func stepVectorised<Routines: LaneRoutines>(
        month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth], routines: Routines.Type = BaselineRoutines.self
    ) -> ShardMonthResult {
        var totals: [SegmentTotals] = []
        var accidents: [AccidentEvent] = []
        var events: [(lane: Int, event: AccidentEvent)] = []
        let salts = (0..<dayCount).map { WorkStream.salt(day: firstDay + $0) }
        for segment in segments {
            let rules = SegmentRules(
                segment: segment, context: contexts[segment.platform], province: province, firstDay: firstDay, dayCount: dayCount)
            var total = SegmentTotals(platform: segment.platform)
            var orders = OrderBlocks(segmentKey: segment.key, month: month)
            workers.withUnsafeMutableBufferPointer { workers in
                salts.withUnsafeBufferPointer { salts in
                    var lanes = WorkerLanes()
                    var leaving = LeavingSlots()
                    for i in segment.range {
                        let covered = lanes.appendIfCovered(i, workers, rules: rules)
                        // An uncovered slot only when its holder leaves this month (rare), eight
                        // slots at a time.
                        if (covered ? 0 : 1) & (Int(workers[i].leaveDay) < rules.lastDay ? 1 : 0) != 0 {
                            leaving.add(i, workers, rules: rules, routines: routines)
                        }
                        if lanes.count == 8 {
                            ShardState.stepLanes(&lanes, workers, salts, rules, &total, &orders, &events, &accidents, routines)
                            lanes.reset()
                        }
                    }
                    if lanes.count > 0 {
                        ShardState.stepLanes(&lanes, workers, salts, rules, &total, &orders, &events, &accidents, routines)
                    }
                    leaving.flush(workers, rules: rules, routines: routines)
                }
            }
            orders.close()
            total.orders = orders.orders
            totals.append(total)
        }
        return ShardMonthResult(segments: totals, accidents: accidents)
    }

    /// One group of lanes through the month: runs of days between events.
    @inlinable @inline(__always)
    static func stepLanes<Routines: LaneRoutines>(
        _ lanes: inout WorkerLanes, _ workers: UnsafeMutableBufferPointer<Worker>,
        _ salts: UnsafeBufferPointer<UInt32>, _ rules: SegmentRules, _ total: inout SegmentTotals, _ orders: inout OrderBlocks,
        _ events: inout [(lane: Int, event: AccidentEvent)], _ accidents: inout [AccidentEvent], _ routines: Routines.Type
    ) {
        lanes.load(workers, rules: rules)
        if lanes.leavingLanes != 0 { Routines.prepareHires(&lanes, workers, rules: rules) }
        var day = rules.firstDay
        while day < rules.lastDay {
            if day >= lanes.nextEventDay { Routines.handleEvents(&lanes, day: day, workers, rules: rules, total: &total) }
            let end = min(rules.lastDay, lanes.nextEventDay)
            var works = SIMD8<Int32>()
            let clockRanOut: Bool
            (day, clockRanOut) = runDays(&lanes, from: day, to: end, firstDay: rules.firstDay, salts: salts, works: &works)
            if clockRanOut { lanes.handleAccidents(works, day: day - 1, workers, rules: rules, events: &events) }
        }
        lanes.finish(workers, rules: rules, total: &total, orders: &orders, events: &events, accidents: &accidents)
    }

    /// The hot loop: days `start..<end` of eight lanes, with no event due. Returns the day after
    /// the last one stepped — early, after a day that left a clock at or below zero (its work
    /// mask in `works`; `clockRanOut` true), which may be an accident.
    ///
    /// Integer masks are sign bits of differences that cannot overflow (draws and limits are 31-bit,
    /// injury days are clamped), so the loop has no branch but the one per day, and no mask
    /// conversion; a clock loses its hazard ANDed with the widened mask (x − (+0) = x exactly).
    @inlinable @inline(__always)
    static func runDays(
        _ lanes: inout WorkerLanes, from start: Int, to end: Int, firstDay: Int, salts: UnsafeBufferPointer<UInt32>,
        works lastWorks: inout SIMD8<Int32>
    ) -> (day: Int, clockRanOut: Bool) {
        let keyLow = lanes.keyLow
        let keyHigh = lanes.keyHigh
        let limit = lanes.limit
        let injuredUntil = lanes.injuredUntil
        let hazard = unsafeBitCast(lanes.hazard, to: SIMD8<Int64>.self)
        var clock = lanes.clock
        var worked = lanes.worked
        var day = start
        var ranOut = false
        while day < end {
            let salt = SIMD8<UInt32>(repeating: salts[day &- firstDay])
            let bits = WorkStream.mix(WorkStream.mix(keyLow ^ salt) ^ keyHigh)
            let draw = SIMD8<Int32>(truncatingIfNeeded: bits &>> 1)
            let today = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: day))
            // −1 where the draw is above the limit (idle) or the day is before injuredUntil (off).
            let idle = (limit &- draw) &>> 31
            let off = (today &- injuredUntil) &>> 31
            let notWorking = idle | off
            // Worked days counted as days less the days off work: −1 a day here, and the run's
            // length added at its end (whole numbers, so the same count).
            worked &+= notWorking
            clock -= unsafeBitCast(hazard & ~SIMD8<Int64>(truncatingIfNeeded: notWorking), to: SIMD8<Double>.self)
            day &+= 1
            if any(clock .<= 0) {
                lastWorks = ~notWorking
                ranOut = true
                break
            }
        }
        lanes.clock = clock
        lanes.worked = worked &+ Int32(truncatingIfNeeded: day &- start)
        return (day, ranOut)
    }
}
