/// Survival from a Gompertz–Makeham law, μ(x) = A + B·cˣ per year of age x, for each sex, with a
/// loading on every hazard (platform workers' socio-economic excess) and a further multiplier
/// for the severely disabled. Pure.
package struct LifeTable: Sendable, Equatable {
    /// One sex's law: μ(x) = a + b·cˣ.
    package struct Law: Sendable, Equatable {
        package var a: Double
        package var b: Double
        package var c: Double

        package init(a: Double, b: Double, c: Double) {
            self.a = a
            self.b = b
            self.c = c
        }
    }

    package var male: Law
    package var female: Law
    /// Multiplier of every hazard.
    package var loading: Double

    /// Nobody is paid beyond this age.
    package static let oldestAge = 110.0

    package init(male: Law, female: Law, loading: Double) {
        self.male = male
        self.female = female
        self.loading = loading
    }

    /// The general-population proxy of the domain reference (CL1/CL2 2010–13 hazards scaled so
    /// life expectancy at birth matches the 2020 census, 75.37 men / 80.88 women).
    package static let chinaProxy = LifeTable(
        male: Law(a: 0.000406, b: 2.055e-5, c: 1.10962),
        female: Law(a: 0.000232, b: 4.156e-6, c: 1.12567), loading: 1)

    /// ∫ μ over `years` from age `age`, times `multiplier` and the loading.
    package func cumulativeHazard(male isMale: Bool, age: Double, years: Double, multiplier: Double) -> Double {
        let law = isMale ? male : female
        let gompertz: Double
        if law.b == 0 {
            gompertz = 0
        } else if law.c == 1 {
            gompertz = law.b * years
        } else {
            gompertz = law.b * PortableMath.pow(law.c, age) * (PortableMath.pow(law.c, years) - 1) / PortableMath.log(law.c)
        }
        return multiplier * loading * (law.a * years + gompertz)
    }

    /// Probability that a person of `age` is alive `years` later. `male == nil`: the mean of the
    /// two sexes (a dependant whose sex is not modelled).
    package func survival(male isMale: Bool?, age: Double, years: Double, multiplier: Double = 1) -> Double {
        guard let isMale else {
            return
                (survival(male: true, age: age, years: years, multiplier: multiplier)
                + survival(male: false, age: age, years: years, multiplier: multiplier)) / 2
        }
        return PortableMath.exp(-cumulativeHazard(male: isMale, age: age, years: years, multiplier: multiplier))
    }

    /// ``survival(male:age:years:multiplier:)`` for one person at many horizons: the same
    /// operations with log c and c^age computed once (`pow(c, x)` is `exp(x · log c)`), so the
    /// same bits.
    package func curve(male isMale: Bool?, age: Double, multiplier: Double) -> SurvivalCurve {
        SurvivalCurve(table: self, male: isMale, age: age, multiplier: multiplier)
    }
}
