import Foundation
import Testing

@testable import InjurySimAnalysis

/// The financing methods' closed forms against the test vectors of the shared reference
/// financing.md §6 (each figure the reference gives, to the decimals it gives), and the
/// identities between them: the general average premium's present-value balance (§6.6 i), the
/// depletion time against the fund recursion, and the Aaron–Samuelson condition against the two
/// rates it compares.
@Suite struct FinancingFormulasTests {
    struct AnnuityCase: Sendable, CustomTestStringConvertible {
        var name: String
        var value: @Sendable () -> Double?
        var expected: Double
        var tolerance: Double
        var testDescription: String { name }
    }

    /// §6.1's vectors (6 decimals: tolerance 5e-7; the life annuity's 1e-6, as the reference
    /// truncates 1/(δ − γ + μ) = 50.6170857 to 50.617085), and q = 1 ⇒ exactly n.
    static let annuityCases: [AnnuityCase] = [
        AnnuityCase(
            name: "ä, i 3%, g 2%, 20 years", value: { FinancingFormulas.annuityDue(years: 20, growth: 0.02, discount: 0.03) }, expected: 18.258496,
            tolerance: 5e-7),
        AnnuityCase(
            name: "ā, i 3%, g 2%, 20 years", value: { FinancingFormulas.continuousAnnuity(years: 20, growth: 0.02, discount: 0.03) },
            expected: 18.169719, tolerance: 5e-7),
        AnnuityCase(name: "ä(12)_1, i 3%", value: { FinancingFormulas.monthlyFactor(discount: 0.03) }, expected: 0.986579, tolerance: 5e-7),
        AnnuityCase(
            name: "monthly, indexed yearly, i 3%, g 2%, 20 years",
            value: { FinancingFormulas.monthlyIndexedAnnuity(years: 20, growth: 0.02, discount: 0.03) }, expected: 216.161441, tolerance: 5e-7),
        AnnuityCase(
            name: "life, constant force 0.01, i 3%, g 2%",
            value: { FinancingFormulas.constantForceLifeAnnuity(growth: 0.02, discount: 0.03, force: 0.01) }, expected: 50.617085, tolerance: 1e-6),
        AnnuityCase(
            name: "ä, g = i = 3% ⇒ n", value: { FinancingFormulas.annuityDue(years: 20, growth: 0.03, discount: 0.03) }, expected: 20, tolerance: 0),
        AnnuityCase(name: "ä, g = i = 0 ⇒ n", value: { FinancingFormulas.annuityDue(years: 7, growth: 0, discount: 0) }, expected: 7, tolerance: 0),
        AnnuityCase(
            name: "ā, g = i ⇒ n", value: { FinancingFormulas.continuousAnnuity(years: 12.5, growth: 0.025, discount: 0.025) }, expected: 12.5,
            tolerance: 0),
        AnnuityCase(name: "ä(12)_1, i = 0 ⇒ 1", value: { FinancingFormulas.monthlyFactor(discount: 0) }, expected: 1, tolerance: 0),
        AnnuityCase(name: "ä, 1 year ⇒ 1", value: { FinancingFormulas.annuityDue(years: 1, growth: 0.05, discount: 0.01) }, expected: 1, tolerance: 0)
    ]

    @Test(arguments: annuityCases)
    func annuitiesCertainMatchTheReference(c: AnnuityCase) throws {
        let value = try #require(c.value())
        #expect(abs(value - c.expected) <= c.tolerance, "\(value)")
    }

    /// ä equals its own series summed term by term (catches a wrong q or an off-by-one in n).
    @Test(arguments: [(0.0, 0.03, 5), (0.02, 0.03, 20), (0.05, 0.02, 11), (-0.01, 0.04, 3)])
    func theAnnuityDueIsItsSeries(growth: Double, discount: Double, years: Int) {
        let q = (1 + growth) / (1 + discount)
        let series = (0..<years).reduce(0.0) { $0 + pow(q, Double($1)) }
        #expect(abs(FinancingFormulas.annuityDue(years: years, growth: growth, discount: discount) - series) < 1e-9)
    }

    /// The life annuity does not converge when δ − γ + μ ≤ 0.
    @Test func aDivergentLifeAnnuityIsNil() {
        #expect(FinancingFormulas.constantForceLifeAnnuity(growth: 0.05, discount: 0.02, force: 0.01) == nil)
    }

