extension ShardState {
    /// The scalar reference kernel: one worker at a time, one day at a time, with branches.
    ///
    /// It states the worker-day rules plainly and is the yardstick of the vectorised kernel
    /// (`ShardKernelEquivalenceTests` compare results and worker states bit for bit) and of the
    /// bench (`ref-scalar-kernel`). Not used by the engine.
    package mutating func stepScalar(month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        var totals: [SegmentTotals] = []
        var accidents: [AccidentEvent] = []
        let salts = (0..<dayCount).map { WorkStream.salt(day: firstDay + $0) }
        for segment in segments {
            let rules = SegmentRules(
                segment: segment, context: contexts[segment.platform], province: province, firstDay: firstDay, dayCount: dayCount)
            var total = SegmentTotals(platform: segment.platform)
            var orders = OrderBlocks(segmentKey: segment.key, month: month)
            for i in segment.range {
                stepScalar(slot: i, rules: rules, salts: salts, total: &total, orders: &orders, accidents: &accidents)
            }
            orders.close()
            total.orders = orders.orders
            totals.append(total)
        }
        return ShardMonthResult(segments: totals, accidents: accidents)
    }

    /// One slot through the month.
    private mutating func stepScalar(
        slot i: Int, rules: SegmentRules, salts: [UInt32], total: inout SegmentTotals, orders: inout OrderBlocks, accidents: inout [AccidentEvent]
    ) {
        var w = workers[i]
        defer { workers[i] = w }
        guard rules.isCovered(w) else {
            rules.age(&w, index: i)
            return
        }
        let slot = rules.segment.key.child(UInt64(rules.slotIndex(i)))
        total.coveredWorkerDays += Int64(rules.lastDay - rules.firstDay)
        var person = slot.child(UInt64(w.generation))
        var workerOrders = 0.0
        var workedDays = 0
        var stretch = 0
        var dailyOrders = rules.dailyOrders(w)
        var limit = rules.limit(w)
        var (hazard, hazardChangesOn) = rules.hazard(w, dailyOrders: dailyOrders, day: rules.firstDay)
        for day in rules.firstDay..<rules.lastDay {
            if day >= Int(w.leaveDay) {
                rules.closeStretch(&w, worked: stretch, dailyOrders: dailyOrders, orders: &workerOrders, person: person, totals: &total)
                stretch = 0
                person = rules.hireNext(&w, slot: slot, day: day)
                dailyOrders = rules.dailyOrders(w)
                limit = rules.limit(w)
                (hazard, hazardChangesOn) = rules.hazard(w, dailyOrders: dailyOrders, day: day)
            } else if day >= hazardChangesOn {
                (hazard, hazardChangesOn) = rules.hazard(w, dailyOrders: dailyOrders, day: day)
            }
            if day < Int(w.injuredUntil) { continue }
            if !WorkStream.works(key: w.workKey, salt: salts[day - rules.firstDay], limit: limit) { continue }
            stretch += 1
            workedDays += 1
            w.clock -= hazard
            if w.clock <= 0 { accidents.append(rules.accident(&w, person: person, day: day)) }
        }
        rules.closeStretch(&w, worked: stretch, dailyOrders: dailyOrders, orders: &workerOrders, person: person, totals: &total)
        rules.countActive(w, workedDays: workedDays, totals: &total)
        orders.add(workerOrders, slotIndex: rules.slotIndex(i))
    }
}
