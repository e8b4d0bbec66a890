import Testing

@testable import InjurySimCore

/// A group of lanes works out the new-worker period in 32-bit lanes
/// (`WorkerLanes.newWorkerLanes`) where the month allows it: each lane must get what the rule
/// gives one worker in whole `Int`s (`SegmentRules.hazard`: the multiplier while the first day
/// is before hire day + period, and the next event on the leave day or the period's end if
/// earlier, clamped to 32 bits) — at the ends of the 32-bit range, where the period's end
/// overflows them, and for padding lanes (multiplier 1, the leave day as given).
@Suite struct NewWorkerLanesTests {
    static let hireDays: [Int32] = [.min, .min + 1, -3_650, -1, 0, 30, 31, 100, 1 << 30, .max - 45, .max - 1, .max]
    static let leaveDays: [Int32] = [.min, -1, 0, 31, 50, 76, 500, 1 << 30, .max - 1, .max]

    @Test(arguments: [0, 1, 45, 3_650, 1 << 30])
    func eachLaneGetsTheRuleOfOneWorker(days: Int) {
        let multiplier = 1.8
        for firstDay in [0, 31, 59, -(1 << 40), 1 << 40, Int(Int32.max), Int(Int32.min), Int(Int32.max) - 100] {
            let month = SegmentMonth(
                coverage: 1, ordersPerHour: 2, hazardPerOrder: 0.001, fullTimeDailyProbability: 0.8, occasionalDailyProbability: 0.2,
                severityCumulative: [1], recoveryDays: [1], hire: HireLanesTests.profiles()[0], newWorkerDays: days,
                newWorkerMultiplier: multiplier, multiPlatformShare: 0)
            let segment = Segment(platform: 0, sector: 0, range: 0..<8, key: StreamKey(seed: 2810), firstSlot: 0)
            let rules = SegmentRules(segment: segment, context: month, province: 0, firstDay: firstDay, dayCount: 31)
            for offset in 0..<(Self.hireDays.count * Self.leaveDays.count) {
                var hires = SIMD8<Int32>()
                var leaves = SIMD8<Int32>()
                for lane in 0..<8 {
                    hires[lane] = Self.hireDays[(offset + lane) % Self.hireDays.count]
                    leaves[lane] = Self.leaveDays[(offset / Self.hireDays.count + 3 * lane) % Self.leaveDays.count]
                }
                var lanes = WorkerLanes()
                lanes.count = 1 + offset % 8
                let (factor, next) = lanes.newWorkerLanes(hireDays: hires, leaveDays: leaves, rules: rules)
                for lane in 0..<8 {
                    var expectedFactor = 1.0
                    var expectedNext = leaves[lane]
                    if lane < lanes.count {
                        let newUntil = Int(hires[lane]) + days
                        if firstDay < newUntil {
                            expectedFactor = multiplier
                            expectedNext = Int32(clamping: min(Int(leaves[lane]), newUntil))
                        }
                    }
                    #expect(factor[lane] == expectedFactor, "hired \(hires[lane]) first day \(firstDay) period \(days) lane \(lane)")
                    #expect(next[lane] == expectedNext, "hired \(hires[lane]) leaves \(leaves[lane]) first day \(firstDay) period \(days)")
                }
            }
        }
    }
}
