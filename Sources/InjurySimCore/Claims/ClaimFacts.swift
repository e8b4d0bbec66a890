import Foundation

/// What is known about a recognised claim when its payments are scheduled.
package struct ClaimFacts: Sendable, Equatable {
    package var severity: Severity
    /// Month index (from the scenario start) in which the claim is reported and recognised.
    package var reportMonth: Int
    /// The benefit wage base: previous-year average monthly wage of the province, yuan.
    package var wageBaseYuan: Double
    /// National urban per-capita disposable income of the year before the injury, yuan.
    package var urbanIncomePreviousYearYuan: Double
    package var medicalCostYuan: Double
    /// Whether a grade 1…4 case needs living care.
    package var needsCare: Bool
    /// Days off work (for suspension wages).
    package var daysOff: Int
    /// The injured person's age at the report month, years.
    package var ageYears: Double
    package var isMale: Bool
    /// Relatives who qualify for a dependants' pension (deaths only).
    package var dependants: [Dependant]
    /// Months from the chain's start to the scenario's (0 unless a later phase of a chain): the
    /// basic pension is stated at the chain's start and indexed from there.
    package var monthsIntoChain: Int = 0

    package init(
        severity: Severity, reportMonth: Int, wageBaseYuan: Double, urbanIncomePreviousYearYuan: Double,
        medicalCostYuan: Double, needsCare: Bool, daysOff: Int, ageYears: Double = 35, isMale: Bool = true,
        dependants: [Dependant] = []
    ) {
        self.severity = severity
        self.reportMonth = reportMonth
        self.wageBaseYuan = wageBaseYuan
        self.urbanIncomePreviousYearYuan = urbanIncomePreviousYearYuan
        self.medicalCostYuan = medicalCostYuan
        self.needsCare = needsCare
        self.daysOff = daysOff
        self.ageYears = ageYears
        self.isMale = isMale
        self.dependants = dependants
    }
}
