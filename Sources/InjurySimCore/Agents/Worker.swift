import Foundation

/// A worker slot on a platform in a province, and the person who currently fills it.
///
/// A slot is refilled by a new person when its holder leaves (churn, death, severe disability),
/// so distinct persons ever insured grow faster than active workers. Forty bytes per slot.
@usableFromInline package struct Worker: Sendable {
    /// Exposure left until the next accident, in expected accidents (an exponential clock).
    @usableFromInline package var clock: Double
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
    /// The slot's place in the take-up ramp, in 1/65536: covered when below the month's share.
    @usableFromInline package var takeUp: UInt16
    /// Bit 0: occasional worker. Bit 1: already counted as insured. Bit 2: also holds a slot on
    /// another platform (one person, two slots: each slot counts as half a person in the totals).
    @usableFromInline package var flags: UInt8

    @usableFromInline package static let occasionalFlag: UInt8 = 1
    @usableFromInline package static let insuredFlag: UInt8 = 2
    @usableFromInline package static let sharedFlag: UInt8 = 4

    @usableFromInline package var isOccasional: Bool { flags & Worker.occasionalFlag != 0 }
}
