import Foundation
import InjurySimCPUFeatures
import InjurySimCore
import InjurySimKernelAVX2
import InjurySimKernelAVX512

/// Which build of the shard kernel steps the workers, chosen once per process: the AVX-512
/// build (sixteen lanes) where the processor has every feature that build may use and the
/// operating system saves the 512-bit registers, else the AVX2 build (eight lanes) where the
/// processor has its features, else the portable build; all are vectorised from the same source
/// and give the same bits (`ShardKernelEquivalenceTests`), as does the scalar reference kernel,
/// which the engine never picks by itself.
///
/// `INJURYSIM_KERNEL=portable|avx2|avx512|scalar` forces one (for tests and measurements; a
/// build the processor cannot run falls back to the best one it can: `avx512` to `avx2` or
/// `portable`, `avx2` to `portable`).
package enum ShardKernel: String, Sendable, CaseIterable {
    /// ``InjurySimCore/ShardState/stepScalar(month:firstDay:dayCount:contexts:)``: one worker-day at a time.
    case scalar
    /// The vectorised kernel at the baseline instruction set (SSE2 on x86-64, NEON on arm64).
    case portable
    /// The vectorised kernel built for AVX2 (x86-64-v3 class processors), eight lanes.
    case avx2
    /// The vectorised kernel built for AVX-512 (x86-64-v4 class processors), sixteen lanes.
    case avx512

    /// The `/proc/cpuinfo` flags the AVX2 build (`-target-cpu haswell`) may use.
    package static let avx2Flags: Set<String> = ["avx", "avx2", "bmi1", "bmi2", "fma", "f16c", "abm", "movbe", "popcnt", "sse4_2"]

    /// The `/proc/cpuinfo` flags the AVX-512 build may use: the AVX2 build's and AVX-512 F, CD,
    /// BW, DQ and VL.
    package static let avx512Flags: Set<String> = avx2Flags.union(["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])

    /// The kernel this process uses.
    package static let selected: ShardKernel = choose(
        forced: ProcessInfo.processInfo.environment["INJURYSIM_KERNEL"], cpuFlags: cpuFlags(), avx512Usable: avx512Usable())

    /// The kernel for a forced name (or none) on a processor with `cpuFlags`, where
    /// `avx512Usable` says whether CPUID reports AVX-512 and the operating system saves its
    /// registers (XCR0).
    package static func choose(forced: String?, cpuFlags: Set<String>, avx512Usable: Bool) -> ShardKernel {
        let avx2 = AVX2Kernel.isCompiledForAVX2 && avx2Flags.isSubset(of: cpuFlags)
        let avx512 = AVX512Kernel.isCompiledForAVX512 && avx512Usable && avx512Flags.isSubset(of: cpuFlags)
        let best: ShardKernel = avx512 ? .avx512 : avx2 ? .avx2 : .portable
        switch forced.flatMap(ShardKernel.init(rawValue:)) {
        case .scalar: return .scalar
        case .portable: return .portable
        case .avx2: return avx2 ? .avx2 : .portable
        case .avx512, nil: return best
        }
    }

    /// Whether this process may run `self` (the AVX2 and AVX-512 builds need the processor's
    /// features).
    package var isAvailable: Bool {
        ShardKernel.choose(forced: rawValue, cpuFlags: ShardKernel.cpuFlags(), avx512Usable: ShardKernel.avx512Usable()) == self
    }

    /// Whether CPUID reports AVX-512 F, CD, BW, DQ and VL and XCR0 says the operating system
    /// saves the opmask and 512-bit register state (false off x86-64).
    package static func avx512Usable() -> Bool { injurysim_avx512_usable() != 0 }

    /// The processor's feature flags from `/proc/cpuinfo` (Linux; empty elsewhere, which means
    /// the portable kernel).
    package static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return [] }
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }

    /// Steps `state` through a month with this kernel.
    package func step(_ state: inout ShardState, month: Int, firstDay: Int, dayCount: Int, contexts: [SegmentMonth]) -> ShardMonthResult {
        switch self {
        case .scalar: return state.stepScalar(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
        case .portable: return state.step(month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
        case .avx2: return AVX2Kernel.step(&state, month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
        case .avx512: return AVX512Kernel.step(&state, month: month, firstDay: firstDay, dayCount: dayCount, contexts: contexts)
        }
    }

    /// A shard's initial population, built by this kernel's build (the scalar reference kernel
    /// and the portable build share the baseline one); every build gives the same workers.
    package func makeState(
        province: Int, key: StreamKey, segments: [Segment], startDay: Int = 0, hire: (Int) -> HireProfile,
        hiredEarlier: ((Segment, Int) -> HireProfile.People?)? = nil
    ) -> ShardState {
        switch self {
        case .scalar, .portable:
            return ShardState(province: province, key: key, segments: segments, startDay: startDay, hire: hire, hiredEarlier: hiredEarlier)
        case .avx2:
            return AVX2Kernel.makeState(province: province, key: key, segments: segments, startDay: startDay, hire: hire, hiredEarlier: hiredEarlier)
        case .avx512:
            return AVX512Kernel.makeState(
                province: province, key: key, segments: segments, startDay: startDay, hire: hire, hiredEarlier: hiredEarlier)
        }
    }
}
