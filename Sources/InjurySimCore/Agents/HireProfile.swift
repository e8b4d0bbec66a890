import Foundation

/// Parameters that shape a new person filling a slot (from the sector and risk inputs).
@usableFromInline package struct HireProfile: Sendable {
    @usableFromInline package var occasionalShare: Double
    @usableFromInline package var shiftHours: Double
    @usableFromInline package var shiftHoursSpread: Double
    @usableFromInline package var longShiftHours: Double
    @usableFromInline package var extraRiskPerLongHour: Double
    /// Probability of leaving on any given day (from the monthly churn rate).
    @usableFromInline package let dailyLeaveProbability: Double
    /// log(1 − dailyLeaveProbability), computed once: the denominator of every tenure draw.
    @usableFromInline let logStayProbability: Double
    /// Who the sector hires and when they retire (nil: nobody retires, as in rule tests that
    /// need only churn).
    @usableFromInline package var retirement: Retirement?

    /// The age bands (``Scenario/Sector/ageBandEdges``) and share of men of a sector's hires.
    @usableFromInline package typealias People = (bands: [Double], maleShare: Double)

    /// Exit at the statutory retirement age: a person leaves their slot on the day they reach it
    /// (``RetirementAge``, by sex and birth cohort), unless churn takes them earlier.
    @usableFromInline package struct Retirement: Sendable {
        /// The hires' age bands and share of men: those ``ClaimBuilder`` reads, so the age a
        /// person retires at and the age their claims state agree.
        @usableFromInline package var table: WorkerAge.Table
        package var maleShare: Double
        @usableFromInline package let rule: RetirementAge
        /// ``RetirementAge/youngest`` of `rule`, worked out once (two divisions a hire otherwise).
        @usableFromInline let youngest: Double
        /// The calendar year at day 0 of the chain's clock, fractional (March 2022: 2022 + 2/12).
        package var chainStartYear: Double

        package init(bands: [Double], maleShare: Double, rule: RetirementAge, chainStartYear: Double) {
            self.table = WorkerAge.Table(bands: bands)
            self.maleShare = maleShare
            self.rule = rule
            self.youngest = rule.youngest
            self.chainStartYear = chainStartYear
        }

        /// The first day on which the person hired on `hireDay` (chain day) has reached the
        /// retirement age, at least the day after the hire: their age at hire and sex are drawn
        /// from their stream as the claim builder draws them (``WorkerAge/atHire``), with
        /// `people` (the sector's own when nil), and their birth year is the calendar year of
        /// the hire day less the age at hire (365.25 days a year, as a claim's age counts).
        @usableFromInline package func day(person: StreamKey, hireDay: Int, people: People? = nil) -> Int {
            // Branches, not `??`: its autoclosure copied the whole rule (tables retained) per hire.
            let hire: (age: Double, isMale: Bool)
            if let people {
                hire = WorkerAge.atHire(person: person, hireDay: hireDay, bands: people.bands, maleShare: people.maleShare)
            } else {
                hire = WorkerAge.atHire(person: person, hireDay: hireDay, table: table, maleShare: maleShare)
            }
            let birth = chainStartYear + Double(hireDay) / 365.25 - hire.age
            let days = (rule.age(birth: birth, isMale: hire.isMale) - hire.age) * 365.25
            return hireDay + max(1, PortableMath.ceiledInt(min(days, Double(Int32.max / 4))))
        }

        /// `min(churns, day(person:hireDay:))`, without working out the retirement day when it
        /// cannot come first: the person's age at hire is at most their band's upper edge
        /// (``WorkerAge/Table/ageAtMost(_:)``, one draw) and the retirement age at least the
        /// rule's youngest (``RetirementAge/youngest``), so — every step of ``day`` rising with
        /// the retirement age and falling with the age at hire, and rounding being monotone —
        /// the retirement day is at least the hire day plus `(youngest − upper edge) × 365.25`
        /// rounded up. Where that is not before `churns`, churn decides and the second draw,
        /// the division within the band and the cohort's rule are skipped (most hires are decades
        /// from retirement); the result is the same integer either way (`RetirementExitTests`).
        @inlinable @inline(__always)
        package func leaveDay(person: StreamKey, hireDay: Int, churns: Int) -> Int {
            let u = person.uniform(DrawPurpose.ageAtHire.counter(day: hireDay))
            let atLeast = min((youngest - table.ageAtMost(u)) * 365.25, Double(Int32.max / 4))
            if atLeast >= Double(churns - hireDay) { return churns }
            return min(churns, day(person: person, hireDay: hireDay))
        }
    }

    /// Redraws of an initial holder's time in the slot, at most, when the drawn holder would
    /// have retired before the start (the rejection that gives the stationary ages).
    @usableFromInline static let initialAttempts = 64

    package init(
        occasionalShare: Double, shiftHours: Double, shiftHoursSpread: Double, longShiftHours: Double,
        extraRiskPerLongHour: Double, churnPerMonth: Double, retirement: Retirement? = nil
    ) {
        self.retirement = retirement
        self.occasionalShare = occasionalShare
        self.shiftHours = shiftHours
        self.shiftHoursSpread = shiftHoursSpread
        self.longShiftHours = longShiftHours
        self.extraRiskPerLongHour = extraRiskPerLongHour
        self.dailyLeaveProbability = churnPerMonth <= 0 ? 0 : 1 - PortableMath.pow(1 - min(churnPerMonth, 0.999999), 12.0 / 365)
        self.logStayProbability = PortableMath.log1p(-dailyLeaveProbability)
    }

    /// Fills `worker` with a new person keyed by `person`, joining on `day`. They leave on the
    /// earlier of their churn day and the day they reach the retirement age (``Retirement/day``:
    /// two more uniforms, the age and sex the claim builder would draw).
    @inlinable
    package func hire(_ worker: inout Worker, person: StreamKey, day: Int) {
        let logs = PortableMath.log(
            pair: SIMD2(person.uniform(DrawPurpose.tenure.counter(day: day)), person.uniform(DrawPurpose.hireClock.counter(day: day))))
        join(&worker, person: person, day: day, logClockDraw: logs[1])
        setLeaveDay(&worker, person: person, day: day, logTenureDraw: logs[0])
    }

    /// A hire's leave day, given the logarithm of its tenure draw.
    @inlinable
    func setLeaveDay(_ worker: inout Worker, person: StreamKey, day: Int, logTenureDraw: Double) {
        let churns = day + 1 + tenureDays(logDraw: logTenureDraw)
        // The earlier of leaving by churn and reaching the retirement age. Optional chaining
        // reads the rule in place: `if let` copied it (its tables retained and released) per hire.
        worker.leaveDay = Int32(clamping: retirement?.leaveDay(person: person, hireDay: day, churns: churns) ?? churns)
    }

    /// Everything a hire sets but the leave day (which ``initial(person:takeUp:)`` draws
    /// otherwise), given the logarithm of the hire's clock draw.
    @inlinable
    func join(_ worker: inout Worker, person: StreamKey, day: Int, logClockDraw: Double) {
        join(
            &worker, day: day, occasionalDraw: person.uniform(DrawPurpose.occasional.counter(day: day)),
            shiftDraw: person.uniform(DrawPurpose.shift.counter(day: day)), logClockDraw: logClockDraw)
    }

    /// ``join(_:person:day:logClockDraw:)`` given the person's occasional and shift uniforms.
    @inlinable
    func join(_ worker: inout Worker, day: Int, occasionalDraw: Double, shiftDraw: Double, logClockDraw: Double) {
        worker.hireDay = Int32(clamping: day)
        worker.flags = occasionalDraw < occasionalShare ? Worker.occasionalFlag : 0
        let z = Sample.inverseNormalCDF(shiftDraw)
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
    @inlinable
    func tenureDays(logDraw: Double) -> Int {
        if dailyLeaveProbability <= 0 { return Int(Int32.max / 2) }
        // q > 0: truncation is floor below 2⁵², and above it q is already whole (no libm call).
        let q = logDraw / logStayProbability
        let days = q < 0x1.0p52 ? Double(Int64(q)) : q
        return Int(min(days, Double(Int32.max / 2)))
    }

    /// A slot at the start of the run, day `startDay` of the chain's clock: its holder joined a
    /// geometric number of days ago (the stationary time in the slot under constant churn, at
    /// most 3,650 days) and, churn being memoryless, leaves after a fresh geometric number of
    /// days, or on reaching the retirement age if earlier. A drawn holder who would have retired
    /// by the start is not at work: the time in the slot is drawn again (rejection, so the
    /// holders' entry ages and times in the slot are those of the steady state with exits at
    /// retirement). `hiredEarlier` gives the age bands the claim builder reads for a person hired
    /// on a day before `startDay` (an earlier phase's sector; nil: this profile's own).
    package func initial(
        person: StreamKey, takeUp: UInt16, startDay: Int = 0, hiredEarlier: ((Int) -> People?)? = nil
    ) -> Worker {
        var worker = Worker(
            clock: 0, hireDay: 0, leaveDay: 0, injuredUntil: Int32.min, generation: 0,
            shiftHours: 0, fatigue: 1, takeUp: takeUp, flags: 0)
        let logs = PortableMath.log(
            pair: SIMD2(person.uniform(DrawPurpose.initialAge.counter(day: 0)), person.uniform(DrawPurpose.tenure.counter(day: 0))))
        let (day, retires) = initialHire(
            person: person, logAgeDraw: logs[0], startDay: startDay, churns: initialChurns(startDay: startDay, logTenureDraw: logs[1]),
            hiredEarlier: hiredEarlier)
        join(&worker, person: person, day: day, logClockDraw: PortableMath.log(person.uniform(DrawPurpose.hireClock.counter(day: day))))
        finishInitial(&worker, startDay: startDay, logTenureDraw: logs[1], retires: retires)
        return worker
    }

    /// An initial holder's hire day (relative to `startDay`, at most 3,650 days back) and
    /// retirement day, from the logarithm of the first time-in-slot draw: redrawn while the
    /// holder would have retired by the start (``initialAttempts`` at most). `churns` is the
    /// holder's leave day by churn (``initialChurns(startDay:logTenureDraw:)``, after the start):
    /// where the retirement day cannot come before it, `retires` is `churns`
    /// (``Retirement/leaveDay(person:hireDay:churns:)``), which ``finishInitial`` turns into the
    /// same leave day, and the holder was not retired at the start.
    @inlinable @inline(__always)
    func initialHire(
        person: StreamKey, logAgeDraw: Double, startDay: Int, churns: Int, hiredEarlier: ((Int) -> People?)?
    ) -> (day: Int, retires: Int) {
        var day = -min(tenureDays(logDraw: logAgeDraw), 3650)
        var retires = Int.max
        // Optional chaining reads the rule in place (`if let` would copy it, tables retained).
        if retirement != nil {
            for attempt in 0..<Self.initialAttempts {
                if attempt > 0 {
                    day = -min(tenureDays(logDraw: PortableMath.log(person.uniform(DrawPurpose.initialAge.counter(day: attempt)))), 3650)
                }
                // An earlier phase's bands: the whole rule; this profile's own: the bound first.
                if let people = hiredEarlier?(startDay + day) {
                    retires = retirement?.day(person: person, hireDay: startDay + day, people: people) ?? Int.max
                } else {
                    retires = retirement?.leaveDay(person: person, hireDay: startDay + day, churns: churns) ?? Int.max
                }
                if retires > startDay { break }
            }
        }
        return (day, retires)
    }

    /// An initial holder's leave day by churn: a fresh geometric number of days after the start.
    @inlinable
    func initialChurns(startDay: Int, logTenureDraw: Double) -> Int {
        startDay + 1 + tenureDays(logDraw: logTenureDraw)
    }

    /// An initial holder's days moved to `startDay`, and the leave day: a fresh churn draw
    /// (its logarithm given) or the retirement day, if earlier, at least the day after the start.
    @inlinable
    func finishInitial(_ worker: inout Worker, startDay: Int, logTenureDraw: Double, retires: Int) {
        worker.hireDay = worker.hireDay &+ Int32(clamping: startDay)
        let churns = initialChurns(startDay: startDay, logTenureDraw: logTenureDraw)
        worker.leaveDay = Int32(clamping: max(startDay + 1, min(churns, retires)))
    }
}
