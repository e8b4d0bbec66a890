import Foundation
import Testing

@testable import InjurySimCore

/// How long grade 1–4 allowances run: for life with the top-up after retirement (the
/// Regulations), to retirement only, or a fixed number of years — each against the payments
/// counted by hand for an immortal man of 40 at the report (month 5), first paid in month 15.
@Suite struct AllowanceTermTests {
    static func payments(_ term: AllowanceTerm, grade: Int = 1, care: Bool = false) -> [Payment] {
        var rules = ClaimRulesTests.rules
        rules.lifetime.pensionYuanPerMonth = 3_000
        rules.grade1to4Allowance = term
        return rules.schedule(for: ClaimRulesTests.facts(.grade(grade), care: care)).fundPayments
    }

    static func allowance(_ payments: [Payment]) -> [Payment] { payments.filter { $0.item == .disabilityAllowance } }

    /// Grade 1: 90% of the ¥9,000 wage = ¥8,100 a month; after 63, ¥8,100 − ¥3,000 = ¥5,100.
    @Test func forLifeTheTopUpFollowsTheAllowance() {
        let paid = Self.allowance(Self.payments(.life))
        let toRetirement = ClaimRulesTests.months(from: 15, until: 63)
        #expect(paid.count == ClaimRulesTests.months(from: 15, until: LifeTable.oldestAge))
        #expect(paid.prefix(toRetirement).allSatisfy { $0.amount == Money.fen(yuan: 8_100) })
        #expect(paid.dropFirst(toRetirement).allSatisfy { $0.amount == Money.fen(yuan: 5_100) })
    }

    @Test func toRetirementStopsAtTheRetirementAge() {
        let paid = Self.allowance(Self.payments(.toRetirement))
        #expect(paid.count == ClaimRulesTests.months(from: 15, until: 63))
        #expect(paid.allSatisfy { $0.amount == Money.fen(yuan: 8_100) })
        #expect(paid.map(\.month) == Self.allowance(Self.payments(.life)).prefix(paid.count).map(\.month))
    }

    /// (years, payments at ¥8,100, payments at ¥5,100): 10 years end before 63; 30 years pay
    /// 266 months before 63 (months 15 … 280) and the other 94 topped up.
    @Test(arguments: [(10.0, 120, 0), (30.0, 266, 94), (1.5, 18, 0)])
    func aFixedTermPaysThatManyYears(years: Double, full: Int, topUp: Int) {
        let paid = Self.allowance(Self.payments(.years(years)))
        #expect(paid.count == Int(years * 12))
        #expect(paid.filter { $0.amount == Money.fen(yuan: 8_100) }.count == full)
        #expect(paid.filter { $0.amount == Money.fen(yuan: 5_100) }.count == topUp)
        #expect(paid.first?.month == 15)
    }

    /// The term touches the allowance only: care and the lump sum are the same under every term.
    @Test func careAndTheLumpSumDoNotDependOnTheTerm() {
        let life = Self.payments(.life, care: true), short = Self.payments(.years(2), care: true)
        for item in [BenefitItem.careAllowance, .disabilitySubsidy, .medical] {
            #expect(life.filter { $0.item == item } == short.filter { $0.item == item })
        }
    }
}
