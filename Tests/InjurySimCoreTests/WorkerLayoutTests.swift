import Testing

@testable import InjurySimCore

/// The 44-byte `Worker` keeps its 64-bit exposure clock and work-stream key as 32-bit halves:
/// they must come back with every bit, and without touching the other fields.
@Suite struct WorkerLayoutTests {
    @Test func aSlotIsFortyFourBytes() {
        #expect(MemoryLayout<Worker>.size == 43)
        #expect(MemoryLayout<Worker>.stride == 44)
        #expect(MemoryLayout<Worker>.alignment == 4)
    }

    @Test func clockAndKeyComeBackWithEveryBit() {
        let key = StreamKey(seed: 44)
        let clocks: [Double] = [0, -0.0, 1, -1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, -3.75, .infinity]
        var w = Worker(
            clock: 0, hireDay: -5, leaveDay: 90, injuredUntil: 7, generation: 3, shiftHours: 8.5, fatigue: 1.25, takeUp: 4000,
            flags: 5)
        for i in 0..<10_000 {
            let clock = i < clocks.count ? clocks[i] : Double(bitPattern: key.bits(UInt64(i)))
            let workKey = key.bits(UInt64(i) + 1_000_000)
            w.clock = clock
            w.workKey = workKey
            #expect(w.clock.bitPattern == clock.bitPattern)
            #expect(w.workKey == workKey)
        }
        #expect(w.hireDay == -5 && w.leaveDay == 90 && w.injuredUntil == 7 && w.generation == 3)
        #expect(w.shiftHours == 8.5 && w.fatigue == 1.25 && w.takeUp == 4000 && w.flags == 5)
        let made = Worker(
            clock: -2.5, hireDay: 0, leaveDay: 0, injuredUntil: 0, generation: 0, shiftHours: 0, fatigue: 0, takeUp: 0, flags: 0,
            workKey: 0xDEAD_BEEF_0123_4567)
        #expect(made.clock == -2.5 && made.workKey == 0xDEAD_BEEF_0123_4567)
    }

    /// The kernel reads the key's halves directly into its lanes: low half first.
    @Test func keyHalvesAreLowThenHigh() {
        var w = Worker(
            clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: 0, generation: 0, shiftHours: 0, fatigue: 0, takeUp: 0, flags: 0)
        w.workKey = 0x0123_4567_89AB_CDEF
        #expect(w.workKeyLow == 0x89AB_CDEF)
        #expect(w.workKeyHigh == 0x0123_4567)
    }
}
