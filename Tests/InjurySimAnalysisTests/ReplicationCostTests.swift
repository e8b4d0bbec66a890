import InjurySimAnalysis
import Testing

/// A replication's cost is a fixed part plus a part per worker slot, the line through two
/// measured runs; noise that would make a part negative is not carried into the prediction.
@Suite struct ReplicationCostTests {
    typealias Sample = ReplicationCost.Sample

    @Test func theLineThroughTwoSamplesPredictsOtherSlotCounts() {
        let cost = ReplicationCost(
            low: Sample(slots: 100, cpuSeconds: 1.1, peakBytes: 110), high: Sample(slots: 300, cpuSeconds: 3.1, peakBytes: 130))
        #expect(abs(cost.fixedSeconds - 0.1) < 1e-9)
        #expect(abs(cost.secondsPerSlot - 0.01) < 1e-12)
        #expect(abs(cost.fixedBytes - 100) < 1e-9)
        #expect(abs(cost.bytesPerSlot - 0.1) < 1e-12)
        #expect(abs(cost.seconds(slots: 10_000) - 100.1) < 1e-6)
        // Replications in flight share the fixed part and each hold their slots.
        #expect(abs(cost.bytes(slots: 1000, inFlight: 4) - (100 + 4 * 100)) < 1e-6)
        #expect(cost.bytes(slots: 1000, inFlight: 0) == cost.bytes(slots: 1000, inFlight: 1))
    }

    static let noisy: [(Sample, Sample, Double, Double)] = [
        // (low, high, fixed, per slot): noise the line must not carry into the prediction.
        (Sample(slots: 100, cpuSeconds: 2, peakBytes: 0), Sample(slots: 300, cpuSeconds: 1.5, peakBytes: 0), 2.0, 0.0),  // falls: all fixed
        (Sample(slots: 100, cpuSeconds: 1, peakBytes: 0), Sample(slots: 100, cpuSeconds: 1.2, peakBytes: 0), 1.2, 0.0),  // same slots
        (Sample(slots: 100, cpuSeconds: 0.5, peakBytes: 0), Sample(slots: 300, cpuSeconds: 3, peakBytes: 0), 0.0, 0.01)  // intercept < 0
    ]

    @Test(arguments: noisy)
    func noiseGivesNoNegativePart(low: Sample, high: Sample, fixed: Double, perSlot: Double) {
        let cost = ReplicationCost(low: low, high: high)
        #expect(abs(cost.fixedSeconds - fixed) < 1e-9)
        #expect(abs(cost.secondsPerSlot - perSlot) < 1e-12)
        // Never below the larger sample at its own slots.
        #expect(cost.seconds(slots: max(low.slots, high.slots)) >= max(low.cpuSeconds, high.cpuSeconds) - 1e-9)
    }

    static let fractions: [(Double, Double, Double, Double)] = [
        (1.0, 0.01, 0.01, 0.03),  // far above: measure at F and 3F
        (1.0, 0.0123456, 0.0123, 0.037),  // 3 significant digits
        (0.02, 0.01, 0.00667, 0.02),  // below 3F: the study's own fraction and a third of it (3 digits)
        (0.000002, 0.01, 0.000001, 0.000002)  // never below the smallest fraction
    ]

    @Test(arguments: fractions)
    func measurementFractions(study: Double, measure: Double, low: Double, high: Double) {
        let fractions = ReplicationCost.measurementFractions(study: study, measure: measure, smallest: 0.000001)
        #expect(abs(fractions.low - low) < 1e-12)
        #expect(abs(fractions.high - high) < 1e-15)
    }
}
