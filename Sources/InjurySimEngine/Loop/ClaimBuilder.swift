import InjurySimCore

/// The claim an accident becomes: reporting delay, recognition, medical cost, care need, the
/// injured person's age and dependants, and the payment schedule — every draw from the injured
/// person's own stream, so a claim does not depend on which shard or thread saw the accident.
package struct ClaimBuilder: Sendable {
    /// What the coordinator needs of a claim.
    package struct Built: Sendable {
        package var recognised: Bool
        /// Month index in which the fund learns of the claim (may lie beyond the horizon).
        package var reportMonth: Int
        /// Empty when the claim is not recognised.
        package var schedule: ClaimSchedule
    }

    package let scenario: Scenario
    package let inputs: ReplicationInputs
    package let calendar: SimulationCalendar
    private let shocks: ShockMultipliers

    package init(scenario: Scenario, inputs: ReplicationInputs, calendar: SimulationCalendar) {
        self.scenario = scenario
        self.inputs = inputs
        self.calendar = calendar
        self.shocks = ShockMultipliers(scenario: scenario, inputs: inputs)
    }

    /// The claim of `event`, an accident in month index `month`.
    package func claim(for event: AccidentEvent, month: Int) -> Built {
        let s = scenario
        let day = Int(event.day)
        var cursor = RandomCursor(key: event.person, counter: DrawPurpose.claim.counter(day: day))
        let sector = inputs.sectors[s.platforms[Int(event.platform)].sector]
        let delay = Int((Sample.standardExponential(&cursor) * inputs.reportingDelayDays).rounded(.down))
        let reportMonth = calendar.month(ofDay: day + delay)
        let recognised = cursor.uniform() < sector.recognitionProbability
        let group = event.severity.group.rawValue
        let medicalShock = shocks.product(month: month, province: Int(event.province), platform: Int(event.platform), \.medicalCost)
        let inflation = PortableMath.pow(1 + inputs.medicalInflationPerYear, Double(month) / 12)
        let mean = sector.medicalCostMeanYuan[group] * medicalShock * inflation
        let sigma = sector.medicalCostSigma
        let medical = Sample.lognormal(median: mean * PortableMath.exp(-sigma * sigma / 2), sigma: sigma, &cursor)
        let grade = event.severity.grade ?? 11
        let needsCare = grade <= 4 && cursor.uniform() < inputs.careNeedProbability[grade - 1]
        guard recognised else {
            return Built(recognised: false, reportMonth: reportMonth, schedule: ClaimSchedule(fundPayments: [], platformPayments: []))
        }
        let year = s.startMonth.adding(months: month).year
        let sectorInputs = s.sectors[s.platforms[Int(event.platform)].sector]
        let hire = WorkerAge.atHire(
            person: event.person, hireDay: Int(event.hireDay), bands: sectorInputs.ageBands,
            maleShare: sectorInputs.maleShare)
        let age = hire.age + Double(day + delay - Int(event.hireDay)) / 365.25
        let dependants = event.severity == .death ? self.dependants(workerAge: age, &cursor) : []
        let facts = ClaimFacts(
            severity: event.severity, reportMonth: reportMonth,
            wageBaseYuan: inputs.wageBase(province: Int(event.province), year: year, startYear: s.startMonth.year),
            urbanIncomePreviousYearYuan: ReplicationInputs.urbanIncome(
                year: year - 1, table: s.benefits.urbanIncomeByYear,
                growth: inputs.urbanIncomeGrowthPerYear),
            medicalCostYuan: medical, needsCare: needsCare, daysOff: Int(event.daysOff), ageYears: age, isMale: hire.isMale,
            dependants: dependants)
        return Built(recognised: true, reportMonth: reportMonth, schedule: inputs.claimRules.schedule(for: facts))
    }

    /// The relatives who qualify for a pension after a death: Poisson numbers of children and
    /// parents, a spouse with the scenario's probability. Children are younger than the support
    /// age and at least 18 years younger than the worker; parents and a spouse qualify only from
    /// age 55 (MOLSS Order No. 18), so their ages are at least 55.
    package func dependants(workerAge: Double, _ cursor: inout RandomCursor) -> [Dependant] {
        let means = inputs.dependantsPerDeath
        var out: [Dependant] = []
        let children = min(12, Sample.poisson(mean: means.children, &cursor))
        let oldestChild = min(scenario.benefits.childSupportAge, max(1, workerAge - 18))
        for _ in 0..<children { out.append(Dependant(kind: .child, age: cursor.uniform() * oldestChild)) }
        let parents = min(4, Sample.poisson(mean: means.parents, &cursor))
        for _ in 0..<parents { out.append(Dependant(kind: .parent, age: max(55, workerAge + 22 + 10 * cursor.uniform()))) }
        if cursor.uniform() < means.spouse { out.append(Dependant(kind: .spouse, age: max(55, workerAge - 5 + 10 * cursor.uniform()))) }
        return out
    }
}
