import InjurySimCore

/// The vectorised shard kernel compiled for x86-64 processors with AVX2 (Package.swift builds
/// this module with `-target-cpu haswell` on x86-64 hosts). Call it only where
/// `ShardKernel` found the features; it gives the same bits as the portable build.
package enum AVX2Kernel {
    /// This build's copies of the rare events' code (``LaneRoutines``): named here, so compiled here.
    enum Routines: LaneRoutines {}

    /// Whether this build holds the AVX2 code (x86-64) or only the portable kernel.
    package static let isCompiledForAVX2: Bool = {
        #if arch(x86_64)
            true
        #else
            false
        #endif
    }()

    /// ``ShardState/stepVectorised(month:firstDay:dayCount:contexts:)``, inlined here.
    package static func step(_ state: inout ShardState, month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        state.stepVectorised(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts, routines: Routines.self)
    }

    /// A shard's initial population (``ShardState/init(province:key:segments:startDay:hire:hiredEarlier:)``),
    /// inlined here: its hashes and logarithms in this build's vector registers.
    package static func makeState(
        province: Int, key: StreamKey, segments: [Segment], startDay: Int, hire: (Int) -> HireProfile,
        hiredEarlier: ((Segment, Int) -> HireProfile.People?)?
    ) -> ShardState {
        ShardState(
            province: province, key: key, segments: segments, startDay: startDay, hire: hire, hiredEarlier: hiredEarlier,
            routines: Routines.self)
    }
}
