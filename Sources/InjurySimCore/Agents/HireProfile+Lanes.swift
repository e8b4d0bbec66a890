extension HireProfile {
    /// ``hire(_:person:day:)`` of up to eight persons at once: lane `l < count` hires
    /// `persons[l]` on `days[l]` into `workers[index[l]]`. The draws and rules are the scalar
    /// hire's, lane by lane; the uniforms and their logarithms are taken in vector lanes
    /// (``StreamKey/uniform(lanes:_:)``, ``PortableMath/log(lanes:)``, the scalar bits), so every
    /// worker ends up with the bits the scalar hire gives it (`HireLanesTests`). Inlined into the
    /// kernels' builds.
    @inlinable @inline(__always)
    package func hire(
        _ workers: UnsafeMutableBufferPointer<Worker>, at index: SIMD8<Int32>, persons: SIMD8<UInt64>, days: SIMD8<Int>, count: Int
    ) {
        var index = index
        var persons = persons
        var days = days
        // Every lane's draws in vector lanes (lanes past `count` are worked out and not used).
        var tenureLogs = PortableMath.log(lanes: StreamKey.uniform(lanes: persons, DrawPurpose.tenure.counter(days: days)))
        var clockLogs = PortableMath.log(lanes: StreamKey.uniform(lanes: persons, DrawPurpose.hireClock.counter(days: days)))
        var occasionalDraws = StreamKey.uniform(lanes: persons, DrawPurpose.occasional.counter(days: days))
        var shiftDraws = StreamKey.uniform(lanes: persons, DrawPurpose.shift.counter(days: days))
        for lane in 0..<count {
            let i = Int(index[lane: lane])
            let day = days[lane: lane]
            join(
                &workers[i], day: day, occasionalDraw: occasionalDraws[lane: lane], shiftDraw: shiftDraws[lane: lane],
                logClockDraw: clockLogs[lane: lane])
            setLeaveDay(&workers[i], person: StreamKey(rawValue: persons[lane: lane]), day: day, logTenureDraw: tenureLogs[lane: lane])
        }
    }

    /// ``initial(person:takeUp:startDay:hiredEarlier:)`` of up to eight persons at once: lane
    /// `l < count` is `persons[l]` with `takeUps[l]`, appended to `workers` in lane order. The
    /// logarithms of the first draws and of the clock draws are taken in vector lanes (the
    /// scalar bits); everything else is the scalar rule, lane by lane (`HireLanesTests`).
    /// `workKeys` are the persons' work-stream keys (``WorkStream/key(persons:)``), stored as
    /// each worker is made.
    @inlinable @inline(__always)
    package func appendInitial(
        persons: SIMD8<UInt64>, takeUps: SIMD8<UInt16>, workKeys: SIMD8<UInt64> = SIMD8(), count: Int, startDay: Int = 0,
        hiredEarlier: ((Int) -> People?)? = nil, to workers: inout [Worker]
    ) {
        var persons = persons
        // Every lane's draws are worked out (lanes past `count` are not used): uniforms in
        // vector lanes (``StreamKey/uniform(lanes:_:)``, the scalar bits) and their logarithms.
        var ageLogs = PortableMath.log(lanes: StreamKey.uniform(lanes: persons, SIMD8(repeating: DrawPurpose.initialAge.counter(day: 0))))
        var tenureLogs = PortableMath.log(lanes: StreamKey.uniform(lanes: persons, SIMD8(repeating: DrawPurpose.tenure.counter(day: 0))))
        var days = SIMD8<Int>()
        var retires = SIMD8<Int>()
        for lane in 0..<count {
            let person = StreamKey(rawValue: persons[lane: lane])
            let (day, retiresOn) = initialHire(
                person: person, logAgeDraw: ageLogs[lane: lane], startDay: startDay,
                churns: initialChurns(startDay: startDay, logTenureDraw: tenureLogs[lane: lane]), hiredEarlier: hiredEarlier)
            days[lane: lane] = day
            retires[lane: lane] = retiresOn
        }
        var clockLogs = PortableMath.log(lanes: StreamKey.uniform(lanes: persons, DrawPurpose.hireClock.counter(days: days)))
        var occasionalDraws = StreamKey.uniform(lanes: persons, DrawPurpose.occasional.counter(days: days))
        var shiftDraws = StreamKey.uniform(lanes: persons, DrawPurpose.shift.counter(days: days))
        var workKeys = workKeys
        for lane in 0..<count {
            var worker = Worker(
                clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: Int32.min, generation: 0,
                shiftHours: 0, fatigue: 1, takeUp: takeUps[lane], flags: 0, workKey: workKeys[lane: lane])
            join(
                &worker, day: days[lane: lane], occasionalDraw: occasionalDraws[lane: lane], shiftDraw: shiftDraws[lane: lane],
                logClockDraw: clockLogs[lane: lane])
            finishInitial(&worker, startDay: startDay, logTenureDraw: tenureLogs[lane: lane], retires: retires[lane: lane])
            workers.append(worker)
        }
    }
}
