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
        let logs = PortableMath.log(
            pair: SIMD2(person.uniform(DrawPurpose.tenure.counter(day: day)), person.uniform(DrawPurpose.hireClock.counter(day: day))))
        join(&worker, person: person, day: day, logClockDraw: logs[1])
        worker.leaveDay = Int32(clamping: day + 1 + tenureDays(logDraw: logs[0]))
    }

    /// Everything a hire sets but the leave day (which ``initial(person:takeUp:)`` draws
    /// otherwise), given the logarithm of the hire's clock draw.
    private func join(_ worker: inout Worker, person: StreamKey, day: Int, logClockDraw: Double) {
        worker.hireDay = Int32(clamping: day)
        worker.flags = person.uniform(DrawPurpose.occasional.counter(day: day)) < occasionalShare ? Worker.occasionalFlag : 0
        let z = Sample.inverseNormalCDF(person.uniform(DrawPurpose.shift.counter(day: day)))
        let hours = min(max(shiftHours + shiftHoursSpread * z, 1), 16)
        worker.shiftHours = Float(hours)
        worker.fatigue = Float(1 + extraRiskPerLongHour * max(0, hours - longShiftHours))
        worker.clock = -logClockDraw
        worker.injuredUntil = Int32.min
    }

    /// A geometric number of days before leaving, from one uniform.
    func tenureDays(_ u: Double) -> Int {
        tenureDays(logDraw: PortableMath.log(u))
    }

    /// ``tenureDays(_:)`` given log u.
    private func tenureDays(logDraw: Double) -> Int {
        if dailyLeaveProbability <= 0 { return Int(Int32.max / 2) }
        // q > 0: truncation is floor below 2⁵², and above it q is already whole (no libm call).
        let q = logDraw / logStayProbability
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
        let logs = PortableMath.log(
            pair: SIMD2(person.uniform(DrawPurpose.initialAge.counter(day: 0)), person.uniform(DrawPurpose.tenure.counter(day: 0))))
        let age = tenureDays(logDraw: logs[0])
        let day = -min(age, 3650)
        join(&worker, person: person, day: day, logClockDraw: PortableMath.log(person.uniform(DrawPurpose.hireClock.counter(day: day))))
        worker.leaveDay = Int32(clamping: 1 + tenureDays(logDraw: logs[1]))
        return worker
    }
}
