import Foundation
import Testing

@testable import InjurySimCore

/// The statutory retirement age by birth cohort under the 2024 reform (`RetirementAge`, domain
/// reference part 2 §2.2): the reference's worked examples and its table, at month precision.
@Suite struct RetirementAgeTests {
    /// A birth month as a fractional year, a little into the month (Jan = 1).
    static func born(_ year: Int, _ month: Int) -> Double { Double(year) + (Double(month - 1) + 0.3) / 12 }

    /// The month (year, month) a person born in (year, month) reaches `age`.
    static func retires(_ year: Int, _ month: Int, age: Double) -> (Int, Int) {
        let total = year * 12 + (month - 1) + Int((age * 12).rounded())
        return (total / 12, total % 12 + 1)
    }

    struct Example: Sendable, CustomStringConvertible {
        var male: Bool
        var women: Double
        var birth: (Int, Int)
        var retires: (Int, Int)
        var description: String { "\(male ? "man" : "woman (\(women))") born \(birth.0)-\(birth.1)" }
    }

    /// The worked examples of §2.2: a man born Jun 1975 retires in Feb 2038; a woman of original
    /// age 55 (reformed 58) born Jun 1970 in Aug 2025; a woman of original age 50 (reformed 55)
    /// born Jun 1976 in Mar 2027.
    @Test(arguments: [
        Example(male: true, women: 58, birth: (1975, 6), retires: (2038, 2)),
        Example(male: false, women: 58, birth: (1970, 6), retires: (2025, 8)),
        Example(male: false, women: 55, birth: (1976, 6), retires: (2027, 3))
    ])
    func theReferencesWorkedExamples(e: Example) {
        let rule = RetirementAge(men: 63, women: e.women)
        let age = rule.age(birth: Self.born(e.birth.0, e.birth.1), isMale: e.male)
        let month = Self.retires(e.birth.0, e.birth.1, age: age)
        #expect(month == e.retires, "\(age) years: \(month)")
    }

    /// The table of §2.2 (born in January), in months over the original age, and its caps.
    @Test(arguments: [
        (1964, 0, 0, 0), (1965, 1, 0, 0), (1968, 10, 0, 0), (1970, 16, 1, 0), (1972, 22, 7, 0), (1975, 31, 16, 1),
        (1978, 36, 25, 19), (1980, 36, 31, 31), (1982, 36, 36, 43), (1985, 36, 36, 60)
    ])
    func theCohortTable(year: Int, men: Int, women55: Int, women50: Int) {
        let birth = Self.born(year, 1)
        #expect(RetirementAge(men: 63, women: 58).age(birth: birth, isMale: true) == 60 + Double(men) / 12)
        #expect(RetirementAge(men: 63, women: 58).age(birth: birth, isMale: false) == 55 + Double(women55) / 12)
        #expect(RetirementAge(men: 63, women: 55).age(birth: birth, isMale: false) == 50 + Double(women50) / 12)
    }

    /// The caps start where the reference says: men from a Sep 1976 birth (Aug 1976: 35 months),
    /// women 55 → 58 from Sep 1981, women 50 → 55 from Nov 1984.
    @Test func theCapsAreReachedAtTheReferencesBirthMonths() {
        let rule = RetirementAge(men: 63, women: 58), early = RetirementAge(men: 63, women: 55)
        #expect(rule.age(birth: Self.born(1976, 8), isMale: true) == 60 + 35.0 / 12)
        #expect(rule.age(birth: Self.born(1976, 9), isMale: true) == 63)
        #expect(rule.age(birth: Self.born(1981, 8), isMale: false) == 55 + 35.0 / 12)
        #expect(rule.age(birth: Self.born(1981, 9), isMale: false) == 58)
        #expect(early.age(birth: Self.born(1984, 10), isMale: false) == 50 + 59.0 / 12)
        #expect(early.age(birth: Self.born(1984, 11), isMale: false) == 55)
    }

    /// An age that is no reform's target is every cohort's age (60 for men: the old rule).
    @Test(arguments: [(60.0, 50.0), (65.0, 60.0)])
    func anyOtherAgeIsFixed(men: Double, women: Double) {
        let rule = RetirementAge(men: men, women: women)
        for year in stride(from: 1950, through: 2000, by: 5) {
            #expect(rule.age(birth: Self.born(year, 6), isMale: true) == men)
            #expect(rule.age(birth: Self.born(year, 6), isMale: false) == women)
        }
    }
}
