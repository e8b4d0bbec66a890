/// One person's survival at many horizons (``LifeTable/curve(male:age:multiplier:)``): the life
/// table's operations with the per-person constants computed once. Pure.
package struct SurvivalCurve: Sendable {
    /// One sex's constants: the law, log c and c^age.
    struct Sex: Sendable {
        var law: LifeTable.Law
        var logC: Double
        var powAge: Double

        init(_ law: LifeTable.Law, age: Double) {
            self.law = law
            self.logC = PortableMath.log(law.c)
            // PortableMath.pow(c, age), with its log c.
            self.powAge = age == 0 || law.c == 1 ? 1 : PortableMath.exp(age * logC)
        }

        /// LifeTable.cumulativeHazard, term by term.
        func hazard(years: Double, factor: Double) -> Double {
            let gompertz: Double
            if law.b == 0 {
                gompertz = 0
            } else if law.c == 1 {
                gompertz = law.b * years
            } else {
                let powYears = years == 0 ? 1 : PortableMath.exp(years * logC)
                gompertz = law.b * powAge * (powYears - 1) / logC
            }
            return factor * (law.a * years + gompertz)
        }
    }

    let sexes: [Sex]
    let multiplier: Double
    let loading: Double

    init(table: LifeTable, male isMale: Bool?, age: Double, multiplier: Double) {
        switch isMale {
        case .some(true): sexes = [Sex(table.male, age: age)]
        case .some(false): sexes = [Sex(table.female, age: age)]
        case .none: sexes = [Sex(table.male, age: age), Sex(table.female, age: age)]
        }
        self.multiplier = multiplier
        self.loading = table.loading
    }

    /// Probability of being alive `years` later (the mean of the two sexes when unknown).
    package func survival(years: Double) -> Double {
        // multiplier × loading × (…), evaluated left to right as in LifeTable.
        if sexes.count == 1 { return alive(sexes[0], years) }
        return (alive(sexes[0], years) + alive(sexes[1], years)) / 2
    }

    private func alive(_ sex: Sex, _ years: Double) -> Double {
        PortableMath.exp(-sex.hazard(years: years, factor: multiplier * loading))
    }
}
