import Foundation

/// A worker slot on a platform in a province, and the person who currently fills it.
///
/// A slot is refilled by a new person when its holder leaves (churn, death, severe disability),
/// so distinct persons ever insured grow faster than active workers. Forty bytes per slot.
public struct Worker: Sendable {
    /// Exposure left until the next accident, in expected accidents (an exponential clock).
    public var clock: Double
    /// Day (from the scenario start) the current person joined; negative for the initial population.
    public var hireDay: Int32
    /// Day the current person leaves; the slot is refilled that day.
    public var leaveDay: Int32
    /// First day the person can work again after an accident.
    public var injuredUntil: Int32
    /// How many persons have filled this slot before the current one.
    public var generation: UInt32
    /// The person's usual shift length, hours.
    public var shiftHours: Float
    /// The person's fatigue factor: extra risk from long shifts.
    public var fatigue: Float
    /// The slot's place in the take-up ramp, in 1/65536: covered when below the month's share.
    public var takeUp: UInt16
    /// Bit 0: occasional worker. Bit 1: already counted as insured.
    public var flags: UInt8

    static let occasionalFlag: UInt8 = 1
    static let insuredFlag: UInt8 = 2

    public var isOccasional: Bool { flags & Worker.occasionalFlag != 0 }
}

/// Counter layout of a person's stream: `day << 6 | purpose`, so each day has 64 draws.
public enum DrawPurpose: UInt64 {
    case works = 0, accidentClock = 1, severity = 2, recovery = 3
    case occasional = 8, shift = 9, tenure = 10, hireClock = 11, initialAge = 12
    /// Age and sex at hire, drawn on the hire day (read only when the person has an accident).
    case ageAtHire = 13, sex = 14
    /// First counter used when building a claim (reporting delay, recognition, medical cost…).
    case claim = 32

    /// The counter for this purpose on `day`.
    @inlinable
    public func counter(day: Int) -> UInt64 {
        (UInt64(bitPattern: Int64(day)) << 6) | rawValue
    }
}

/// Parameters that shape a new person filling a slot (from the sector and risk inputs).
public struct HireProfile: Sendable {
    public var occasionalShare: Double
    public var shiftHours: Double
    public var shiftHoursSpread: Double
    public var longShiftHours: Double
    public var extraRiskPerLongHour: Double
    /// Probability of leaving on any given day (from the monthly churn rate).
    public var dailyLeaveProbability: Double

    public init(occasionalShare: Double, shiftHours: Double, shiftHoursSpread: Double, longShiftHours: Double,
                extraRiskPerLongHour: Double, churnPerMonth: Double) {
        self.occasionalShare = occasionalShare
        self.shiftHours = shiftHours
        self.shiftHoursSpread = shiftHoursSpread
        self.longShiftHours = longShiftHours
        self.extraRiskPerLongHour = extraRiskPerLongHour
        self.dailyLeaveProbability = churnPerMonth <= 0 ? 0 : 1 - PortableMath.pow(1 - min(churnPerMonth, 0.999999), 12.0 / 365)
    }

    /// Fills `worker` with a new person keyed by `person`, joining on `day`.
    public func hire(_ worker: inout Worker, person: StreamKey, day: Int) {
        worker.hireDay = Int32(clamping: day)
        worker.flags = person.uniform(DrawPurpose.occasional.counter(day: day)) < occasionalShare ? Worker.occasionalFlag : 0
        let z = Sample.inverseNormalCDF(person.uniform(DrawPurpose.shift.counter(day: day)))
        let hours = min(max(shiftHours + shiftHoursSpread * z, 1), 16)
        worker.shiftHours = Float(hours)
        worker.fatigue = Float(1 + extraRiskPerLongHour * max(0, hours - longShiftHours))
        worker.leaveDay = Int32(clamping: day + 1 + tenureDays(person.uniform(DrawPurpose.tenure.counter(day: day))))
        worker.clock = -PortableMath.log(person.uniform(DrawPurpose.hireClock.counter(day: day)))
        worker.injuredUntil = Int32.min
    }

    /// A geometric number of days before leaving, from one uniform.
    func tenureDays(_ u: Double) -> Int {
        if dailyLeaveProbability <= 0 { return Int(Int32.max / 2) }
        return Int(min((PortableMath.log(u) / PortableMath.log1p(-dailyLeaveProbability)).rounded(.down), Double(Int32.max / 2)))
    }

    /// A slot at the start of the run: its holder joined a geometric number of days ago
    /// (the stationary age under constant churn) and, churn being memoryless, leaves after a
    /// fresh geometric number of days.
    public func initial(person: StreamKey, takeUp: UInt16) -> Worker {
        var worker = Worker(clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: Int32.min, generation: 0,
                            shiftHours: 0, fatigue: 1, takeUp: takeUp, flags: 0)
        let age = tenureDays(person.uniform(DrawPurpose.initialAge.counter(day: 0)))
        hire(&worker, person: person, day: -min(age, 3650))
        worker.leaveDay = Int32(clamping: 1 + tenureDays(person.uniform(DrawPurpose.tenure.counter(day: 0))))
        return worker
    }
}
