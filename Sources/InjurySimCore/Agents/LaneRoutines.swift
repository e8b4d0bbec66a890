/// The rare but costly parts of the vectorised kernels — a group's events (a hire on a leave day,
/// the end of a new-worker period), the turnover of uncovered slots and a batch of initial
/// holders — as functions that each kernel build compiles with its own instruction set.
///
/// A kernel's month step inlines everything it can, and grows past the size where Swift's
/// inliner stops inlining into it; what it then calls is the baseline build's copy in this
/// module. So the step and the initial population are generic over a conformer of this
/// protocol and call these functions on it: they are generic (over `Self`) and `@inline(never)`,
/// so the module that names the conformer — the engine's AVX2 or AVX-512 build, or this module
/// for ``BaselineRoutines`` — compiles its own specialised copy, small enough for the bodies
/// (inlinable) to be inlined whole into it. A conformer adds nothing but its name: every build
/// runs the same source and gives the same bits.
@usableFromInline package protocol LaneRoutines {}

extension LaneRoutines {
    /// ``WorkerLanes/handleEvents(day:_:rules:total:)``, compiled in the conformer's module.
    @inlinable @inline(never)
    package static func handleEvents(
        _ lanes: inout WorkerLanes, day: Int, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules,
        total: inout SegmentTotals
    ) {
        lanes.handleEvents(day: day, workers, rules: rules, total: &total)
    }

    /// ``WorkerLanes/prepareHires(_:rules:)``, compiled in the conformer's module.
    @inlinable @inline(never)
    package static func prepareHires(_ lanes: inout WorkerLanes, _ workers: UnsafeMutableBufferPointer<Worker>, rules: SegmentRules) {
        lanes.prepareHires(workers, rules: rules)
    }

    /// ``SegmentRules/age(_:leaving:count:)``, compiled in the conformer's module.
    @inlinable @inline(never)
    package static func age(_ workers: UnsafeMutableBufferPointer<Worker>, leaving index: SIMD8<Int32>, count: Int, rules: SegmentRules) {
        rules.age(workers, leaving: index, count: count)
    }

    /// ``HireProfile/appendInitial(persons:takeUps:workKeys:count:startDay:hiredEarlier:to:)``, compiled in
    /// the conformer's module.
    @inlinable @inline(never)
    package static func appendInitial(
        _ profile: HireProfile, persons: SIMD8<UInt64>, takeUps: SIMD8<UInt16>, workKeys: SIMD8<UInt64>, count: Int, startDay: Int,
        hiredEarlier: ((Int) -> HireProfile.People?)?, to workers: inout [Worker]
    ) {
        profile.appendInitial(
            persons: persons, takeUps: takeUps, workKeys: workKeys, count: count, startDay: startDay, hiredEarlier: hiredEarlier,
            to: &workers)
    }
}

/// The baseline build's routines: those of the portable kernel (``ShardState/step(month:firstDay:dayCount:contexts:)``)
/// and of any caller that names no build.
@usableFromInline package enum BaselineRoutines: LaneRoutines {}
