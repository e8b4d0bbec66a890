import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// The checks of what is owed: lifetime payments with survival and the IBNR reserve.
extension ModelValidation {
    /// Lifetime payments against independent computations: a grade 1 allowance under a constant
    /// hazard against the closed-form annuity; a parent's pension under the shipped life table
    /// against survival integrated numerically from the hazard; remaining life expectancy of the
    /// shipped table against the values the domain reference publishes for it.
    package static func annuityPresentValues() -> [Check] {
        let discount = 0.025
        let indexation = 0.04
        let v = pow(1 + discount, -1.0 / 12)
        func rules(_ table: LifeTable) -> ClaimRules {
            ClaimRules(
                medicalLagMonths: 2, appraisalLagMonths: 9, deathLagMonths: 3, careLevel: [0.5, 0.4, 0.3, 0.3],
                indexation: .uniform(indexation), platformPays: [], suspensionWages: .none,
                lifetime: ClaimRules.Lifetime(
                    lifeTable: table, disabledMortality: [4, 3, 2, 1.5], retirementAgeMen: 63,
                    retirementAgeWomen: 58, pensionYuanPerMonth: 0, childSupportAge: 18))
        }
        func presentValue(_ schedule: ClaimSchedule, _ item: BenefitItem) -> (Double, Int) {
            let stream = ClaimSchedule(fundPayments: schedule.fundPayments.filter { $0.item == item }, platformPayments: [])
            return (stream.fundPresentValue(at: 0, monthlyDiscount: v) / 100, stream.fundPayments.count)
        }
        var checks: [Check] = []

        // Grade 1 at 30, report month 0, first payment month 10, paid to age 110 (950 payments),
        // hazard 4 × 0.005 = 0.02 a year: PV = A w¹⁰ Σₖ (1+g)^⌊k/12⌋ wᵏ with w = v e^(−0.02/12).
        let constant = LifeTable(male: .init(a: 0.005, b: 0, c: 1), female: .init(a: 0.005, b: 0, c: 1), loading: 1)
        let grade1 = ClaimFacts(
            severity: .grade(1), reportMonth: 0, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
            medicalCostYuan: 0, needsCare: false, daysOff: 0, ageYears: 30, isMale: true)
        let (allowance, allowanceCount) = presentValue(rules(constant).schedule(for: grade1), .disabilityAllowance)
        let w = v * exp(-0.02 / 12)
        let payments = 12 * 80 - 10
        let fullYears = payments / 12
        let q = (1 + indexation) * pow(w, 12)
        let closed =
            8100 * pow(w, 10)
            * ((1 - pow(w, 12)) / (1 - w) * (1 - pow(q, Double(fullYears))) / (1 - q)
                + pow(q, Double(fullYears)) * (1 - pow(w, Double(payments % 12))) / (1 - w))
        let allowanceTolerance = 0.005 * Double(allowanceCount)
        checks.append(
            Check(
                name: "Grade 1 allowance PV, constant hazard", quantity: "PV at the report month (yuan); 2.5%/yr discount, 4%/yr indexation",
                expected: text(closed, 2) + " (annuity with survival e^(−0.02 t), to age 110)",
                simulated: text(allowance, 2) + " (payment schedule, \(allowanceCount) payments)",
                tolerance: "½ fen per payment (" + text(allowanceTolerance, 2) + ")",
                passed: allowanceCount == payments && abs(allowance - closed) <= allowanceTolerance,
                method: "man of 30, grade 1 (hazard × 4), pension 0 so the allowance runs for life"))

        // A parent aged 70 at a death in month 0: 30% of ¥9,000 from month 4 for life (sex not
        // modelled: the mean of both sexes' survival), survival integrated numerically.
        let table = LifeTable.chinaProxy
        var death = ClaimFacts(
            severity: .death, reportMonth: 0, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
            medicalCostYuan: 0, needsCare: false, daysOff: 0, ageYears: 40, isMale: true)
        death.dependants = [Dependant(kind: .parent, age: 70)]
        var noIndexation = rules(table)
        noIndexation.indexation = .uniform(0)
        let (pension, pensionCount) = presentValue(noIndexation.schedule(for: death), .dependantsPension)
        func numericSurvival(_ law: LifeTable.Law, from age: Double, years: Double) -> Double {
            // Simpson's rule on μ(x) = a + b cˣ over 400 steps.
            let steps = 400
            let h = years / Double(steps)
            var sum = 0.0
            for i in 0...steps {
                let x = age + Double(i) * h
                let weight: Double = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)
                sum += weight * (law.a + law.b * pow(law.c, x))
            }
            return exp(-sum * h / 3)
        }
        var expectedPension = 0.0
        var month = 4
        while 70 + Double(month - 3) / 12 < LifeTable.oldestAge {
            let years = Double(month - 3) / 12
            let alive = (numericSurvival(table.male, from: 70, years: years) + numericSurvival(table.female, from: 70, years: years)) / 2
            if alive < 1e-6 { break }
            expectedPension += 2700 * alive * pow(v, Double(month))
            month += 1
        }
        let pensionTolerance = 0.005 * Double(pensionCount) + 1e-6 * expectedPension
        checks.append(
            Check(
                name: "Parent's pension PV, life table", quantity: "PV at the death month (yuan); 2.5%/yr discount",
                expected: text(expectedPension, 2) + " (survival by Simpson's rule on the hazard)",
                simulated: text(pension, 2) + " (payment schedule, \(pensionCount) payments)",
                tolerance: "½ fen per payment + 10⁻⁶ (" + text(pensionTolerance, 2) + ")",
                passed: abs(pension - expectedPension) <= pensionTolerance,
                method: "parent aged 70, 30% of ¥9,000 a month from month 4, shipped Gompertz–Makeham law, loading 1"))

