/// The statutory retirement age by sex and birth cohort under the 2024 reform (NPCSC decision of
/// 13 Sep 2024, State Council measures Art. 1; domain reference part 2 §2.2), at month
/// precision. Pure; table-tested with the reference's worked examples (`RetirementAgeTests`).
///
/// The scenario's `benefits.retirementAgeMen` / `retirementAgeWomen` are the ages *after* the
/// reform (63 and 58 in the shipped files: cohorts born after 1980). A value that is a reform's
/// target age gets that reform's schedule by birth month: men 63 (from 60, one month per four
/// months of birth from Jan 1965, at most 36), women 58 (from 55, one per four from Jan 1970, at
/// most 36), women 55 (from 50, one per two from Jan 1975, at most 60). Any other value (60 for
/// men: the old rule, the reference's stress test) is the age of every cohort.
@usableFromInline package struct RetirementAge: Sendable, Equatable {
    /// One sex's rule: the age before the reform, the first birth month it delays (months since
    /// year 0, January = 0), the birth months per month of delay and the largest delay.
    package struct Schedule: Sendable, Equatable {
        package var originalAge: Double
        package var firstBirthMonth: Int
        package var step: Int
        package var capMonths: Int

        /// No reform: `age` for every cohort.
        package static func fixed(_ age: Double) -> Schedule {
            Schedule(originalAge: age, firstBirthMonth: Int.max, step: 1, capMonths: 0)
        }

        /// The youngest age ``age(birth:)`` gives for any birth: the delay is at least
        /// min(cap, 1), so at least min(cap, 0) months, and `originalAge + Double(d) / 12` rises
        /// with d (rounding is monotone).
        package var youngest: Double { originalAge + Double(min(0, capMonths)) / 12 }

        /// The age of a person born `birth` (a fractional calendar year: 1975.5 is mid-July 1975).
        package func age(birth: Double) -> Double {
            let month = PortableMath.flooredInt(birth * 12)
            guard month >= firstBirthMonth else { return originalAge }
            return originalAge + Double(min(capMonths, (month - firstBirthMonth) / step + 1)) / 12
        }
    }

    package var men: Schedule
    package var women: Schedule

    /// The rule whose reformed ages are `men` and `women` (the scenario's retirement ages).
    package init(men: Double, women: Double) {
        self.men = men == 63 ? Schedule(originalAge: 60, firstBirthMonth: 1965 * 12, step: 4, capMonths: 36) : .fixed(men)
        switch women {
        case 58: self.women = Schedule(originalAge: 55, firstBirthMonth: 1970 * 12, step: 4, capMonths: 36)
        case 55: self.women = Schedule(originalAge: 50, firstBirthMonth: 1975 * 12, step: 2, capMonths: 60)
        default: self.women = .fixed(women)
        }
    }

    /// The youngest retirement age of either sex and any cohort (``Schedule/youngest``).
    @usableFromInline package var youngest: Double { min(men.youngest, women.youngest) }

    /// The retirement age of a person born `birth` (fractional calendar year).
    package func age(birth: Double, isMale: Bool) -> Double {
        isMale ? men.age(birth: birth) : women.age(birth: birth)
    }
}
