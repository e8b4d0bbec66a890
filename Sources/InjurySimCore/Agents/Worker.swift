import Foundation

/// A worker slot on a platform in a province, and the person who currently fills it.
///
/// A slot is refilled by a new person when its holder leaves (churn, death, severe disability),
/// so distinct persons ever insured grow faster than active workers.
///
/// Forty-four bytes per slot: every stored field is at most four bytes wide, so the struct is
/// 4-byte aligned and has no padding; the two 64-bit fields (the exposure clock and the
/// work-stream key) are kept as halves and read and written whole through ``clock`` and
/// ``workKey`` (the same bits).
@usableFromInline package struct Worker: Sendable {
    @usableFromInline var clockLow: UInt32
    @usableFromInline var clockHigh: UInt32
    /// Day (from the scenario start) the current person joined; negative for the initial population.
    @usableFromInline package var hireDay: Int32
    /// Day the current person leaves; the slot is refilled that day.
    @usableFromInline package var leaveDay: Int32
    /// First day the person can work again after an accident.
    @usableFromInline package var injuredUntil: Int32
    /// How many persons have filled this slot before the current one.
    @usableFromInline package var generation: UInt32
    /// The person's usual shift length, hours.
    @usableFromInline package var shiftHours: Float
    /// The person's fatigue factor: extra risk from long shifts.
    @usableFromInline package var fatigue: Float
    @usableFromInline var workKeyLow: UInt32
    @usableFromInline var workKeyHigh: UInt32
    /// The slot's place in the take-up ramp, in 1/65536: covered when below the month's share.
    @usableFromInline package var takeUp: UInt16
    /// Bit 0: occasional worker. Bit 1: already counted as insured. Bit 2: also holds a slot on
    /// another platform (one person, two slots: each slot counts as half a person in the totals).
    @usableFromInline package var flags: UInt8

    @usableFromInline package static let occasionalFlag: UInt8 = 1
    @usableFromInline package static let insuredFlag: UInt8 = 2
    @usableFromInline package static let sharedFlag: UInt8 = 4

    @inlinable
    package init(
        clock: Double, hireDay: Int32, leaveDay: Int32, injuredUntil: Int32, generation: UInt32, shiftHours: Float, fatigue: Float,
        takeUp: UInt16, flags: UInt8, workKey: UInt64 = 0
    ) {
        clockLow = UInt32(truncatingIfNeeded: clock.bitPattern)
        clockHigh = UInt32(truncatingIfNeeded: clock.bitPattern &>> 32)
        self.hireDay = hireDay
        self.leaveDay = leaveDay
        self.injuredUntil = injuredUntil
        self.generation = generation
        self.shiftHours = shiftHours
        self.fatigue = fatigue
        workKeyLow = UInt32(truncatingIfNeeded: workKey)
        workKeyHigh = UInt32(truncatingIfNeeded: workKey &>> 32)
        self.takeUp = takeUp
        self.flags = flags
    }

    /// Exposure left until the next accident, in expected accidents (an exponential clock).
    @inlinable
    package var clock: Double {
        @inline(__always) get { Double(bitPattern: UInt64(clockHigh) &<< 32 | UInt64(clockLow)) }
        @inline(__always) set {
            clockLow = UInt32(truncatingIfNeeded: newValue.bitPattern)
            clockHigh = UInt32(truncatingIfNeeded: newValue.bitPattern &>> 32)
        }
    }

    /// The current person's work-stream key (``WorkStream/key(person:)``), kept so that a month's
    /// work decisions need no 64-bit hashing.
    @inlinable
    package var workKey: UInt64 {
        @inline(__always) get { UInt64(workKeyHigh) &<< 32 | UInt64(workKeyLow) }
        @inline(__always) set {
            workKeyLow = UInt32(truncatingIfNeeded: newValue)
            workKeyHigh = UInt32(truncatingIfNeeded: newValue &>> 32)
        }
    }

    @usableFromInline package var isOccasional: Bool { flags & Worker.occasionalFlag != 0 }
}
