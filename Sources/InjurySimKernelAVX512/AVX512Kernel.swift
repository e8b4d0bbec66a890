import InjurySimCore

/// The sixteen-lane shard kernel compiled for x86-64 processors with AVX-512 (Package.swift
/// builds this module with `-target-cpu haswell` plus AVX-512 F, CD, BW, DQ and VL on x86-64
/// hosts, the x86-64-v4 level). Call it only where `ShardKernel` found the features and the
/// operating system saves the 512-bit registers; it gives the same bits as the portable build.
package enum AVX512Kernel {
    /// This build's copies of the rare events' code (``LaneRoutines``): named here, so compiled here.
    enum Routines: LaneRoutines {}

    /// Whether this build holds the AVX-512 code (x86-64) or only the portable kernel.
    package static let isCompiledForAVX512: Bool = {
        #if arch(x86_64)
            true
        #else
            false
        #endif
    }()

    /// ``ShardState/stepVectorisedWide(month:firstDay:dayCount:contexts:)``, inlined here.
    package static func step(_ state: inout ShardState, month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        state.stepVectorisedWide(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts, routines: Routines.self)
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
