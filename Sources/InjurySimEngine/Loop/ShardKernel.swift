import Foundation
import InjurySimCore
import InjurySimKernelAVX2

/// Which build of the shard kernel steps the workers, chosen once per process: the AVX2 build
/// where the processor has every feature that build may use, else the portable build; both are
/// the same vectorised source and give the same bits (`ShardKernelEquivalenceTests`), as does the
/// scalar reference kernel, which the engine never picks by itself.
///
/// `INJURYSIM_KERNEL=portable|avx2|scalar` forces one (for tests and measurements; `avx2` falls
/// back to `portable` where the processor lacks the features).
package enum ShardKernel: String, Sendable, CaseIterable {
    /// ``InjurySimCore/ShardState/stepScalar(month:firstDay:dayCount:contexts:)``: one worker-day at a time.
    case scalar
    /// The vectorised kernel at the baseline instruction set (SSE2 on x86-64, NEON on arm64).
    case portable
    /// The vectorised kernel built for AVX2 (x86-64-v3 class processors).
    case avx2

    /// The `/proc/cpuinfo` flags the AVX2 build (`-target-cpu haswell`) may use.
    package static let avx2Flags: Set<String> = ["avx", "avx2", "bmi1", "bmi2", "fma", "f16c", "abm", "movbe", "popcnt", "sse4_2"]

    /// The kernel this process uses.
    package static let selected: ShardKernel = choose(
        forced: ProcessInfo.processInfo.environment["INJURYSIM_KERNEL"], cpuFlags: cpuFlags())

    /// The kernel for a forced name (or none) on a processor with `cpuFlags`.
    package static func choose(forced: String?, cpuFlags: Set<String>) -> ShardKernel {
        let avx2 = AVX2Kernel.isCompiledForAVX2 && avx2Flags.isSubset(of: cpuFlags)
        switch forced.flatMap(ShardKernel.init(rawValue:)) {
        case .scalar: return .scalar
        case .portable: return .portable
        case .avx2, nil: return avx2 ? .avx2 : .portable
        }
    }

    /// Whether this process may run `self` (the AVX2 build needs the processor's features).
    package var isAvailable: Bool { self != .avx2 || ShardKernel.choose(forced: nil, cpuFlags: ShardKernel.cpuFlags()) == .avx2 }

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
        }
    }
}
