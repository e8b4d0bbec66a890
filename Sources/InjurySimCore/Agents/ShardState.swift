import Foundation

/// The worker agents of one shard (a province or a slice of one) and the rule that steps them
/// through a month. Pure: the shard actor owns one and calls ``step(month:firstDay:dayCount:context:)``.
@usableFromInline package struct ShardState: Sendable {
    @usableFromInline package let province: Int
    @usableFromInline package let key: StreamKey
    @usableFromInline package private(set) var segments: [Segment]
    /// Every slot's worker (44 bytes each, its person's work-stream key included).
    @usableFromInline package var workers: [Worker]

    /// Slots per order block: a month's orders are drawn per block of this many consecutive slots
    /// of one (region, platform), keyed by the block, so the draws do not depend on how the slots
    /// are cut into shards (``PopulationPlan`` cuts only between blocks).
    @usableFromInline package static let orderBlockSize = 256

    /// One order block's orders in a month: a Poisson draw with the block's summed daily means,
    /// from the block's own stream.
    package static func blockOrders(_ mean: Double, key: StreamKey, block: Int, month: Int) -> Int64 {
        guard mean > 0 else { return 0 }
        var cursor = RandomCursor(key: key.child(UInt64(block)).child(UInt64(month)))
        return Sample.poisson(mean: mean, &cursor)
    }

    /// Creates the initial population of a shard on day `startDay` of the chain's clock (0 unless
    /// a later phase of a chain opens it): the holders' draws are those of a start on day 0, their
    /// days moved to `startDay`. `hiredEarlier` gives, for a segment and a hire day before
    /// `startDay`, the age bands of an earlier phase of the chain (``HireProfile/initial``).
    ///
    /// Inlinable, so that the engine's AVX2 and AVX-512 builds (``ShardKernel``) compile the
    /// initial population with their instruction sets; every build gives the same bits.
    /// `routines` names the build whose copy of a batch's draws it calls (``LaneRoutines``).
    @inlinable @inline(__always)
    package init<Routines: LaneRoutines>(
        province: Int, key: StreamKey, segments: [Segment], startDay: Int = 0, hire: (Int) -> HireProfile,
        hiredEarlier: ((Segment, Int) -> HireProfile.People?)? = nil, routines: Routines.Type = BaselineRoutines.self
    ) {
        self.province = province
        self.key = key
        self.segments = segments
        let count = segments.map(\.range.upperBound).max() ?? 0
        var workers: [Worker] = []
        workers.reserveCapacity(count)
        for segment in segments {
            let profile = hire(segment.sector)
            let earlier = hiredEarlier.map { people in { (day: Int) in people(segment, day) } }
            // Eight slots at a time (``HireProfile/appendInitial``: their logarithms in vector
            // lanes), each as ``HireProfile/initial(person:takeUp:startDay:hiredEarlier:)`` makes it.
            var lower = segment.range.lowerBound
            while lower < segment.range.upperBound {
                let count = min(8, segment.range.upperBound - lower)
                // The slots' streams, take-up positions, first persons and their work-stream
                // keys as ``StreamKey`` gives them one by one, in vector lanes (lanes past
                // `count` are worked out and not used).
                let first = UInt64(truncatingIfNeeded: segment.firstSlot + lower - segment.range.lowerBound)
                let slots = StreamKey.child(
                    lanes: SIMD8(repeating: segment.key.rawValue), SIMD8(repeating: first) &+ SIMD8(0, 1, 2, 3, 4, 5, 6, 7))
                var positions = StreamKey.uniform(lanes: slots, SIMD8(repeating: 0xFFFF_FFFF)) * 65536
                let persons = StreamKey.child(lanes: slots, SIMD8())
                var takeUps = SIMD8<UInt16>()
                for lane in 0..<count { takeUps[lane: lane] = UInt16(min(65535, positions[lane: lane])) }
                Routines.appendInitial(
                    profile, persons: persons, takeUps: takeUps, workKeys: WorkStream.key(persons: persons), count: count,
                    startDay: startDay, hiredEarlier: earlier, to: &workers)
                lower += count
            }
        }
        self.workers = workers
    }

    /// Puts an earlier phase's workers of one (province, platform) pair into this shard's slots of
    /// `platform`: slot i of the pair takes `carried[i]` where there is one (the others keep the
    /// fresh holder they were created with). Days run on the chain's clock, so they carry as
    /// they are. Persons keep their state: tenure, leave day, time off, accident clock, whether
    /// and how they were counted as insured (and their work-stream key, derived again from the
    /// pair's stream).
    package mutating func carryOver(_ carried: [Worker], platform: Int) {
        for segment in segments where segment.platform == platform {
            for i in segment.range {
                let slot = segment.firstSlot + i - segment.range.lowerBound
                guard slot < carried.count else { break }
                var w = carried[slot]
                w.workKey = WorkStream.key(person: segment.key.child(UInt64(slot)).child(UInt64(w.generation)))
                workers[i] = w
            }
        }
    }

    /// Steps every worker through the month's days and returns the month's totals and accidents:
    /// the vectorised kernel at the portable (baseline) instruction set. The engine picks a
    /// faster build of the same kernel where the processor has one (`ShardKernel`); every
    /// build, and ``stepScalar(month:firstDay:dayCount:contexts:)``, gives the same bits.
    ///
    /// `contexts` is indexed by platform. Orders are drawn once per order block from the block's
    /// summed expected orders (Poisson superposition), each block from its own stream. Slots not
    /// covered this month still age: their holders leave and are replaced on the days they would
    /// have, so coverage that starts later meets the same population as coverage from the start.
    package mutating func step(month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        stepVectorised(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
    }
}
