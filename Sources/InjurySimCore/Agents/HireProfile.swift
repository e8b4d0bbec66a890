import Foundation

/// Parameters that shape a new person filling a slot (from the sector and risk inputs).
package struct HireProfile: Sendable {
    package var occasionalShare: Double
    package var shiftHours: Double
    package var shiftHoursSpread: Double
    package var longShiftHours: Double
    package var extraRiskPerLongHour: Double
    /// Probability of leaving on any given day (from the monthly churn rate).
    package let dailyLeaveProbability: Double
    /// log(1 − dailyLeaveProbability), computed once: the denominator of every tenure draw.
    let logStayProbability: Double

    package init(
        occasionalShare: Double, shiftHours: Double, shiftHoursSpread: Double, longShiftHours: Double,
        extraRiskPerLongHour: Double, churnPerMonth: Double
    ) {
        self.occasionalShare = occasionalShare
        self.shiftHours = shiftHours
        self.shiftHoursSpread = shiftHoursSpread
        self.longShiftHours = longShiftHours
        self.extraRiskPerLongHour = extraRiskPerLongHour
        self.dailyLeaveProbability = churnPerMonth <= 0 ? 0 : 1 - PortableMath.pow(1 - min(churnPerMonth, 0.999999), 12.0 / 365)
        self.logStayProbability = PortableMath.log1p(-dailyLeaveProbability)
    }

    /// Fills `worker` with a new person keyed by `person`, joining on `day`.
    package func hire(_ worker: inout Worker, person: StreamKey, day: Int) {
        join(&worker, person: person, day: day)
        worker.leaveDay = Int32(clamping: day + 1 + tenureDays(person.uniform(DrawPurpose.tenure.counter(day: day))))
    }

    /// Everything a hire sets but the leave day (which ``initial(person:takeUp:)`` draws otherwise).
    private func join(_ worker: inout Worker, person: StreamKey, day: Int) {
        worker.hireDay = Int32(clamping: day)
        worker.flags = person.uniform(DrawPurpose.occasional.counter(day: day)) < occasionalShare ? Worker.occasionalFlag : 0
        let z = Sample.inverseNormalCDF(person.uniform(DrawPurpose.shift.counter(day: day)))
        let hours = min(max(shiftHours + shiftHoursSpread * z, 1), 16)
        worker.shiftHours = Float(hours)
        worker.fatigue = Float(1 + extraRiskPerLongHour * max(0, hours - longShiftHours))
        worker.clock = -PortableMath.log(person.uniform(DrawPurpose.hireClock.counter(day: day)))
        worker.injuredUntil = Int32.min
    }

    /// A geometric number of days before leaving, from one uniform.
    func tenureDays(_ u: Double) -> Int {
        if dailyLeaveProbability <= 0 { return Int(Int32.max / 2) }
        // q > 0: truncation is floor below 2⁵², and above it q is already whole (no libm call).
        let q = PortableMath.log(u) / logStayProbability
        let days = q < 0x1.0p52 ? Double(Int64(q)) : q
        return Int(min(days, Double(Int32.max / 2)))
    }

    /// A slot at the start of the run: its holder joined a geometric number of days ago
    /// (the stationary age under constant churn) and, churn being memoryless, leaves after a
    /// fresh geometric number of days.
    package func initial(person: StreamKey, takeUp: UInt16) -> Worker {
        var worker = Worker(
            clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: Int32.min, generation: 0,
            shiftHours: 0, fatigue: 1, takeUp: takeUp, flags: 0)
        let age = tenureDays(person.uniform(DrawPurpose.initialAge.counter(day: 0)))
        join(&worker, person: person, day: -min(age, 3650))
        worker.leaveDay = Int32(clamping: 1 + tenureDays(person.uniform(DrawPurpose.tenure.counter(day: 0))))
        return worker
    }
}
