/// One person's survival at many horizons (``LifeTable/curve(male:age:multiplier:)``): the life
/// table's operations with the per-person constants computed once, and c^(months / 12) read
/// from a table where one is given (``ClaimScheduler``). Pure.
///
/// With mortality improvement (``Improvement``) every hazard falls by e^(−ρ) a year of calendar
/// time, μ(x + s, t₀ + s) = (A + B·cˣ⁺ˢ)·e^(−ρ(t₀ + s)), whose integral over s years is
/// e^(−ρt₀)·[A(1 − e^(−ρs))/ρ + B cˣ((c e^(−ρ))ˢ − 1)/ln(c e^(−ρ))]: the Gompertz term is the
/// unimproved one with c·e^(−ρ) for c, the Makeham term stops being linear in time, and the
/// calendar time of the curve's origin is a multiplier like the disabled's.
package struct SurvivalCurve: Sendable {
    /// The improvement a curve applies: ρ = −ln(1 − f), e^(−ρ j / 12) by month j as far as
    /// tabulated, and e^(−ρ t₀) at the curve's origin.
    package struct Improvement: Sendable {
        package var rho: Double
        /// e^(−ρ j / 12) at `[j]`; may be empty.
        var decay: [Double]
        package var atOrigin: Double

        package init(rho: Double, decay: [Double] = [], atOrigin: Double) {
            self.rho = rho
            self.decay = decay
            self.atOrigin = atOrigin
        }

        /// ρ for a yearly reduction `f` of every hazard.
        package static func rho(improvementPerYear f: Double) -> Double { f == 0 ? 0 : -PortableMath.log1p(-f) }

        /// e^(−ρ months / 12), from the table where it reaches.
        func decay(months: Int) -> Double {
            if months >= 0 && months < decay.count { return decay[months] }
            return Self.decay(months: months, rho: rho)
        }

        static func decay(months: Int, rho: Double) -> Double {
            months == 0 ? 1 : PortableMath.exp(-rho * Double(months) / 12)
        }
    }

    /// One sex's constants: the law, log c, c^age and c^(j / 12) by month j as far as tabulated.
    struct Sex: Sendable {
        var law: LifeTable.Law
        /// log c, less ρ under improvement: the log of the Gompertz term's step.
        var logC: Double
        var powAge: Double
        /// c^(j / 12) (with improvement (c e^(−ρ))^(j / 12)) at `[j]`, each as ``power(months:)``
        /// computes it; may be empty.
        var powers: [Double]

        init(_ law: LifeTable.Law, age: Double, rho: Double = 0, powers: [Double] = []) {
            self.law = law
            let logC = PortableMath.log(law.c)
            // PortableMath.pow(c, age), with its log c.
            self.powAge = age == 0 || law.c == 1 ? 1 : PortableMath.exp(age * logC)
            self.logC = rho == 0 ? logC : logC - rho
            self.powers = powers
        }

        /// PortableMath.pow(c, months / 12), with its log c (from the table where it reaches).
        func power(months: Int) -> Double {
            if months >= 0 && months < powers.count { return powers[months] }
            let years = Double(months) / 12
            return years == 0 ? 1 : PortableMath.exp(years * logC)
        }

        /// The Gompertz term's integral over `years` = `months` / 12 (with improvement, of c·e^(−ρ)).
        func gompertz(months: Int, years: Double) -> Double {
            if law.b == 0 { return 0 }
            if logC == 0 { return law.b * powAge * years }
            return law.b * powAge * (power(months: months) - 1) / logC
        }

        /// LifeTable.cumulativeHazard over `years` = `months` / 12, term by term.
        func hazard(months: Int, years: Double, factor: Double) -> Double {
            factor * (law.a * years + gompertz(months: months, years: years))
        }

        /// The same with improvement: the Makeham term A(1 − e^(−ρs))/ρ.
        func hazard(months: Int, years: Double, factor: Double, improvement: Improvement) -> Double {
            let makeham = law.a * (1 - improvement.decay(months: months)) / improvement.rho
            return factor * improvement.atOrigin * (makeham + gompertz(months: months, years: years))
        }
    }

    /// The person's sex, or the male law when the sex is not modelled.
    let first: Sex
    /// The female law when the sex is not modelled (survival is then the mean of the two).
    let second: Sex?
    let multiplier: Double
    let loading: Double
    /// nil without improvement (ρ = 0): the unimproved operations, bit for bit.
    let improvement: Improvement?

    /// The curve of a person of `age`; `malePowers` and `femalePowers` are the laws' c^(j / 12)
    /// by month j (``ClaimScheduler``; with improvement, of c·e^(−ρ)), or empty.
    init(
        table: LifeTable, male isMale: Bool?, age: Double, multiplier: Double, malePowers: [Double] = [],
        femalePowers: [Double] = [], improvement: Improvement? = nil
    ) {
        let improvement = improvement.flatMap { $0.rho == 0 ? nil : $0 }
        let rho = improvement?.rho ?? 0
        switch isMale {
        case .some(true):
            first = Sex(table.male, age: age, rho: rho, powers: malePowers)
            second = nil
        case .some(false):
            first = Sex(table.female, age: age, rho: rho, powers: femalePowers)
            second = nil
        case .none:
            first = Sex(table.male, age: age, rho: rho, powers: malePowers)
            second = Sex(table.female, age: age, rho: rho, powers: femalePowers)
        }
        self.multiplier = multiplier
        self.loading = table.loading
        self.improvement = improvement
    }

    /// Probability of being alive `months` / 12 years later (the mean of the two sexes when unknown).
    package func survival(months: Int) -> Double {
        // multiplier × loading × (…), evaluated left to right as in LifeTable.
        let years = Double(months) / 12
        guard let second else { return alive(first, months, years) }
        return (alive(first, months, years) + alive(second, months, years)) / 2
    }

    private func alive(_ sex: Sex, _ months: Int, _ years: Double) -> Double {
        guard let improvement else { return PortableMath.exp(-sex.hazard(months: months, years: years, factor: multiplier * loading)) }
        return PortableMath.exp(-sex.hazard(months: months, years: years, factor: multiplier * loading, improvement: improvement))
    }
}
