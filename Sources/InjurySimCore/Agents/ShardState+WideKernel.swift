extension ShardState {
    /// The vectorised kernel at sixteen lanes: covered workers in groups of sixteen, held as two
    /// ``WorkerLanes`` of eight (low and high), whose day loop runs as one sixteen-lane loop
    /// (``runDays(_:_:from:to:firstDay:salts:works:)``); loading, the rare events and the month's
    /// end are the eight-lane code, run on each half. Each lane's arithmetic is that of
    /// ``stepVectorised(month:firstDay:dayCount:contexts:)``, so the bits are the same: a run of
    /// days stops when any of the sixteen lanes has an event or a clock runs out rather than any
    /// of eight, which changes where runs split but not what any lane does on any day.
    ///
    /// Inlined into every caller: the engine's AVX-512 build compiles it with 512-bit vectors;
    /// the tests also run it in the portable build, so that processors without AVX-512 still
    /// check the sixteen-lane logic.
    /// `routines` names the build whose copies of the rare events' code it calls (``LaneRoutines``).
    @inlinable @inline(__always)
    package mutating func stepVectorisedWide<Routines: LaneRoutines>(
        month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth], routines: Routines.Type = BaselineRoutines.self
    ) -> ShardMonthResult {
        var totals: [SegmentTotals] = []
        var accidents: [AccidentEvent] = []
        var events: [(lane: Int, event: AccidentEvent)] = []
        var highEvents: [(lane: Int, event: AccidentEvent)] = []
        let salts = (0..<dayCount).map { WorkStream.salt(day: firstDay + $0) }
        for segment in segments {
            let rules = SegmentRules(
                segment: segment, context: contexts[segment.platform], province: province, firstDay: firstDay, dayCount: dayCount)
            var total = SegmentTotals(platform: segment.platform)
            var orders = OrderBlocks(segmentKey: segment.key, month: month)
            workers.withUnsafeMutableBufferPointer { workers in
                salts.withUnsafeBufferPointer { salts in
                    var low = WorkerLanes()
                    var high = WorkerLanes()
                    var leaving = LeavingSlots()
                    for i in segment.range {
                        // The low half fills first, then the high half (``WorkerLanes/appendIfCovered``).
                        let covered =
                            low.count < 8 ? low.appendIfCovered(i, workers, rules: rules) : high.appendIfCovered(i, workers, rules: rules)
                        // An uncovered slot only when its holder leaves this month (rare), eight
                        // slots at a time.
                        if (covered ? 0 : 1) & (Int(workers[i].leaveDay) < rules.lastDay ? 1 : 0) != 0 {
                            leaving.add(i, workers, rules: rules, routines: routines)
                        }
                        if high.count == 8 {
                            ShardState.stepLanePair(
                                &low, &high, workers, salts, rules, &total, &orders, &events, &highEvents, &accidents, routines)
                            low.reset()
                            high.reset()
                        }
                    }
                    if high.count > 0 {
                        ShardState.stepLanePair(
                            &low, &high, workers, salts, rules, &total, &orders, &events, &highEvents, &accidents, routines)
                    } else if low.count > 0 {
                        ShardState.stepLanes(&low, workers, salts, rules, &total, &orders, &events, &accidents, routines)
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

    /// Sixteen lanes (eight low, then up to eight high, in slot order) through the month: runs
    /// of days between the events of either half. Each half keeps its own accidents, and the
    /// low half finishes first, so the accidents come in slot then day order.
    @inlinable @inline(__always)
    static func stepLanePair<Routines: LaneRoutines>(
        _ low: inout WorkerLanes, _ high: inout WorkerLanes, _ workers: UnsafeMutableBufferPointer<Worker>,
        _ salts: UnsafeBufferPointer<UInt32>, _ rules: SegmentRules, _ total: inout SegmentTotals, _ orders: inout OrderBlocks,
        _ events: inout [(lane: Int, event: AccidentEvent)], _ highEvents: inout [(lane: Int, event: AccidentEvent)],
        _ accidents: inout [AccidentEvent], _ routines: Routines.Type
    ) {
        low.load(workers, rules: rules)
        high.load(workers, rules: rules)
        if low.leavingLanes != 0 { Routines.prepareHires(&low, workers, rules: rules) }
        if high.leavingLanes != 0 { Routines.prepareHires(&high, workers, rules: rules) }
        var day = rules.firstDay
        while day < rules.lastDay {
            if day >= low.nextEventDay { Routines.handleEvents(&low, day: day, workers, rules: rules, total: &total) }
            if day >= high.nextEventDay { Routines.handleEvents(&high, day: day, workers, rules: rules, total: &total) }
            let end = min(min(rules.lastDay, low.nextEventDay), high.nextEventDay)  // not the variadic min (an array)
            var works = SIMD16<Int32>()
            let clockRanOut: Bool
            (day, clockRanOut) = runDays(&low, &high, from: day, to: end, firstDay: rules.firstDay, salts: salts, works: &works)
            if clockRanOut {
                low.handleAccidents(works.lowHalf, day: day - 1, workers, rules: rules, events: &events)
                high.handleAccidents(works.highHalf, day: day - 1, workers, rules: rules, events: &highEvents)
            }
        }
        low.finish(workers, rules: rules, total: &total, orders: &orders, events: &events, accidents: &accidents)
        high.finish(workers, rules: rules, total: &total, orders: &orders, events: &highEvents, accidents: &accidents)
    }

    /// The hot loop at sixteen lanes: ``runDays(_:from:to:firstDay:salts:works:)`` with the two
    /// halves side by side (the same operations lane by lane). The work mask is built from
    /// sign bits as at eight lanes: measured in the disassembly, mask-register compares with
    /// masked subtracts came out longer, because widening a sixteen-lane mask to the clocks'
    /// two eight-lane halves goes through the standard library's generic conversions.
    @inlinable @inline(__always)
    static func runDays(
        _ low: inout WorkerLanes, _ high: inout WorkerLanes, from start: Int, to end: Int, firstDay: Int,
        salts: UnsafeBufferPointer<UInt32>, works lastWorks: inout SIMD16<Int32>
    ) -> (day: Int, clockRanOut: Bool) {
        let keyLow = SIMD16(lowHalf: low.keyLow, highHalf: high.keyLow)
        let keyHigh = SIMD16(lowHalf: low.keyHigh, highHalf: high.keyHigh)
        let limit = SIMD16(lowHalf: low.limit, highHalf: high.limit)
        let injuredUntil = SIMD16(lowHalf: low.injuredUntil, highHalf: high.injuredUntil)
        let hazardLow = unsafeBitCast(low.hazard, to: SIMD8<Int64>.self)
        let hazardHigh = unsafeBitCast(high.hazard, to: SIMD8<Int64>.self)
        var clockLow = low.clock
        var clockHigh = high.clock
        var worked = SIMD16(lowHalf: low.worked, highHalf: high.worked)
        let zero = SIMD8<Double>()
        var day = start
        var ranOut = false
        while day < end {
            let salt = SIMD16<UInt32>(repeating: salts[day &- firstDay])
            let bits = WorkStream.mix(WorkStream.mix(keyLow ^ salt) ^ keyHigh)
            // A bit cast, not a conversion: the generic conversion of sixteen lanes splits the
            // hash into 128-bit pieces (seen in the AVX-512 build's disassembly).
            let draw = unsafeBitCast(bits &>> 1, to: SIMD16<Int32>.self)
            let today = SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: day))
            // −1 where the draw is above the limit (idle) or the day is before injuredUntil (off).
            let idle = (limit &- draw) &>> 31
            let off = (today &- injuredUntil) &>> 31
            let notWorking = idle | off
            // Worked days counted as days less the days off work (−1 a day here, the run's
            // length added at its end), and the hazards cleared where the lanes do not work (an
            // AND-NOT): fewer instructions than turning the mask into ones where they work.
            worked &+= notWorking
            let offLow = SIMD8<Int64>(truncatingIfNeeded: notWorking.lowHalf)
            let offHigh = SIMD8<Int64>(truncatingIfNeeded: notWorking.highHalf)
            clockLow -= unsafeBitCast(hazardLow & ~offLow, to: SIMD8<Double>.self)
            clockHigh -= unsafeBitCast(hazardHigh & ~offHigh, to: SIMD8<Double>.self)
            day &+= 1
            if any((clockLow .<= zero) .| (clockHigh .<= zero)) {
                lastWorks = ~notWorking
                ranOut = true
                break
            }
        }
        worked &+= SIMD16(repeating: Int32(truncatingIfNeeded: day &- start))
        low.clock = clockLow
        high.clock = clockHigh
        low.worked = worked.lowHalf
        high.worked = worked.highHalf
        return (day, ranOut)
    }
}