        // financing.md §6.1's test vector: 1 a month in advance, indexed once a year, for n = 20
        // years at i = 3%, g = 2%: PV = 12·ä⁽¹²⁾₁·(1 − qⁿ)/(1 − q) = 216.161441 per unit, with
        // q = (1+g)/(1+i), ä⁽¹²⁾₁ = (1 − v)/d⁽¹²⁾, d⁽¹²⁾ = 12(1 − v^(1/12)). With g = i, q = 1 and the
        // yearly factors sum to n: PV = 12·ä⁽¹²⁾₁·n. The model's stream: a grade 5 allowance of
        // ¥1,000 a month (70% of the wage) to retirement at 63, nobody dying (loading 0), from the
        // month after appraisal (month 10) to the last month before 63 — 240 payments.
        let immortal = LifeTable(male: .init(a: 0, b: 0, c: 1), female: .init(a: 0, b: 0, c: 1), loading: 0)
        let grade5 = ClaimFacts(
            severity: .grade(5), reportMonth: 0, wageBaseYuan: 1000 / ClaimRules.grade5to6AllowanceShare[0],
            urbanIncomePreviousYearYuan: 54188, medicalCostYuan: 0, needsCare: false, daysOff: 0, ageYears: 63 - 250.0 / 12,
            isMale: true)
        for (i, g, published) in [(0.03, 0.02, 216.161441 as Double?), (0.03, 0.03, nil)] {
            var basis = rules(immortal)
            basis.indexation = .uniform(g)
            let monthly = pow(1 + i, -1.0 / 12)
            let stream = ClaimSchedule(
                fundPayments: basis.schedule(for: grade5).fundPayments.filter { $0.item == .grade5to6Allowance }, platformPayments: [])
            let simulated = stream.fundPresentValue(at: 10, monthlyDiscount: monthly) / 100 / 1000
            let annual = 1 / (1 + i)
            let aMonthly = (1 - annual) / (12 * (1 - pow(annual, 1.0 / 12)))
            let q = (1 + g) / (1 + i)
            let closed = 12 * aMonthly * (q == 1 ? 20 : (1 - pow(q, 20)) / (1 - q))
            // Payments are whole fen: ½ fen per payment on ¥1,000, plus the vector's 6 decimals.
            let tolerance = 0.005 * Double(stream.fundPayments.count) / 1000 + 1e-6
            let expected = published ?? closed
            checks.append(
                Check(
                    name: g == i ? "Indexed annuity certain, g = i" : "Indexed annuity certain, financing.md test vector",
                    quantity: "PV per unit of monthly payment, \(Int(i * 100))%/yr discount, \(Int(g * 100))%/yr indexation, 20 years",
                    expected: text(expected, 6)
                        + (published != nil
                            ? " (financing.md §6.1; the closed form gives " + text(closed, 6) + ")" : " (12·ä⁽¹²⁾₁·n: the yearly factors sum to n)"),
                    simulated: text(simulated, 6) + " (payment schedule, \(stream.fundPayments.count) payments)",
                    tolerance: "½ fen per payment (" + text(tolerance, 6) + ")",
                    passed: stream.fundPayments.count == 240 && abs(simulated - expected) <= tolerance && abs(closed - expected) <= 1e-6,
                    method: "grade 5 allowance of ¥1,000 a month to retirement, no mortality, indexed yearly from the first payment"))
        }