    struct PremiumCase: Sendable, CustomTestStringConvertible {
        var c0: Double, c: Double, n: Double, i: Double, T: Int, k: Double, f0: Double
        var testDescription: String { "C0 \(c0), c \(c), n \(n), i \(i), T \(T), k \(k), F0/O0 \(f0)" }
    }

    /// c = 0, k = 0, F_0 = 0 ⇒ π = C_0 exactly, whatever the base's growth and the discount (§6.3).
    @Test(arguments: [
        PremiumCase(c0: 0.05, c: 0, n: 0.02, i: 0.025, T: 30, k: 0, f0: 0), PremiumCase(c0: 0.31, c: 0, n: 0, i: 0.03, T: 10, k: 0, f0: 0),
        PremiumCase(c0: 0.07, c: 0, n: -0.02, i: 0, T: 5, k: 0, f0: 0), PremiumCase(c0: 0.12, c: 0, n: 0.025, i: 0.025, T: 8, k: 0, f0: 0)
    ])
    func aConstantCostRateIsItsOwnPremium(c: PremiumCase) {
        let premium = FinancingFormulas.generalAveragePremium(
            costRate: c.c0, costGrowth: c.c, baseGrowth: c.n, discount: c.i, years: c.T, closingReserveYears: c.k, openingReserveToBase: c.f0)
        #expect(abs(premium - c.c0) < 1e-12, "\(premium)")
    }

    /// §6.3's vector: π = 0.0821937, and the fund built at π from F_0 = 0 ends at
    /// F_30 = 0.2198325·O_0 = 1.0·B_30 (the closing target).
    @Test func theReferencePremiumBuildsItsClosingReserve() {
        let (c0, c, n, i, T) = (0.05, 0.03, 0.02, 0.025, 30)
        let premium = FinancingFormulas.generalAveragePremium(
            costRate: c0, costGrowth: c, baseGrowth: n, discount: i, years: T, closingReserveYears: 1, openingReserveToBase: 0)
        #expect(abs(premium - 0.0821937) < 5e-8, "\(premium)")
        let base = (0...T).map { pow(1 + n, Double($0)) }
        let spending = (0...T).map { c0 * pow(1 + c, Double($0)) * base[$0] }
        let funds = FinancingFormulas.fundPath(
            opening: 0, income: base.prefix(T).map { premium * $0 }, outgo: Array(spending.prefix(T)), interest: i)
        #expect(funds.count == T + 1)
        #expect(abs(funds[T] - 0.2198325) < 5e-8, "\(funds[T])")
        #expect(abs(funds[T] - spending[T]) < 1e-12, "F_30 = B_30")
    }

