import Foundation
import InjurySimCore

/// The check of mortality improvement: life expectancy read off the model's own payment
/// schedule against the Gompertz law's closed form.
extension ModelValidation {
    package static let improvementCheckName = "Life expectancy under mortality improvement"

    /// A man of 30 in 2024 under the shipped male Gompertz term (Makeham term 0, loading 1), his
    /// hazards falling 1.5% a year from 2020 (financing.md §4: μ(t) = μ(0)·e^(−ρt)). Improved,
    /// the law is Gompertz again with B' = B·cˣ·e^(−ρt₀) and c' = c·e^(−ρ), so the expectancy to
    /// age 110 (T = 80 years) is e^β·(E₁(β) − E₁(β·c'^T))/ln c', β = B'/ln c' (E₁ the exponential
    /// integral). The model's: a grade 1 allowance of ¥100 M a month paid for life from month 1
    /// (no indexation, no discount, no pension, no extra mortality), so each payment is 10¹⁰ fen
    /// × survival; Σ payments / 12 + ½ month is the trapezoid of ∫ survival.
    package static func improvedLifeExpectancy() -> Check {
        let law = LifeTable.chinaProxy.male
        let table = LifeTable(male: .init(a: 0, b: law.b, c: law.c), female: .init(a: 0, b: law.b, c: law.c), loading: 1)
        let age = 30.0, yearsFromTable = 4.0, f = 0.015, horizon = 80.0
        func model(improvement: Double) -> Double {
            let rules = ClaimRules(
                medicalLagMonths: 0, appraisalLagMonths: 0, deathLagMonths: 0, careLevel: [0, 0, 0, 0], indexation: .uniform(0),
                platformPays: [], suspensionWages: .none,
                lifetime: ClaimRules.Lifetime(
                    lifeTable: table, disabledMortality: [1, 1, 1, 1], retirementAgeMen: 63, retirementAgeWomen: 58,
                    pensionYuanPerMonth: 0, childSupportAge: 18, improvementPerYear: improvement, yearsFromTableToStart: yearsFromTable))
            let allowance = 100_000_000.0
            let facts = ClaimFacts(
                severity: .grade(1), reportMonth: 0, wageBaseYuan: allowance / ClaimRules.disabilityAllowanceShare[0],
                urbanIncomePreviousYearYuan: 0, medicalCostYuan: 0, needsCare: false, daysOff: 0, ageYears: age, isMale: true)
            let paid = rules.schedule(for: facts).fundPayments.filter { $0.item == .disabilityAllowance }
            return paid.reduce(0.0) { $0 + Double($1.amount) } / (allowance * 100) / 12 + 1.0 / 24
        }
        func closed(improvement: Double) -> Double {
            let rho = improvement == 0 ? 0 : -log(1 - improvement)
            let logStep = log(law.c) - rho
            let beta = law.b * pow(law.c, age) * exp(-rho * yearsFromTable) / logStep
            return exp(beta) * (exponentialIntegral(beta) - exponentialIntegral(beta * exp(logStep * horizon))) / logStep
        }
        let improved = (model: model(improvement: f), closed: closed(improvement: f))
        let level = (model: model(improvement: 0), closed: closed(improvement: 0))
        let worst = max(abs(improved.model - improved.closed), abs(level.model - level.closed))
        return Check(
            name: improvementCheckName, quantity: "e30 to age 110 (years), man of 30 in 2024: improved 1.5%/yr from 2020 / none",
            expected: text(improved.closed, 4) + " / " + text(level.closed, 4) + " (Gompertz closed form with E₁; gain "
                + text(improved.closed - level.closed, 4) + ")",
            simulated: text(improved.model, 4) + " / " + text(level.model, 4) + " (payment schedule; gain "
                + text(improved.model - level.model, 4) + ")",
            tolerance: "0.001 years", passed: worst <= 0.001,
            method: "shipped male Gompertz term (Makeham 0), life allowance of ¥100 M a month, Σ payments / 12 + ½ month")
    }

    /// E₁(x) for x > 0: the power series below 1, the continued fraction (modified Lentz) above
    /// (Numerical Recipes §6.3), both to 10⁻¹⁵.
    static func exponentialIntegral(_ x: Double) -> Double {
        let euler = 0.577_215_664_901_532_9
        if x <= 1 {
            var sum = 0.0, term = 1.0
            for k in 1...200 {
                term *= -x / Double(k)
                let add = -term / Double(k)
                sum += add
                if abs(add) < 1e-17 * abs(sum) { break }
            }
            return -euler - log(x) + sum
        }
        var b = x + 1, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1...500 {
            let a = -Double(i * i)
            b += 2
            d = 1 / (a * d + b)
            c = b + a / c
            let delta = c * d
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h * exp(-x)
    }
}
