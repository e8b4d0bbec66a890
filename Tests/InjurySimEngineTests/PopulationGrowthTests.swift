import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// A sector's workers grow along their path without new slots: slots are allocated for the
/// largest ceiling the input can draw, and a slot holds a worker while its take-up position is
/// below coverage × m(t) / K_max (`PopulationPlan.ceiling`, `workforceShare`, `SegmentRules`).
/// Without the new inputs nothing changes: the same slots, the same orders path bit for bit.
@Suite struct PopulationGrowthTests {
    static func growing(workers: Int = 1_000, growth: Param = .fixed(0.1), saturation: Param) -> Scenario {
        var s = TinyScenario.make(workers: workers, months: 120)
        s.sectors[0].workersGrowthPerYear = growth
        s.sectors[0].workersSaturation = saturation
        return s
    }

    /// Slots are the starting workers × the largest ceiling; without growth, the workers.
    @Test func slotsAreAllocatedForTheLargestCeiling() {
        #expect(PopulationPlan.slotCounts(TinyScenario.make(workers: 1_000)) == [[1_000]])
        #expect(PopulationPlan.slotCounts(Self.growing(saturation: .fixed(3))) == [[3_000]])
        let uncertain = Self.growing(saturation: Param(.uniform(low: 1.5, high: 2.5), bounds: 1...1000))
        #expect(PopulationPlan.slotCounts(uncertain) == [[2_500]])
        // A ceiling without growth allocates nothing extra.
        var flat = TinyScenario.make(workers: 1_000)
        flat.sectors[0].workersSaturation = .fixed(4)
        #expect(PopulationPlan.slotCounts(flat) == [[1_000]])
    }

    /// The month's workforce share is m(t) / K_max on the chain's clock, with the replication's
    /// drawn growth and ceiling; without growth it is exactly 1, and the orders path is exactly
    /// the old (1 + g)^t.
    @Test(arguments: [0, 1, 12, 37, 119])
    func theWorkforceShareFollowsThePath(month: Int) {
        let s = Self.growing(growth: .fixed(0.15), saturation: Param(.uniform(low: 2, high: 4), bounds: 1...1000))
        var drawn = s
        drawn.uncertainty = true
        let coordinator = ReplicationCoordinator(scenario: drawn)
        let inputs = ReplicationInputs(scenario: drawn, replication: 2)
        let k = inputs.sectors[0].workersSaturation
        #expect(k > 2 && k < 4)
        let context = coordinator.monthContexts(inputs: inputs, month: month)[0][0]
        let expected = GrowthPath.multiple(years: Double(month) / 12, growthPerYear: 0.15, saturation: k) / 4
        #expect(abs(context.workforceShare - expected) < 1e-12)

        var plain = TinyScenario.make(months: 120)
        plain.sectors[0].ordersGrowthPerYear = .fixed(0.07)
        let flat = ReplicationCoordinator(scenario: plain).monthContexts(inputs: ReplicationInputs(scenario: plain, replication: 2), month: month)[0][
            0]
        #expect(flat.workforceShare == 1)
        #expect(flat.ordersPerHour == 3 * PortableMath.pow(1.07, Double(month) / 12))
    }

    /// With `ordersSaturation` orders per hour follow the logistic toward the ceiling.
    @Test(arguments: [6, 60, 119])
    func ordersPerHourSaturate(month: Int) {
        var s = TinyScenario.make(months: 120)
        s.sectors[0].ordersGrowthPerYear = .fixed(0.2)
        s.sectors[0].ordersSaturation = .fixed(1.5)
        let context = ReplicationCoordinator(scenario: s).monthContexts(inputs: ReplicationInputs(scenario: s, replication: 0), month: month)[0][0]
        let t = Double(month) / 12
        #expect(abs(context.ordersPerHour - 3 * 1.5 / (1 + 0.5 * pow(1.2, -3 * t))) < 1e-9)
        #expect(context.ordersPerHour < 3 * pow(1.2, t) && context.ordersPerHour < 4.5)
    }

    /// The inputs a scenario without the new fields draws are the ones it drew before: every
    /// old input's value is its own stream's draw, and the new ones are their defaults.
    @Test func aScenarioWithoutTheNewInputsDrawsAsBefore() {
        var s = TinyScenario.make()
        s.uncertainty = true
        s.sectors[0].churnPerMonth = Param(.uniform(low: 0.02, high: 0.08), bounds: 0...1)
        s.sectors[0].ordersGrowthPerYear = Param(.uniform(low: 0, high: 0.1), bounds: -0.9...5)
        let inputs = ReplicationInputs(scenario: s, replication: 4)
        let root = StreamKey(seed: s.seed).child(4)
        #expect(inputs.sectors[0].churnPerMonth == s.sectors[0].churnPerMonth.draw(root.child(named: "input/sectors.delivery.churnPerMonth")))
        #expect(
            inputs.sectors[0].ordersGrowthPerYear
                == s.sectors[0].ordersGrowthPerYear.draw(root.child(named: "input/sectors.delivery.ordersGrowthPerYear")))
        #expect(inputs.sectors[0].workersGrowthPerYear == 0 && inputs.sectors[0].workersSaturation == 1)
        #expect(inputs.sectors[0].ordersSaturation == 1)
    }

    /// Covered slots follow m(t): the share of slots whose take-up position is below the month's
    /// threshold is m(t) / K within five binomial standard errors, every year for ten years.
    @Test func coveredSlotsFollowThePath() {
        let s = Self.growing(workers: 4_000, growth: .fixed(0.3), saturation: .fixed(2.5))
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let state = coordinator.shardState(index: 0, inputs: inputs)
        let slots = Double(state.workers.count)
        #expect(slots == 10_000)
        for month in stride(from: 0, to: 120, by: 12) {
            let context = coordinator.monthContexts(inputs: inputs, month: month)[0][0]
            let rules = SegmentRules(segment: state.segments[0], context: context, province: 0, firstDay: 0, dayCount: 30)
            let covered = Double(state.workers.filter { rules.isCovered($0) }.count)
            let share = GrowthPath.multiple(years: Double(month) / 12, growthPerYear: 0.3, saturation: 2.5) / 2.5
            let sd = (slots * share * (1 - share)).squareRoot()
            #expect(abs(covered - slots * share) < 5 * sd + 1, "month \(month): \(covered) of \(slots), expected \(slots * share)")
        }
    }

    /// The chain trace reports the pair's living slots (allocated × the workforce share).
    @Test func theTraceReportsTheLivingSlots() async {
        let s = Self.growing(workers: 400, growth: .fixed(0.5), saturation: .fixed(2))
        var short = s
        short.months = 13
        let trace = await ReplicationCoordinator(scenario: short).trace(replication: 0)
        let first = trace.rows.first!, last = trace.rows.last!
        #expect(abs(first.slots - 400) < 1e-9)
        #expect(abs(last.slots - 800 * GrowthPath.multiple(years: 1, growthPerYear: 0.5, saturation: 2) / 2) < 1e-9)
    }
}