        // Remaining life expectancy ∫ S: the reference gives e20, e40, e60 of the fitted proxy.
        func expectancy(male: Bool, at age: Double) -> Double {
            var total = 0.0
            var t = 0.0
            while age + t < LifeTable.oldestAge {
                total += (table.survival(male: male, age: age, years: t) + table.survival(male: male, age: age, years: t + 1.0 / 12)) / 2 / 12
                t += 1.0 / 12
            }
            return total
        }
        let published: [(Bool, Double, Double)] = [
            (true, 20, 55.9), (true, 40, 36.8), (true, 60, 19.3), (false, 20, 61.2), (false, 40, 41.7),
            (false, 60, 22.9)
        ]
        let computed = published.map { expectancy(male: $0.0, at: $0.1) }
        let worst = zip(published, computed).map { abs($0.2 - $1) }.max() ?? .infinity
        checks.append(
            Check(
                name: "Life expectancy of the shipped table", quantity: "e20 / e40 / e60 men, women (years)",
                expected: published.map { text($0.2, 1) }.joined(separator: " / ") + " (domain reference, part 2 §3.4)",
                simulated: computed.map { text($0, 1) }.joined(separator: " / "), tolerance: "0.3 years",
                passed: worst <= 0.3, method: "∫ survival to age 110, monthly trapezoid, loading 1"))
        return checks
    }

    /// The IBNR reserve at the horizon against its closed form: claims arrive at λ a day and are
    /// reported ⌊D × Exp(1)⌋ days later, so at a month end the expected number still unreported is
    /// λ Σₖ P(⌊D E⌋ > k) = λ Σₖ e^−(k+1)/D (k = 0 … days so far − 1), each owing its fixed cost.
    package static func ibnrReserve(threads: Int) async -> Check {
        let delay = 20.0
        let cost = 5_000.0
        var s = baseScenario(workers: 20_000, months: 6, replications: 10, claimsPerMillion: 40)
        s.benefits.reportingDelayDays = .fixed(delay)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        // Accidents per day: the exposure clock makes them Poisson with h = 24 × 40 per million per worker-day.
        let perDay = 20_000 * ordersPerWorkerDay * 40e-6
        let q = exp(-1 / delay)
        let unreported = perDay * (0..<days(s)).reduce(0.0) { sum, k in sum + pow(q, Double(k + 1)) }
        let expected = unreported * cost
        let reserves = results.map { Double($0.value(month: $0.months - 1, pool: $0.poolCount, metric: .ibnr)) / 100 }
        let mean = Statistics.mean(reserves)
        // The unreported count is Poisson (a thinned Poisson stream): variance = mean.
        let se = cost * (unreported / Double(results.count)).squareRoot()
        return Check(
            name: "IBNR reserve", quantity: "reserve at the horizon (yuan), mean of \(results.count) replications",
            expected: text(expected, 0) + " = " + text(perDay, 2) + " a day × Σ e^−(k+1)/20 × ¥5,000",
            simulated: text(mean, 0) + " ± " + text(se, 0) + " (SE)", tolerance: "4 SE",
            passed: abs(mean - expected) <= 4 * se,
            method: "reporting delay exponential, mean 20 days, medical-only claims of ¥5,000 paid on report, discount 0")
    }
}
