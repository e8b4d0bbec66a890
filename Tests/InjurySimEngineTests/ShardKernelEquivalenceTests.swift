import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// The vectorised shard kernel, in its portable and its AVX2 build, makes exactly the decisions
/// of the scalar reference kernel: the same totals, the same accidents in the same order and the
/// same worker states, bit for bit, month after month — with hires in the middle of a month,
/// new-worker periods ending, injuries, deaths, occasional workers, persons on two platforms,
/// partial coverage and segments whose sizes are not multiples of eight.
@Suite struct ShardKernelEquivalenceTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var churnPerMonth: Double
        var dailyHazard: Double
        var occasionalShare: Double
        var coverage: [Double]
        var severeShare: Double
        var description: String { name }
    }

    static let cases = [
        Case(name: "pilot-like", churnPerMonth: 0.06, dailyHazard: 0.0004, occasionalShare: 0.3, coverage: [0.4, 0.7, 1, 1], severeShare: 0.1),
        Case(name: "high churn and hazard", churnPerMonth: 0.5, dailyHazard: 0.3, occasionalShare: 0.5, coverage: [1, 1, 0.5, 1], severeShare: 0.3),
        Case(name: "no one covered, then all", churnPerMonth: 0.2, dailyHazard: 0.05, occasionalShare: 0, coverage: [0, 0, 1, 1], severeShare: 0.5),
        Case(name: "everyone off after injuries", churnPerMonth: 0, dailyHazard: 2, occasionalShare: 0.1, coverage: [1, 1, 1, 1], severeShare: 0)
    ]

    static let sizes = [(platform: 0, count: 701, firstSlot: 0), (platform: 1, count: 333, firstSlot: 250), (platform: 2, count: 1, firstSlot: 7)]

    static func hire(_ c: Case, sector: Int) -> HireProfile {
        HireProfile(
            occasionalShare: c.occasionalShare, shiftHours: 7 + Double(sector), shiftHoursSpread: 2.5, longShiftHours: 9,
            extraRiskPerLongHour: 0.05, churnPerMonth: c.churnPerMonth)
    }

    static func shard(_ c: Case) -> ShardState {
        let root = StreamKey(seed: 2026)
        var start = 0
        var segments: [Segment] = []
        for s in sizes {
            segments.append(
                Segment(
                    platform: s.platform, sector: s.platform % 2, range: start..<(start + s.count),
                    key: root.child(UInt64(s.platform)), firstSlot: s.firstSlot))
            start += s.count
        }
        return ShardState(province: 3, key: root.child(named: "shard"), segments: segments, hire: { hire(c, sector: $0) })
    }

    static func contexts(_ c: Case, month: Int) -> [SegmentMonth] {
        let severe = Severity.allCases.map { $0 == .medicalOnly ? 1 - c.severeShare : c.severeShare / Double(Severity.allCases.count - 1) }
        var cumulative = 0.0
        let table = severe.map {
            cumulative += $0; return cumulative
        }
        return (0..<3).map { platform in
            SegmentMonth(
                coverage: c.coverage[month], ordersPerHour: 2.5 + Double(platform), hazardPerOrder: c.dailyHazard / 20,
                fullTimeDailyProbability: 6.0 / 7, occasionalDailyProbability: 40.0 / 365, severityCumulative: table,
                recoveryDays: [3, 20, 60, 120, 0], hire: hire(c, sector: platform % 2), newWorkerDays: 45, newWorkerMultiplier: 1.8,
                multiPlatformShare: 0.3)
        }
    }

    static func sameBits(_ a: Worker, _ b: Worker) -> Bool {
        a.clock.bitPattern == b.clock.bitPattern && a.hireDay == b.hireDay && a.leaveDay == b.leaveDay
            && a.injuredUntil == b.injuredUntil && a.generation == b.generation && a.shiftHours.bitPattern == b.shiftHours.bitPattern
            && a.fatigue.bitPattern == b.fatigue.bitPattern && a.takeUp == b.takeUp && a.flags == b.flags && a.workKey == b.workKey
    }

    /// The kernels this processor can run; the AVX2 build only where it has the features.
    static var kernels: [ShardKernel] { ShardKernel.allCases.filter(\.isAvailable) }

    @Test(arguments: cases)
    func everyKernelGivesTheScalarKernelsBits(c: Case) {
        var states = Self.kernels.map { _ in Self.shard(c) }
        var accidents = 0
        let monthDays = [31, 28, 31, 30]
        var firstDay = 0
        for month in 0..<4 {
            let contexts = Self.contexts(c, month: month)
            let results = Self.kernels.indices.map {
                Self.kernels[$0].step(&states[$0], month: month, firstDay: firstDay, dayCount: monthDays[month], contexts: contexts)
            }
            firstDay += monthDays[month]
            let reference = results[0]
            accidents += reference.accidents.count
            for (kernel, result) in zip(Self.kernels, results).dropFirst() {
                #expect(result.segments == reference.segments, "\(kernel) totals, month \(month)")
                #expect(result.accidents == reference.accidents, "\(kernel) accidents, month \(month)")
            }
            for (kernel, state) in zip(Self.kernels, states).dropFirst() {
                let same = zip(state.workers, states[0].workers).allSatisfy(Self.sameBits)
                #expect(same, "\(kernel) worker states, month \(month)")
            }
        }
        // Not vacuous: the cases have accidents and work (the first only a few of them).
        #expect(accidents > 0 || c.dailyHazard < 0.001)
    }

    /// The run-time choice: AVX2 only with every feature its build may use, a forced name wins.
    @Test func theAVX2BuildIsChosenOnlyWithItsFeatures() {
        let all = ShardKernel.avx2Flags
        #expect(ShardKernel.choose(forced: nil, cpuFlags: []) == .portable)
        #expect(ShardKernel.choose(forced: nil, cpuFlags: all.subtracting(["fma"])) == .portable)
        #expect(ShardKernel.choose(forced: "scalar", cpuFlags: all) == .scalar)
        #expect(ShardKernel.choose(forced: "portable", cpuFlags: all) == .portable)
        #expect(ShardKernel.choose(forced: "avx2", cpuFlags: []) == .portable)
        #if arch(x86_64)
            #expect(ShardKernel.choose(forced: nil, cpuFlags: all) == .avx2)
        #else
            #expect(ShardKernel.choose(forced: nil, cpuFlags: all) == .portable)
        #endif
    }
}
