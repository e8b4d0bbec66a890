import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// The vectorised shard kernel, in its portable, AVX2 and AVX-512 builds, makes exactly the decisions
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
        /// Days a hire counts as new (beyond 2³⁰ the lanes work the period out in whole `Int`s).
        var newWorkerDays = 45
        var description: String { name }
    }

    static let cases = [
        Case(name: "pilot-like", churnPerMonth: 0.06, dailyHazard: 0.0004, occasionalShare: 0.3, coverage: [0.4, 0.7, 1, 1], severeShare: 0.1),
        Case(name: "high churn and hazard", churnPerMonth: 0.5, dailyHazard: 0.3, occasionalShare: 0.5, coverage: [1, 1, 0.5, 1], severeShare: 0.3),
        Case(name: "no one covered, then all", churnPerMonth: 0.2, dailyHazard: 0.05, occasionalShare: 0, coverage: [0, 0, 1, 1], severeShare: 0.5),
        Case(name: "everyone off after injuries", churnPerMonth: 0, dailyHazard: 2, occasionalShare: 0.1, coverage: [1, 1, 1, 1], severeShare: 0),
        Case(
            name: "new for longer than 32 bits count", churnPerMonth: 0.3, dailyHazard: 0.05, occasionalShare: 0.3, coverage: [1, 0.6, 1, 1],
            severeShare: 0.2, newWorkerDays: 3_000_000_000)
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
                recoveryDays: [3, 20, 60, 120, 0], hire: hire(c, sector: platform % 2), newWorkerDays: c.newWorkerDays, newWorkerMultiplier: 1.8,
                multiPlatformShare: 0.3)
        }
    }

    static func sameBits(_ a: Worker, _ b: Worker) -> Bool {
        a.clock.bitPattern == b.clock.bitPattern && a.hireDay == b.hireDay && a.leaveDay == b.leaveDay
            && a.injuredUntil == b.injuredUntil && a.generation == b.generation && a.shiftHours.bitPattern == b.shiftHours.bitPattern
            && a.fatigue.bitPattern == b.fatigue.bitPattern && a.takeUp == b.takeUp && a.flags == b.flags && a.workKey == b.workKey
    }

    /// A path through the kernel: its name and how it steps a shard through a month.
    struct Path {
        var name: String
        var step: (inout ShardState, Int, Int, Int, [SegmentMonth]) -> ShardMonthResult
    }

    /// The paths this processor can run, the scalar reference first: every ``ShardKernel`` it
    /// has the features for, and the sixteen-lane source in the portable build (so that a
    /// processor without AVX-512 still checks the sixteen-lane logic, if not its AVX-512 code).
    static var paths: [Path] {
        ShardKernel.allCases.filter(\.isAvailable).map { kernel in
            Path(name: kernel.rawValue) { kernel.step(&$0, month: $1, firstDay: $2, dayCount: $3, contexts: $4) }
        } + [Path(name: "portable-16") { $0.stepVectorisedWide(month: $1, firstDay: $2, dayCount: $3, contexts: $4) }]
    }

    @Test(arguments: cases)
    func everyKernelGivesTheScalarKernelsBits(c: Case) {
        let paths = Self.paths
        let missing = ShardKernel.allCases.filter { !$0.isAvailable }.map(\.rawValue)
        print(
            "ShardKernelEquivalenceTests (\(c.name)): paths exercised: \(paths.map(\.name).joined(separator: ", "))"
                + (missing.isEmpty ? "" : "; not on this processor: \(missing.joined(separator: ", "))"))
        #expect(paths.first?.name == ShardKernel.scalar.rawValue)
        var states = paths.map { _ in Self.shard(c) }
        var accidents = 0
        let monthDays = [31, 28, 31, 30]
        var firstDay = 0
        for month in 0..<4 {
            let contexts = Self.contexts(c, month: month)
            let results = paths.indices.map { paths[$0].step(&states[$0], month, firstDay, monthDays[month], contexts) }
            firstDay += monthDays[month]
            let reference = results[0]
            accidents += reference.accidents.count
            for (path, result) in zip(paths, results).dropFirst() {
                #expect(result.segments == reference.segments, "\(path.name) totals, month \(month)")
                #expect(result.accidents == reference.accidents, "\(path.name) accidents, month \(month)")
            }
            for (path, state) in zip(paths, states).dropFirst() {
                let same = zip(state.workers, states[0].workers).allSatisfy(Self.sameBits)
                #expect(same, "\(path.name) worker states, month \(month)")
            }
        }
        // Not vacuous: the cases have accidents and work (the first only a few of them).
        #expect(accidents > 0 || c.dailyHazard < 0.001)
    }

    /// Every build makes the same initial population (``ShardKernel/makeState``): the same
    /// workers bit for bit as the baseline build, with a retirement rule (the bound and the
    /// whole rule both taken), at the start of a chain and later in it, with an earlier phase's
    /// age bands, in segments whose sizes are not multiples of eight.
    @Test(arguments: [0, 400])
    func everyKernelMakesTheSameInitialPopulation(startDay: Int) {
        let retirement = HireProfile.Retirement(
            bands: [0.05, 0.15, 0.3, 0.3, 0.2], maleShare: 0.6, rule: RetirementAge(men: 63, women: 58), chainStartYear: 2022 + 2.0 / 12)
        let profile = HireProfile(
            occasionalShare: 0.3, shiftHours: 7.5, shiftHoursSpread: 2.5, longShiftHours: 9, extraRiskPerLongHour: 0.05,
            churnPerMonth: 0.03, retirement: retirement)
        let earlier: (Segment, Int) -> HireProfile.People? = { segment, day in
            segment.platform == 1 && day < startDay - 200 ? (bands: [0.0, 0.1, 0.2, 0.3, 0.4], maleShare: 0.9) : nil
        }
        let root = StreamKey(seed: 2808)
        var start = 0
        var segments: [Segment] = []
        for s in Self.sizes {
            segments.append(
                Segment(
                    platform: s.platform, sector: 0, range: start..<(start + s.count), key: root.child(UInt64(s.platform)),
                    firstSlot: s.firstSlot))
            start += s.count
        }
        var references: [ShardState] = []
        for hiredEarlier in [nil, earlier] {
            let reference = ShardState(
                province: 1, key: root, segments: segments, startDay: startDay, hire: { _ in profile }, hiredEarlier: hiredEarlier)
            #expect(reference.workers.count == start)
            for kernel in ShardKernel.allCases where kernel.isAvailable {
                let state = kernel.makeState(
                    province: 1, key: root, segments: segments, startDay: startDay, hire: { _ in profile }, hiredEarlier: hiredEarlier)
                #expect(state.workers.count == reference.workers.count)
                let same = zip(state.workers, reference.workers).allSatisfy(Self.sameBits)
                #expect(same, "\(kernel.rawValue), start day \(startDay), earlier bands \(hiredEarlier != nil)")
            }
            references.append(reference)
        }
        // Not vacuous: the retirement rule and the earlier phase's bands each move some holders.
        var churnOnly = profile
        churnOnly.retirement = nil
        let withoutRule = ShardState(province: 1, key: root, segments: segments, startDay: startDay, hire: { _ in churnOnly })
        #expect(zip(references[0].workers, withoutRule.workers).contains { $0.leaveDay != $1.leaveDay })
        #expect(zip(references[0].workers, references[1].workers).contains { !Self.sameBits($0, $1) })
    }

    /// The run-time choice: AVX2 only with every feature its build may use, AVX-512 only with
    /// every feature of its build and the operating system's support (XCR0), a forced name wins
    /// where the processor can run it and falls back to the best build it can run otherwise.
    @Test func eachBuildIsChosenOnlyWithItsFeatures() {
        let all = ShardKernel.avx2Flags
        let wide = ShardKernel.avx512Flags
        #expect(ShardKernel.choose(forced: nil, cpuFlags: [], avx512Usable: false) == .portable)
        #expect(ShardKernel.choose(forced: nil, cpuFlags: [], avx512Usable: true) == .portable)
        #expect(ShardKernel.choose(forced: nil, cpuFlags: all.subtracting(["fma"]), avx512Usable: false) == .portable)
        #expect(ShardKernel.choose(forced: "scalar", cpuFlags: wide, avx512Usable: true) == .scalar)
        #expect(ShardKernel.choose(forced: "portable", cpuFlags: wide, avx512Usable: true) == .portable)
        #expect(ShardKernel.choose(forced: "avx2", cpuFlags: [], avx512Usable: false) == .portable)
        #expect(ShardKernel.choose(forced: "avx512", cpuFlags: [], avx512Usable: false) == .portable)
        #if arch(x86_64)
            #expect(ShardKernel.choose(forced: nil, cpuFlags: all, avx512Usable: false) == .avx2)
            #expect(ShardKernel.choose(forced: "avx512", cpuFlags: all, avx512Usable: false) == .avx2)
            // The flags without the operating system's support, or one flag short, are not enough.
            #expect(ShardKernel.choose(forced: nil, cpuFlags: wide, avx512Usable: false) == .avx2)
            #expect(ShardKernel.choose(forced: nil, cpuFlags: wide.subtracting(["avx512vl"]), avx512Usable: true) == .avx2)
            #expect(ShardKernel.choose(forced: nil, cpuFlags: wide, avx512Usable: true) == .avx512)
            #expect(ShardKernel.choose(forced: "avx2", cpuFlags: wide, avx512Usable: true) == .avx2)
            #expect(ShardKernel.choose(forced: "avx512", cpuFlags: wide, avx512Usable: true) == .avx512)
        #else
            #expect(ShardKernel.choose(forced: nil, cpuFlags: wide, avx512Usable: true) == .portable)
        #endif
    }
}
