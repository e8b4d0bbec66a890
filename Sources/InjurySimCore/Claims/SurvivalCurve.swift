/// One person's survival at many horizons (``LifeTable/curve(male:age:multiplier:)``): the life
/// table's operations with the per-person constants computed once, and c^(months / 12) read
/// from a table where one is given (``ClaimScheduler``). Pure.
package struct SurvivalCurve: Sendable {
    /// One sex's constants: the law, log c, c^age and c^(j / 12) by month j as far as tabulated.
    struct Sex: Sendable {
        var law: LifeTable.Law
        var logC: Double
        var powAge: Double
        /// c^(j / 12) at `[j]`, each as ``power(months:)`` computes it; may be empty.
        var powers: [Double]

        init(_ law: LifeTable.Law, age: Double, powers: [Double] = []) {
            self.law = law
            self.logC = PortableMath.log(law.c)
            // PortableMath.pow(c, age), with its log c.
            self.powAge = age == 0 || law.c == 1 ? 1 : PortableMath.exp(age * logC)
            self.powers = powers
        }

        /// PortableMath.pow(c, months / 12), with its log c (from the table where it reaches).
        func power(months: Int) -> Double {
            if months >= 0 && months < powers.count { return powers[months] }
            let years = Double(months) / 12
            return years == 0 ? 1 : PortableMath.exp(years * logC)
        }

        /// LifeTable.cumulativeHazard over `years` = `months` / 12, term by term.
        func hazard(months: Int, years: Double, factor: Double) -> Double {
            let gompertz: Double
            if law.b == 0 {
                gompertz = 0
            } else if law.c == 1 {
                gompertz = law.b * years
            } else {
                gompertz = law.b * powAge * (power(months: months) - 1) / logC
            }
            return factor * (law.a * years + gompertz)
        }
    }

    /// The person's sex, or the male law when the sex is not modelled.
    let first: Sex
    /// The female law when the sex is not modelled (survival is then the mean of the two).
    let second: Sex?
    let multiplier: Double
    let loading: Double

    /// The curve of a person of `age`; `malePowers` and `femalePowers` are the laws' c^(j / 12)
    /// by month j (``ClaimScheduler``), or empty.
    init(
        table: LifeTable, male isMale: Bool?, age: Double, multiplier: Double, malePowers: [Double] = [],
        femalePowers: [Double] = []
    ) {
        switch isMale {
        case .some(true):
            first = Sex(table.male, age: age, powers: malePowers)
            second = nil
        case .some(false):
            first = Sex(table.female, age: age, powers: femalePowers)
            second = nil
        case .none:
            first = Sex(table.male, age: age, powers: malePowers)
            second = Sex(table.female, age: age, powers: femalePowers)
        }
        self.multiplier = multiplier
        self.loading = table.loading
    }

    /// Probability of being alive `months` / 12 years later (the mean of the two sexes when unknown).
    package func survival(months: Int) -> Double {
        // multiplier × loading × (…), evaluated left to right as in LifeTable.
        let years = Double(months) / 12
        guard let second else { return alive(first, months, years) }
        return (alive(first, months, years) + alive(second, months, years)) / 2
    }

    private func alive(_ sex: Sex, _ months: Int, _ years: Double) -> Double {
        PortableMath.exp(-sex.hazard(months: months, years: years, factor: multiplier * loading))
    }
}
