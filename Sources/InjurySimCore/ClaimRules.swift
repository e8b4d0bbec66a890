import Foundation

/// One payment that falls due: the month (index from the scenario start), the amount and the item.
public struct Payment: Sendable, Equatable {
    public var month: Int
    public var amount: Fen
    public var item: BenefitItem

    public init(month: Int, amount: Fen, item: BenefitItem) {
        self.month = month
        self.amount = amount
        self.item = item
    }
}

/// What is known about a recognised claim when its payments are scheduled.
public struct ClaimFacts: Sendable, Equatable {
    public var severity: Severity
    /// Month index (from the scenario start) in which the claim is reported and recognised.
    public var reportMonth: Int
    /// The benefit wage base: previous-year average monthly wage of the province, yuan.
    public var wageBaseYuan: Double
    /// National urban per-capita disposable income of the year before the injury, yuan.
    public var urbanIncomePreviousYearYuan: Double
    public var medicalCostYuan: Double
    /// Whether a grade 1…4 case needs living care.
    public var needsCare: Bool
    /// Days off work (for suspension wages).
    public var daysOff: Int

    public init(severity: Severity, reportMonth: Int, wageBaseYuan: Double, urbanIncomePreviousYearYuan: Double,
                medicalCostYuan: Double, needsCare: Bool, daysOff: Int) {
        self.severity = severity
        self.reportMonth = reportMonth
        self.wageBaseYuan = wageBaseYuan
        self.urbanIncomePreviousYearYuan = urbanIncomePreviousYearYuan
        self.medicalCostYuan = medicalCostYuan
        self.needsCare = needsCare
        self.daysOff = daysOff
    }
}

/// The payment schedule of one claim, split by payer.
public struct ClaimSchedule: Sendable, Equatable {
    /// Payments the fund makes.
    public var fundPayments: [Payment]
    /// Payments the platform makes instead of the fund (items the scenario moves to the platform).
    public var platformPayments: [Payment]

    public init(fundPayments: [Payment], platformPayments: [Payment]) {
        self.fundPayments = fundPayments
        self.platformPayments = platformPayments
    }

    /// Total paid by the fund, undiscounted.
    public var fundTotal: Fen { fundPayments.reduce(0) { $0 + $1.amount } }

    /// Present value of the fund's payments at month `month` with a monthly discount factor.
    public func fundPresentValue(at month: Int, monthlyDiscount: Double) -> Double {
        fundPayments.reduce(0.0) { $0 + Double($1.amount) * PortableMath.pow(monthlyDiscount, Double($1.month - month)) }
    }
}

/// The benefit rules (Work Injury Insurance Regulations, Arts. 30–39, as applied to platform
/// workers by the trial measures): claim facts in, payment schedule out. Pure; no randomness.
public struct ClaimRules: Sendable, Equatable {
    /// One-time disability subsidy in months of wage base, grade 1…10 (Arts. 35–37).
    public static let disabilitySubsidyMonths: [Double] = [27, 25, 23, 21, 18, 16, 13, 11, 9, 7]
    /// Monthly disability allowance as a share of the wage base, grades 1…4 (Art. 35).
    public static let disabilityAllowanceShare: [Double] = [0.90, 0.85, 0.80, 0.75]
    /// Funeral grant in months of wage base (Art. 39).
    public static let funeralMonths: Double = 6
    /// One-time death subsidy in years of national urban disposable income (Art. 39).
    public static let deathSubsidyYears: Double = 20

    public var medicalLagMonths: Int
    public var appraisalLagMonths: Int
    public var deathLagMonths: Int
    public var allowanceMonths: Int
    public var pensionMonths: Int
    public var dependantsPensionShare: Double
    /// Care allowance share of the wage base, index 0 = grade 1.
    public var careLevel: [Double]
    /// Yearly indexation of allowances and pensions.
    public var indexationPerYear: Double
    public var platformPays: Set<BenefitItem>
    public var suspensionWages: Scenario.SuspensionWagesPayer

    public init(medicalLagMonths: Int, appraisalLagMonths: Int, deathLagMonths: Int, allowanceMonths: Int,
                pensionMonths: Int, dependantsPensionShare: Double, careLevel: [Double], indexationPerYear: Double,
                platformPays: Set<BenefitItem>, suspensionWages: Scenario.SuspensionWagesPayer) {
        self.medicalLagMonths = medicalLagMonths
        self.appraisalLagMonths = appraisalLagMonths
        self.deathLagMonths = deathLagMonths
        self.allowanceMonths = allowanceMonths
        self.pensionMonths = pensionMonths
        self.dependantsPensionShare = dependantsPensionShare
        self.careLevel = careLevel
        self.indexationPerYear = indexationPerYear
        self.platformPays = platformPays
        self.suspensionWages = suspensionWages
    }

    /// The schedule of a recognised claim.
    public func schedule(for facts: ClaimFacts) -> ClaimSchedule {
        var payments: [Payment] = []
        let wage = facts.wageBaseYuan
        let report = facts.reportMonth
        func add(_ item: BenefitItem, _ month: Int, yuan: Double) {
            let amount = Money.fen(yuan: yuan)
            if amount > 0 { payments.append(Payment(month: month, amount: amount, item: item)) }
        }
        func addStream(_ item: BenefitItem, from start: Int, months: Int, monthlyYuan: Double) {
            for k in 0..<months {
                let indexed = monthlyYuan * PortableMath.pow(1 + indexationPerYear, Double(k / 12))
                add(item, start + k, yuan: indexed)
            }
        }
        let medicalMonth = report + medicalLagMonths
        add(.medical, medicalMonth, yuan: facts.medicalCostYuan)
        if suspensionWages != .none && facts.daysOff > 0 && facts.severity != .death {
            add(.suspensionWages, medicalMonth, yuan: wage * 12 / 365 * Double(facts.daysOff))
        }
        if let grade = facts.severity.grade {
            let appraisal = report + appraisalLagMonths
            add(.disabilitySubsidy, appraisal, yuan: wage * ClaimRules.disabilitySubsidyMonths[grade - 1])
            if grade <= 4 {
                addStream(.disabilityAllowance, from: appraisal + 1, months: allowanceMonths,
                          monthlyYuan: wage * ClaimRules.disabilityAllowanceShare[grade - 1])
                if facts.needsCare {
                    addStream(.careAllowance, from: appraisal + 1, months: allowanceMonths,
                              monthlyYuan: wage * careLevel[grade - 1])
                }
            }
        } else if facts.severity == .death {
            let month = report + deathLagMonths
            add(.deathSubsidy, month, yuan: ClaimRules.deathSubsidyYears * facts.urbanIncomePreviousYearYuan)
            add(.funeralGrant, month, yuan: ClaimRules.funeralMonths * wage)
            addStream(.dependantsPension, from: month + 1, months: pensionMonths,
                      monthlyYuan: wage * min(1, dependantsPensionShare))
        }
        var schedule = ClaimSchedule(fundPayments: [], platformPayments: [])
        for payment in payments {
            let platformPaid = platformPays.contains(payment.item)
                || (payment.item == .suspensionWages && suspensionWages == .platform)
            if platformPaid { schedule.platformPayments.append(payment) } else { schedule.fundPayments.append(payment) }
        }
        return schedule
    }
}
