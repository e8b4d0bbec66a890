import Testing

@testable import InjurySimCore

/// Limits in the benefit rules: the dependants' pension never exceeds the wage base (Art. 39:
/// the pensions together may not exceed the deceased's wage), and a death carries no suspension
/// wages, whoever pays them (there is no time off to pay for).
@Suite struct BenefitLimitTests {
    static func rules(suspensionWages: Scenario.SuspensionWagesPayer = .none) -> ClaimRules {
        var rules = ClaimRulesTests.rules
        rules.suspensionWages = suspensionWages
        return rules
    }

    static func death(daysOff: Int = 0, dependants: [Dependant] = []) -> ClaimFacts {
        ClaimFacts(
            severity: .death, reportMonth: 0, wageBaseYuan: 9000, urbanIncomePreviousYearYuan: 54188,
            medicalCostYuan: 0, needsCare: false, daysOff: daysOff, ageYears: 40, isMale: true, dependants: dependants)
    }

    /// The first month's pensions together: the shares (spouse 40%, others 30%) add up to at most
    /// the wage; above it every share is scaled down in proportion.
    @Test(arguments: [
        ([Dependant.Kind.child], Fen(270_000)),
        ([Dependant.Kind.spouse], Fen(360_000)),
        ([Dependant.Kind.spouse, .child], Fen(630_000)),
        ([Dependant.Kind.child, .child, .parent], Fen(810_000)),
        ([Dependant.Kind.spouse, .child, .child], Fen(900_000)),  // 1.0 exactly
        ([Dependant.Kind.spouse, .child, .child, .parent, .parent], Fen(900_000))  // 1.6, scaled to 1
    ])
    func dependantsPensionsTogetherAreCappedAtTheWageBase(kinds: [Dependant.Kind], firstMonth: Fen) {
        let dependants = kinds.map { Dependant(kind: $0, age: $0 == .child ? 5 : 60) }
        let pension = Self.rules().schedule(for: Self.death(dependants: dependants)).fundPayments.filter { $0.item == .dependantsPension }
        let first = pension.filter { $0.month == 4 }
        #expect(first.count == kinds.count)
        #expect(abs(first.reduce(0) { $0 + $1.amount } - firstMonth) <= Fen(kinds.count))
    }

    @Test(arguments: [Scenario.SuspensionWagesPayer.fund, .platform])
    func aDeathCarriesNoSuspensionWages(payer: Scenario.SuspensionWagesPayer) {
        let schedule = Self.rules(suspensionWages: payer).schedule(for: Self.death(daysOff: 30))
        #expect(!(schedule.fundPayments + schedule.platformPayments).contains { $0.item == .suspensionWages })
    }
}
