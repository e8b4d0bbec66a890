import Foundation

/// The worker agents of one shard (a province or a slice of one) and the rule that steps them
/// through a month. Pure: the shard actor owns one and calls ``step(month:firstDay:dayCount:context:)``.
package struct ShardState: Sendable {
    package let province: Int
    package let key: StreamKey
    package private(set) var segments: [Segment]
    package private(set) var workers: [Worker]

    /// Slots per order block: a month's orders are drawn per block of this many consecutive slots
    /// of one (region, platform), keyed by the block, so the draws do not depend on how the slots
    /// are cut into shards (``PopulationPlan`` cuts only between blocks).
    package static let orderBlockSize = 256

    /// The threshold below which 63 random bits mean "works today": p × 2⁶³, so p = 1 always works.
    @inlinable
    static func threshold(_ probability: Double) -> UInt64 {
        UInt64((min(max(probability, 0), 1) * 0x1.0p63).rounded())
    }

    /// One order block's orders in a month: a Poisson draw with the block's summed daily means,
    /// from the block's own stream.
    @inlinable
    static func blockOrders(_ mean: Double, key: StreamKey, block: Int, month: Int) -> Int64 {
        guard mean > 0 else { return 0 }
        var cursor = RandomCursor(key: key.child(UInt64(block)).child(UInt64(month)))
        return Sample.poisson(mean: mean, &cursor)
    }

    /// Creates the initial population of a shard.
    package init(province: Int, key: StreamKey, segments: [Segment], hire: (Int) -> HireProfile) {
        self.province = province
        self.key = key
        self.segments = segments
        let count = segments.map(\.range.upperBound).max() ?? 0
        var workers: [Worker] = []
        workers.reserveCapacity(count)
        for segment in segments {
            let profile = hire(segment.sector)
            for i in segment.range {
                let slot = segment.key.child(UInt64(segment.firstSlot + i - segment.range.lowerBound))
                let takeUp = UInt16(min(65535, slot.uniform(0xFFFF_FFFF) * 65536))
                workers.append(profile.initial(person: slot.child(0), takeUp: takeUp))
            }
        }
        self.workers = workers
    }

    /// Puts an earlier phase's workers of one (province, platform) pair into this shard's slots of
    /// `platform`: slot i of the pair takes `carried[i]` where there is one (the others keep the
    /// fresh holder they were created with), its days moved back by `days` (the earlier phase's
    /// length), so day 0 is this phase's start. Persons keep their state: tenure, leave day, time
    /// off, accident clock, whether and how they were counted as insured.
    package mutating func carryOver(_ carried: [Worker], platform: Int, days: Int) {
        let shift = Int32(clamping: days)
        for segment in segments where segment.platform == platform {
            for i in segment.range {
                let slot = segment.firstSlot + i - segment.range.lowerBound
                guard slot < carried.count else { break }
                var w = carried[slot]
                w.hireDay = w.hireDay &- shift
                w.leaveDay = w.leaveDay &- shift
                if w.injuredUntil != Int32.min { w.injuredUntil = max(w.injuredUntil &- shift, Int32.min + 1) }
                workers[i] = w
            }
        }
    }

    /// Steps every worker through the month's days and returns the month's totals and accidents.
    ///
    /// `contexts` is indexed by platform. Each worker is stepped through all its days while in
    /// cache; orders are drawn once per order block from the block's summed daily means (Poisson
    /// superposition), each block from its own stream. Slots not covered this month still age:
    /// their holders leave and are replaced on the days they would have, so coverage that starts
    /// later meets the same population as coverage from the start.
    package mutating func step(month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        var totals: [SegmentTotals] = []
        var accidents: [AccidentEvent] = []
        let lastDay = firstDay + dayCount
        for segment in segments {
            let context = contexts[segment.platform]
            // Work decisions compare 63 random bits with p × 2⁶³ (exact to 2⁻⁶³): an integer
            // comparison instead of a conversion to a double on every worker-day.
            let fullTimeThreshold = ShardState.threshold(context.fullTimeDailyProbability)
            let occasionalThreshold = ShardState.threshold(context.occasionalDailyProbability)
            let sharedThreshold = ShardState.threshold(context.multiPlatformShare)
            var total = SegmentTotals(platform: segment.platform)
            let threshold = context.coverage * 65536
            var orderMean = 0.0
            let ordersKey = segment.key.child(named: "orders")
            let newWorkerDays = context.newWorkerDays
            workers.withUnsafeMutableBufferPointer { buffer in
                for i in segment.range {
                    let slotIndex = segment.firstSlot + i - segment.range.lowerBound
                    if slotIndex % ShardState.orderBlockSize == 0 && i > segment.range.lowerBound {
                        total.orders += ShardState.blockOrders(
                            orderMean, key: ordersKey, block: slotIndex / ShardState.orderBlockSize - 1, month: month)
                        orderMean = 0
                    }
                    var w = buffer[i]
                    if Double(w.takeUp) >= threshold {
                        // Not covered: only the turnover of the slot's holders (no hashing unless someone leaves).
                        guard Int(w.leaveDay) < lastDay else { continue }
                        let slot = segment.key.child(UInt64(slotIndex))
                        while Int(w.leaveDay) < lastDay {
                            let day = max(firstDay, Int(w.leaveDay))
                            w.generation &+= 1
                            context.hire.hire(&w, person: slot.child(UInt64(w.generation)), day: day)
                        }
                        buffer[i] = w
                        continue
                    }
                    let slot = segment.key.child(UInt64(slotIndex))
                    total.coveredWorkerDays += Int64(dayCount)
                    var person = slot.child(UInt64(w.generation))
                    var workedDays: Int64 = 0
                    var dailyMeanOrders = context.ordersPerHour * Double(w.shiftHours)
                    var dailyHazard = dailyMeanOrders * context.hazardPerOrder * Double(w.fatigue)
                    var threshold = w.isOccasional ? occasionalThreshold : fullTimeThreshold
                    var day = firstDay
                    while day < lastDay {
                        if day >= Int(w.leaveDay) {
                            w.generation &+= 1
                            person = slot.child(UInt64(w.generation))
                            context.hire.hire(&w, person: person, day: day)
                            dailyMeanOrders = context.ordersPerHour * Double(w.shiftHours)
                            dailyHazard = dailyMeanOrders * context.hazardPerOrder * Double(w.fatigue)
                            threshold = w.isOccasional ? occasionalThreshold : fullTimeThreshold
                        }
                        if day < Int(w.injuredUntil) {
                            day += 1
                            continue
                        }
                        if person.bits(DrawPurpose.works.counter(day: day)) >> 1 >= threshold {
                            day += 1
                            continue
                        }
                        workedDays += 1
                        if w.flags & Worker.insuredFlag == 0 {
                            w.flags |= Worker.insuredFlag
                            total.newlyInsured += 1
                            // Once per person: do they also work for another platform?
                            if person.bits(DrawPurpose.multiPlatform.counter(day: 0)) >> 1 < sharedThreshold {
                                w.flags |= Worker.sharedFlag
                                total.newlyInsuredShared += 1
                            }
                        }
                        orderMean += dailyMeanOrders
                        var hazard = dailyHazard
                        if day - Int(w.hireDay) < newWorkerDays { hazard *= context.newWorkerMultiplier }
                        w.clock -= hazard
                        if w.clock <= 0 {
                            let u = person.uniform(DrawPurpose.severity.counter(day: day))
                            let severity = Severity(rawValue: Sample.categorical(cumulative: context.severityCumulative, uniform: u)) ?? .medicalOnly
                            var daysOff: Int32 = 0
                            if severity.group.endsWork {
                                w.leaveDay = Int32(day + 1)
                            } else {
                                let mean = context.recoveryDays[severity.group.rawValue]
                                let drawn = (-PortableMath.log(person.uniform(DrawPurpose.recovery.counter(day: day))) * mean).rounded(.up)
                                daysOff = Int32(min(drawn, 3650))
                                w.injuredUntil = Int32(day + 1) + daysOff
                            }
                            accidents.append(
                                AccidentEvent(
                                    person: person, day: Int32(day), province: Int32(province),
                                    platform: Int32(segment.platform), severity: severity, daysOff: daysOff,
                                    hireDay: w.hireDay))
                            // The day's leftover exposure (−clock) carries into the new clock, so accidents
                            // are exactly a Poisson process in exposure, even at a high hazard.
                            w.clock += -PortableMath.log(person.uniform(DrawPurpose.accidentClock.counter(day: day)))
                        }
                        day += 1
                    }
                    if workedDays > 0 {
                        total.activeWorkers += 1
                        if w.flags & Worker.sharedFlag != 0 { total.activeShared += 1 }
                    }
                    total.workedDays += workedDays
                    buffer[i] = w
                }
            }
            if !segment.range.isEmpty {
                let lastSlot = segment.firstSlot + segment.range.count - 1
                total.orders += ShardState.blockOrders(orderMean, key: ordersKey, block: lastSlot / ShardState.orderBlockSize, month: month)
            }
            totals.append(total)
        }
        return ShardMonthResult(segments: totals, accidents: accidents)
    }
}
