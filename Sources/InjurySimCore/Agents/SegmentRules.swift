import Foundation

/// One segment's month as both shard kernels use it: the context's figures turned into what a
/// worker-day needs, and the rare-event rules they share (a slot's turnover, a hire, an accident),
/// so the scalar reference and the vectorised kernel cannot drift apart. Pure.
@usableFromInline package struct SegmentRules: Sendable {
    @usableFromInline package let segment: Segment
    @usableFromInline package let context: SegmentMonth
    @usableFromInline package let province: Int
    @usableFromInline package let firstDay: Int
    @usableFromInline package let lastDay: Int
    /// Work decisions: the 31-bit limits of full-time and occasional workers (``WorkStream``).
    @usableFromInline package let fullTimeLimit: Int32
    @usableFromInline package let occasionalLimit: Int32
    /// Covered when the take-up position is below this (coverage × workforce share × 65,536).
    @usableFromInline package let coverageThreshold: Double
    /// ``coverageThreshold`` as a whole number for the 16-bit take-up positions: a position is
    /// below the threshold exactly when it is below this (``coverageLimit(_:)``), so that the
    /// kernels' scan of every slot compares integers.
    @usableFromInline package let coverageLimit: Int
    /// A person also works for another platform when 63 bits of its draw are below this
    /// (p × 2⁶³), decided once, when first insured.
    @usableFromInline package let sharedThreshold: UInt64

    @usableFromInline package init(segment: Segment, context: SegmentMonth, province: Int, firstDay: Int, dayCount: Int) {
        self.segment = segment
        self.context = context
        self.province = province
        self.firstDay = firstDay
        self.lastDay = firstDay + dayCount
        self.fullTimeLimit = WorkStream.limit(context.fullTimeDailyProbability)
        self.occasionalLimit = WorkStream.limit(context.occasionalDailyProbability)
        self.coverageThreshold = context.coverage * context.workforceShare * 65536
        self.coverageLimit = SegmentRules.coverageLimit(coverageThreshold)
        self.sharedThreshold = UInt64((min(max(context.multiPlatformShare, 0), 1) * 0x1.0p63).rounded())
    }

    /// The slot's index within its (province, platform) pair, for the shard's buffer index `i`.
    @inlinable
    package func slotIndex(_ i: Int) -> Int { segment.firstSlot + i - segment.range.lowerBound }

    @inlinable
    package func isCovered(_ worker: Worker) -> Bool { Int(worker.takeUp) < coverageLimit }

    /// The whole number `n` in 0...65,536 with `Double(p) < threshold` exactly when `p < n`, for
    /// every take-up position `p` in 0...65,535: the threshold rounded up and clamped (0 for a
    /// threshold that is not above 0, NaN included, which no position is below).
    package static func coverageLimit(_ threshold: Double) -> Int {
        guard threshold > 0 else { return 0 }
        guard threshold < 65536 else { return 65536 }
        return PortableMath.ceiledInt(threshold)
    }

    @inlinable
    package func limit(_ worker: Worker) -> Int32 { worker.isOccasional ? occasionalLimit : fullTimeLimit }

    /// Expected orders of one worked day.
    @inlinable
    package func dailyOrders(_ worker: Worker) -> Double { context.ordersPerHour * Double(worker.shiftHours) }

    /// Expected accidents of one worked day on `day`, and the first later day on which that
    /// changes (the end of the new-worker period; `Int.max` when it does not change).
    @inlinable
    package func hazard(_ worker: Worker, dailyOrders: Double, day: Int) -> (hazard: Double, changesOn: Int) {
        let daily = dailyOrders * context.hazardPerOrder * Double(worker.fatigue)
        let newUntil = Int(worker.hireDay) + context.newWorkerDays
        guard day < newUntil else { return (daily, Int.max) }
        var hazard = daily
        hazard *= context.newWorkerMultiplier
        return (hazard, newUntil)
    }

    /// Fills the slot with its next person on `day`; returns that person's stream.
    @inlinable
    package func hireNext(_ worker: inout Worker, slot: StreamKey, day: Int) -> StreamKey {
        worker.generation &+= 1
        let person = slot.child(UInt64(worker.generation))
        context.hire.hire(&worker, person: person, day: day)
        worker.workKey = WorkStream.key(person: person)
        return person
    }

    /// An uncovered slot this month: only the turnover of its holders, on the days they leave
    /// (no hashing unless someone leaves).
    @inlinable
    package func age(_ worker: inout Worker, index i: Int) {
        guard Int(worker.leaveDay) < lastDay else { return }
        let slot = segment.key.child(UInt64(slotIndex(i)))
        while Int(worker.leaveDay) < lastDay {
            _ = hireNext(&worker, slot: slot, day: max(firstDay, Int(worker.leaveDay)))
        }
    }

    /// ``age(_:index:)`` of up to eight uncovered slots whose holders leave this month (lanes
    /// below `count` of `index`): the first hire of each in vector lanes
    /// (``HireProfile/hire(_:at:persons:days:count:)``), any later ones of the month one by one.
    @inlinable @inline(__always)
    package func age(_ workers: UnsafeMutableBufferPointer<Worker>, leaving index: SIMD8<Int32>, count: Int) {
        var index = index
        // The next persons' streams and work keys in vector lanes (``StreamKey/child(lanes:_:)``,
        // the scalar bits; lanes past `count` are worked out and not used).
        var generations = SIMD8<UInt64>()
        var slots = SIMD8<UInt64>()
        var days = SIMD8<Int>()
        for lane in 0..<count {
            let i = Int(index[lane: lane])
            workers[i].generation &+= 1
            generations[lane: lane] = UInt64(workers[i].generation)
            slots[lane: lane] = UInt64(truncatingIfNeeded: slotIndex(i))
            days[lane: lane] = max(firstDay, Int(workers[i].leaveDay))
        }
        let persons = StreamKey.child(lanes: StreamKey.child(lanes: SIMD8(repeating: segment.key.rawValue), slots), generations)
        var workKeys = WorkStream.key(persons: persons)
        context.hire.hire(workers, at: index, persons: persons, days: days, count: count)
        for lane in 0..<count {
            let i = Int(index[lane: lane])
            workers[i].workKey = workKeys[lane: lane]
            age(&workers[i], index: i)
        }
    }

    /// The accident of a worked day whose exposure clock ran out: severity, days off or the end
    /// of work, a new clock on top of the leftover. Returns the event to report.
    @usableFromInline package func accident(_ worker: inout Worker, person: StreamKey, day: Int) -> AccidentEvent {
        let u = person.uniform(DrawPurpose.severity.counter(day: day))
        let severity = Severity(rawValue: Sample.categorical(cumulative: context.severityCumulative, uniform: u)) ?? .medicalOnly
        var daysOff: Int32 = 0
        if severity.group.endsWork {
            worker.leaveDay = Int32(day + 1)
        } else {
            let mean = context.recoveryDays[severity.group.rawValue]
            let drawn = (-PortableMath.log(person.uniform(DrawPurpose.recovery.counter(day: day))) * mean).rounded(.up)
            daysOff = Int32(min(drawn, 3650))
            worker.injuredUntil = Int32(day + 1) + daysOff
        }
        // The day's leftover exposure (−clock) carries into the new clock, so accidents are
        // exactly a Poisson process in exposure, even at a high hazard.
        worker.clock += -PortableMath.log(person.uniform(DrawPurpose.accidentClock.counter(day: day)))
        return AccidentEvent(
            person: person, day: Int32(day), province: Int32(province), platform: Int32(segment.platform),
            severity: severity, daysOff: daysOff, hireDay: worker.hireDay)
    }

    /// Ends a person's stretch of `worked` days in this month: the orders they add to the
    /// worker's monthly mean, and the first covered working day marks the person insured.
    @inlinable
    package func closeStretch(
        _ worker: inout Worker, worked: Int, dailyOrders: Double, orders: inout Double, person: StreamKey, totals: inout SegmentTotals
    ) {
        orders += Double(worked) * dailyOrders
        markInsured(&worker, worked: worked, person: person, totals: &totals)
    }

    /// The first covered working day marks the person insured (counted once per person), and
    /// decides from the person's stream whether they also work for another platform.
    @inlinable
    package func markInsured(_ worker: inout Worker, worked: Int, person: @autoclosure () -> StreamKey, totals: inout SegmentTotals) {
        guard worked > 0 && worker.flags & Worker.insuredFlag == 0 else { return }
        worker.flags |= Worker.insuredFlag
        totals.newlyInsured += 1
        if sharedThreshold > 0 && person().bits(DrawPurpose.multiPlatform.counter(day: 0)) >> 1 < sharedThreshold {
            worker.flags |= Worker.sharedFlag
            totals.newlyInsuredShared += 1
        }
    }

    /// A covered worker's month ends: active when it worked at least one day (the slot's last
    /// person decides whether it is a shared one).
    @inlinable
    package func countActive(_ worker: Worker, workedDays: Int, totals: inout SegmentTotals) {
        totals.workedDays += Int64(workedDays)
        guard workedDays > 0 else { return }
        totals.activeWorkers += 1
        if worker.flags & Worker.sharedFlag != 0 { totals.activeShared += 1 }
    }
}