    /// §6.6 (i): at π_GAP, PV(contributions) + F_0 − PV(benefits) − vᵀ F_T = 0 with F_T the
    /// recursion's fund, which is then the target k·B_T; and the premium of the flows themselves
    /// (§1.3) is the closed form's.
    @Test(arguments: [
        PremiumCase(c0: 0.05, c: 0.03, n: 0.02, i: 0.025, T: 30, k: 1, f0: 0),
        PremiumCase(c0: 0.05, c: 0.03, n: 0.02, i: 0.025, T: 30, k: 0, f0: 0.1),
        PremiumCase(c0: 0.2, c: -0.01, n: 0.05, i: 0.01, T: 12, k: 2, f0: 0.3),
        PremiumCase(c0: 0.1, c: 0.04, n: 0, i: 0, T: 20, k: 0.5, f0: 0.05),
        PremiumCase(c0: 0.08, c: 0.01, n: 0.02, i: 0.0302, T: 7, k: 1, f0: 0)
    ])
    func thePremiumBalancesPresentValues(c: PremiumCase) throws {
        let premium = FinancingFormulas.generalAveragePremium(
            costRate: c.c0, costGrowth: c.c, baseGrowth: c.n, discount: c.i, years: c.T, closingReserveYears: c.k, openingReserveToBase: c.f0)
        let base = (0...c.T).map { pow(1 + c.n, Double($0)) }
        let spending = (0...c.T).map { c.c0 * pow(1 + c.c, Double($0)) * base[$0] }
        let income = base.prefix(c.T).map { premium * $0 }
        let funds = FinancingFormulas.fundPath(opening: c.f0, income: income, outgo: Array(spending.prefix(c.T)), interest: c.i)
        let v = 1 / (1 + c.i)
        let balance =
            FinancingFormulas.presentValue(income, discount: c.i) + c.f0 - FinancingFormulas.presentValue(Array(spending.prefix(c.T)), discount: c.i)
            - pow(v, Double(c.T)) * funds[c.T]
        #expect(abs(balance) < 1e-12, "\(balance)")
        #expect(abs(funds[c.T] - c.k * spending[c.T]) < 1e-10)
        let flows = try #require(
            FinancingFormulas.generalAveragePremium(
                spending: Array(spending.prefix(c.T)), base: Array(base.prefix(c.T)), discount: c.i, openingReserve: c.f0,
                closingReserve: c.k * spending[c.T]))
        #expect(abs(flows - premium) < 1e-12)
    }

    @Test func thePremiumOfFlowsNeedsABase() {
        #expect(FinancingFormulas.generalAveragePremium(spending: [1, 2], base: [0, 0], discount: 0.02, openingReserve: 0, closingReserve: 0) == nil)
        #expect(FinancingFormulas.generalAveragePremium(spending: [1, 2], base: [1], discount: 0.02, openingReserve: 0, closingReserve: 0) == nil)
    }

    struct DepletionCase: Sendable, CustomTestStringConvertible {
        var fund: Double, deficit: Double, g: Double, i: Double
        var expected: Double?
        var tolerance: Double
        var testDescription: String { "F0 \(fund), D0 \(deficit), g \(g), i \(i)" }
    }

    /// §6.4's three cases (4 decimals: tolerance 5e-5) and the funds never depleted.
    static let depletionCases: [DepletionCase] = [
        DepletionCase(fund: 100, deficit: 10, g: 0, i: 0, expected: 10.0, tolerance: 1e-12),
        DepletionCase(fund: 100, deficit: 10, g: 0, i: 0.02, expected: 11.0214, tolerance: 5e-5),
        DepletionCase(fund: 100, deficit: 10, g: 0.05, i: 0.02, expected: 8.8945, tolerance: 5e-5),
        DepletionCase(fund: 100, deficit: 10, g: 0.03, i: 0.03, expected: 10.0, tolerance: 1e-12),
        // Interest covers the deficit: i·F_0 = 2 ≥ D_0(1+i) = 1.02.
        DepletionCase(fund: 100, deficit: 1, g: 0, i: 0.02, expected: nil, tolerance: 0),
        // q < 1 and F_0(1 − q) ≥ D_0: q = 1.01/1.05, F_0(1 − q) = 3.81 ≥ 3.
        DepletionCase(fund: 100, deficit: 3, g: 0.01, i: 0.05, expected: nil, tolerance: 0),
        DepletionCase(fund: 100, deficit: 0, g: 0, i: 0, expected: nil, tolerance: 0),
        DepletionCase(fund: 0, deficit: 10, g: 0, i: 0.02, expected: 0, tolerance: 0)
    ]

    @Test(arguments: depletionCases)
    func theDepletionTimeMatchesTheReference(c: DepletionCase) {
        let t = FinancingFormulas.depletionTime(fund: c.fund, deficit: c.deficit, deficitGrowth: c.g, interest: c.i)
        if let expected = c.expected {
            #expect(t.map { abs($0 - expected) <= c.tolerance } == true, "\(String(describing: t))")
        } else {
            #expect(t == nil, "\(String(describing: t))")
        }
    }

    /// ⌊t*⌋ is the number of full years the recursion pays: §6.4's simulation pays 8 full years
    /// then holds 13.20 < D_8; and so for a grid of rates (a wrong branch or a wrong q fails).
    @Test(arguments: [(0.0, 0.0), (0.0, 0.02), (0.05, 0.02), (0.02, 0.05), (0.04, 0.0), (0.01, 0.03)])
    func theDepletionYearIsTheRecursionsFullYears(g: Double, i: Double) throws {
        let (fund, deficit) = (100.0, 10.0)
        let deficits = (0..<60).map { deficit * pow(1 + g, Double($0)) }
        let funds = FinancingFormulas.fundPath(opening: fund, income: deficits.map { _ in 0 }, outgo: deficits, interest: i)
        let paid = try #require(deficits.indices.first { funds[$0] < deficits[$0] })
        let t = try #require(FinancingFormulas.depletionTime(fund: fund, deficit: deficit, deficitGrowth: g, interest: i))
        #expect(Int(t.rounded(.down)) == paid, "t* \(t), full years \(paid)")
        if g == 0.05 && i == 0.02 {
            #expect(paid == 8)
            #expect(abs(funds[8] - 13.20) < 0.005, "\(funds[8])")
        }
    }

    /// §6.5: the 2021 national fund, 1,411 of 990 ⇒ 17.1 months; its reserve 164 ⇒ 2.0; a
    /// partial year is annualised; nothing spent ⇒ nil.
    @Test(arguments: [
        (1_411.0, 990.0, 12.0, 17.1, 0.05), (164.0, 990.0, 12.0, 2.0, 0.05), (300.0, 600.0, 6.0, 3.0, 1e-12), (300.0, 600.0, 12.0, 6.0, 1e-12),
        (-50.0, 100.0, 12.0, -6.0, 1e-12)
    ])
    func theReserveRatioInMonths(reserve: Double, spending: Double, months: Double, expected: Double, tolerance: Double) throws {
        let value = try #require(FinancingFormulas.reserveMonths(reserve: reserve, spending: spending, months: months))
        #expect(abs(value - expected) <= tolerance, "\(value)")
        #expect(FinancingFormulas.reserveMonths(reserve: reserve, spending: 0, months: months) == nil)
    }

    /// §6.2: in a stationary population the PAYG rate is frequency × the undiscounted cost per
    /// claim and the TF rate the discounted one; with i = g, TF is undiscounted too (§6.6 iv).
    @Test func stationaryRates() {
        let costs = [3.0, 2, 2, 1, 0.5]
        let payg = FinancingFormulas.payAsYouGoRate(
            claimsPerOrder: 2e-6, wageBase: 5_000, costs: costs, orderGrowth: 0, wageGrowth: 0, indexation: 0, year: 4)
        #expect(abs(payg - 2e-6 * 5_000 * 8.5) < 1e-15)
        let tf = FinancingFormulas.terminalFundingRate(
            claimsPerOrder: 2e-6, wageBase: 5_000, costs: costs, wageGrowth: 0, indexation: 0, discount: 0.03, year: 4)
        let discounted = costs.indices.reduce(0.0) { $0 + costs[$1] * pow(1 / 1.03, Double($1)) }
        #expect(abs(tf - 2e-6 * 5_000 * discounted) < 1e-15)
        let level = FinancingFormulas.terminalFundingRate(
            claimsPerOrder: 2e-6, wageBase: 5_000, costs: costs, wageGrowth: 0, indexation: 0.03, discount: 0.03, year: 4)
        #expect(abs(level - payg) < 1e-15)
    }

    /// §6.2 with growth: over a grid of n, w, g, i, PAYG < TF exactly when (1+n)(1+w) > 1+i,
    /// the rates equal when they are equal, and both grow with (1+w)ᵗ.
    @Test func payAsYouGoIsCheaperExactlyUnderAaronSamuelson() {
        let costs = [1.0, 0.8, 0.8, 0.6, 0.6, 0.4]
        var compared = 0
        for n in [-0.02, 0, 0.01, 0.04] {
            for w in [0, 0.02, 0.05] {
                for g in [0, 0.02] {
                    for i in [0, 0.015, 0.03, 0.06] {
                        let payg = FinancingFormulas.payAsYouGoRate(
                            claimsPerOrder: 1e-5, wageBase: 100, costs: costs, orderGrowth: n, wageGrowth: w, indexation: g, year: 3)
                        let tf = FinancingFormulas.terminalFundingRate(
                            claimsPerOrder: 1e-5, wageBase: 100, costs: costs, wageGrowth: w, indexation: g, discount: i, year: 3)
                        let cheaper = FinancingFormulas.payAsYouGoIsCheaper(orderGrowth: n, wageGrowth: w, discount: i)
                        #expect((payg < tf) == cheaper, "n \(n) w \(w) g \(g) i \(i): \(payg) vs \(tf)")
                        if (1 + n) * (1 + w) == 1 + i { #expect(payg == tf) }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 96)
        let later = FinancingFormulas.payAsYouGoRate(
            claimsPerOrder: 1e-5, wageBase: 100, costs: costs, orderGrowth: 0.01, wageGrowth: 0.05, indexation: 0.02, year: 4)
        let earlier = FinancingFormulas.payAsYouGoRate(
            claimsPerOrder: 1e-5, wageBase: 100, costs: costs, orderGrowth: 0.01, wageGrowth: 0.05, indexation: 0.02, year: 3)
        #expect(abs(later / earlier - 1.05) < 1e-12)
    }
}
