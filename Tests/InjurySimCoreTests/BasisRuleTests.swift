import Testing

@testable import InjurySimCore

/// The economic basis's two rules: the discount rate of a world (tied to its drawn return, plus
/// a margin, unless a rate is stated) and the yearly adjustment of allowances (the rule's rate,
/// at most the cap).
@Suite struct BasisRuleTests {
    struct DiscountCase: Sendable, CustomTestStringConvertible {
        var stated: Double?
        var margin: Double
        var drawnReturn: Double
        var expected: Double
        var testDescription: String { "stated \(String(describing: stated)), margin \(margin), return \(drawnReturn)" }
    }

    static let discountCases: [DiscountCase] = [
        DiscountCase(stated: nil, margin: 0, drawnReturn: 0.018, expected: 0.018),
        DiscountCase(stated: nil, margin: 0.005, drawnReturn: 0.018, expected: 0.023),
        DiscountCase(stated: nil, margin: -0.01, drawnReturn: 0, expected: -0.01),
        DiscountCase(stated: 0.025, margin: 0, drawnReturn: 0.018, expected: 0.025),
        DiscountCase(stated: 0, margin: 0, drawnReturn: 0.03, expected: 0)
    ]

    @Test(arguments: discountCases)
    func theDiscountIsTheDrawnReturnPlusTheMarginUnlessStated(c: DiscountCase) {
        var basis = Scenario.Basis.neutral
        basis.discountRatePerYear = c.stated
        basis.discountMarginPerYear = c.margin
        #expect(abs(basis.discountRate(investmentReturn: c.drawnReturn) - c.expected) < 1e-15)
    }

    /// A replication's inputs carry it: the shipped default ties the discount to the drawn return.
    @Test func aReplicationDiscountsAtItsOwnReturn() {
        var s = Scenario.neutral(name: "basis", seed: 3, workers: 10, months: 1, claimsPerMillion: 1)
        s.uncertainty = true
        s.basis.investmentReturnPerYear = Param(.uniform(low: 0.015, high: 0.03))
        s.basis.discountMarginPerYear = 0.002
        for replication in 0..<5 {
            let inputs = ReplicationInputs(scenario: s, replication: replication)
            #expect(inputs.investmentReturnPerYear >= 0.015 && inputs.investmentReturnPerYear <= 0.03)
            #expect(inputs.discountRatePerYear == inputs.investmentReturnPerYear + 0.002)
        }
    }

    struct IndexationCase: Sendable, CustomTestStringConvertible {
        var rule: Scenario.Basis.AllowanceIndexation
        var cap: Double?
        var wage: Double
        var pension: Double
        var allowances: Double
        var testDescription: String { "\(rule) cap \(String(describing: cap))" }
    }

    static let indexationCases: [IndexationCase] = [
        IndexationCase(rule: .pension, cap: nil, wage: 0.05, pension: 0.02, allowances: 0.02),
        IndexationCase(rule: .wage, cap: nil, wage: 0.05, pension: 0.02, allowances: 0.05),
        IndexationCase(rule: .wage, cap: 0.03, wage: 0.05, pension: 0.02, allowances: 0.03),
        IndexationCase(rule: .pension, cap: 0.03, wage: 0.05, pension: 0.02, allowances: 0.02),
        IndexationCase(rule: .pension, cap: 0.01, wage: 0.05, pension: 0.02, allowances: 0.01)
    ]

    /// Allowances and dependants' pensions by the rule up to the cap; care always by wages; the
    /// basic pension by its own increase; the lag passed on.
    @Test(arguments: indexationCases)
    func allowancesFollowTheirRuleUpToTheCap(c: IndexationCase) {
        var basis = Scenario.Basis.neutral
        basis.allowanceIndexation = c.rule
        basis.indexationCapPerYear = c.cap
        basis.indexationLagYears = 2
        let index = ReplicationInputs.indexation(basis: basis, wageGrowth: c.wage, pensionIncrease: c.pension)
        #expect(index == ClaimRules.Indexation(allowancesPerYear: c.allowances, carePerYear: c.wage, pensionPerYear: c.pension, lagYears: 2))
    }
}
