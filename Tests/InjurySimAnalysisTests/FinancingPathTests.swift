import Foundation
import InjurySimCore
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// One replication's financing figures (``FinancingPath``) and their summary over replications
/// (``FinancingSummary``) on results built by hand (monthly values set directly): the calendar
/// cut, which items count as short- and long-term spending, the rates, the reserve in months, the
/// exhaustion year, the constituent-capital recursion, the general average premium against the
/// closed form, and the reserve target's edge cases.
@Suite struct FinancingPathTests {
    static let january = YearMonth(year: 2024, month: 1)
    static let july = YearMonth(year: 2024, month: 7)

    /// An empty result of `months` months and `pools` pools (the total at index `pools`).
    static func result(months: Int, pools: Int = 1, discount: Double = 0) -> ReplicationResult {
        var r = ReplicationResult(replication: 0, months: months, poolCount: pools, sectorCount: 1)
        r.discountRatePerYear = discount
        return r
    }

    /// 18 months from July 2024 in pool 1 of two: years 2024 (6 months) and 2025 (12); flows
    /// summed, stocks at the year's last month, the other pool and the total not read.
    @Test func theYearsAreCutAsTheYearlyFileCutsThem() {
        var r = Self.result(months: 18, pools: 2)
        for month in 0..<18 {
            r.set(Int64(1_000 + month), month: month, pool: 1, metric: .orders)
            r.set(Int64(10 * month), month: month, pool: 1, metric: .contributions)
            r.set(Int64(500 - month), month: month, pool: 1, metric: .netPosition)
            r.set(999_999, month: month, pool: 0, metric: .orders)
            r.set(-1, month: month, pool: 2, metric: .netPosition)
        }
        let path = FinancingPath(r, pool: 1, start: Self.july)
        #expect(path.years.map(\.year) == [2024, 2025])
        #expect(path.years.map(\.months) == [6, 12])
        #expect(path.years[0].orders == Double((0..<6).reduce(0) { $0 + 1_000 + $1 }))
        #expect(path.years[1].orders == Double((6..<18).reduce(0) { $0 + 1_000 + $1 }))
        #expect(path.years[1].contributions == Double((6..<18).reduce(0) { $0 + 10 * $1 }))
        #expect(path.years.map(\.reserve) == [495, 483])
        #expect(path.exhaustionYear == nil, "the total's shortfall is not pool 1's")
        #expect(path.fullYearIndices == [1])
        let cut = FinancingPath.calendarYears(start: Self.july, months: 18)
        #expect(cut.map(\.first) == [0, 6])
    }

    /// Each of the nine items in its own decimal digit: short-term = medical, suspension wages,
    /// disability and death lump sums, funeral; long-term = disability allowance, care, grade
    /// 5–6 allowance, dependants' pensions; spending = benefits due + administration (not paid).
    @Test func spendingSplitsIntoShortAndLongTermBenefits() {
        var r = Self.result(months: 12)
        var due: Int64 = 0
        for item in BenefitItem.allCases {
            let amount = Int64(pow(10, Double(item.index)))
            r.set(amount, month: 3, pool: 0, metric: .due(item))
            due += amount
        }
        r.set(due, month: 3, pool: 0, metric: .benefitsDue)
        r.set(7_000_000_000, month: 3, pool: 0, metric: .benefitsPaid)
        r.set(20_000_000_000, month: 4, pool: 0, metric: .adminCost)
        r.set(50_000_000_000, month: 4, pool: 0, metric: .awardsCapitalValue)
        r.set(1_000, month: 0, pool: 0, metric: .orders)
        r.set(4_000_000, month: 1, pool: 0, metric: .contributions)
        let year = FinancingPath(r, pool: 0, start: Self.january).years[0]
        // medical 1, suspension 10, disability subsidy 100, allowance 1e3, care 1e4, grade 5–6 1e5,
        // death subsidy 1e6, funeral 1e7, dependants 1e8.
        #expect(year.shortTerm == 11_000_111)
        #expect(year.longTerm == 100_111_000)
        #expect(year.adminCost == 20_000_000_000)
        #expect(year.spending == Double(due) + 20_000_000_000)
        #expect(year.spending == year.shortTerm + year.longTerm + year.adminCost)
        #expect(year.awardsCapitalValue == 50_000_000_000)
        #expect(year.costRate == year.spending / 100 / 1_000)
        #expect(year.rateCharged == 40)
        let terminalCost: Double = 11_000_111 + 20_000_000_000 + 50_000_000_000
        #expect(year.terminalRate == terminalCost / 100 / 1_000)
    }

    /// Rates without orders are NaN; the reserve in months annualises a partial year's spending.
    @Test func ratesAndReserveMonthsOfPartialYears() throws {
        var r = Self.result(months: 18)
        for month in 0..<18 {
            r.set(100, month: month, pool: 0, metric: .benefitsDue)
            r.set(100, month: month, pool: 0, metric: .dueMedical)
            r.set(month < 6 ? 0 : 50, month: month, pool: 0, metric: .orders)
            r.set(1_200, month: month, pool: 0, metric: .netPosition)
        }
        let path = FinancingPath(r, pool: 0, start: Self.july)
        #expect(path.years[0].costRate.isNaN && path.years[0].rateCharged.isNaN && path.years[0].terminalRate.isNaN)
        // 6 months spending 600, reserve 1,200: 12 months of the months' spending either way.
        #expect(try #require(path.years[0].reserveMonths) == 12)
        #expect(try #require(path.years[1].reserveMonths) == 12)
        #expect(path.years[1].costRate == 1_200.0 / 100 / 600)
        var quiet = Self.result(months: 3)
        quiet.set(5, month: 2, pool: 0, metric: .netPosition)
        #expect(FinancingPath(quiet, pool: 0, start: Self.january).years[0].reserveMonths == nil)
    }

    /// The exhaustion year is the calendar year of ReplicationMetrics' first shortfall month.
    @Test(arguments: [(january, 13, 2025), (july, 5, 2024), (july, 6, 2025), (january, 0, 2024), (july, 23, 2026)])
    func theExhaustionYearIsTheFirstShortfallsYear(start: YearMonth, month: Int, year: Int) throws {
        var r = Self.result(months: 24)
        for m in 0..<24 { r.set(m >= month ? -1 : 1, month: m, pool: 0, metric: .netPosition) }
        if month < 23 { r.set(5, month: month + 1, pool: 0, metric: .netPosition) }  // recovering later does not matter
        try r.sumPools()
        let shortfall = try #require(ReplicationMetrics(r, pool: 0, start: start, financing: .standard).firstShortfallMonth)
        #expect(shortfall == month)
        let path = FinancingPath(r, pool: 0, start: start)
        #expect(path.exhaustionYear == start.adding(months: shortfall).year)
        #expect(path.exhaustionYear == year)
    }

    /// R_{t+1} = (R_t + CV_t − L_t)(1+i)^{m_t/12} from R_0 = 0, over a partial first year, two
    /// full years and a partial last one, against the recursion by hand; then the shortfall at
    /// the end against the reserve.
    @Test func theConstituentCapitalReserveFollowsTheRecursion() {
        let i = 0.04
        var r = Self.result(months: 6 + 24 + 3, discount: i)
        let awards: [Int64] = [9_000_000, 4_000_000, 5_000_000, 0]
        let longTerm: [Int64] = [300_000, 1_100_000, 1_700_000, 600_000]
        let cut = FinancingPath.calendarYears(start: Self.july, months: 33)
        for (index, year) in cut.enumerated() {
            // Spread over two months of the year, on different items.
            r.set(awards[index], month: year.first, pool: 0, metric: .awardsCapitalValue)
            r.set(longTerm[index] / 2, month: year.first, pool: 0, metric: .dueCareAllowance)
            r.set(longTerm[index] - longTerm[index] / 2, month: year.first + year.months - 1, pool: 0, metric: .dueDependantsPension)
            r.set(100, month: year.first, pool: 0, metric: .dueMedical)
        }
        let path = FinancingPath(r, pool: 0, start: Self.july)
        var hand = 0.0
        for (index, year) in cut.enumerated() {
            hand = (hand + Double(awards[index]) - Double(longTerm[index])) * pow(1 + i, Double(year.months) / 12)
            #expect(abs(path.years[index].constituentCapital - hand) <= 1e-9 * hand, "year \(year.year)")
            #expect(path.years[index].longTerm == Double(longTerm[index]))
        }
        #expect(abs(path.terminalShortfallAtEnd - hand) <= 1e-9 * hand, "no reserve at all")
        r.set(Int64(hand.rounded(.down)) + 10, month: 32, pool: 0, metric: .netPosition)
        #expect(FinancingPath(r, pool: 0, start: Self.july).terminalShortfallAtEnd == 0)
        r.set(1_000_000, month: 32, pool: 0, metric: .netPosition)
        #expect(abs(FinancingPath(r, pool: 0, start: Self.july).terminalShortfallAtEnd - (hand - 1_000_000)) <= 1e-9 * hand)
    }

    struct GrowthCase: Sendable, CustomTestStringConvertible {
        var start: YearMonth
        var c: Double, n: Double, i: Double, T: Int, k: Double
        /// F_0 / O_0, fen per order.
        var f0: Double
        var testDescription: String { "from \(start), c \(c), n \(n), i \(i), T \(T), k \(k), F0/O0 \(f0)" }
    }

    /// A path with constant growth (orders O_0(1+n)ᵗ, spending C_0(1+c)ᵗ O_t, whole years booked
    /// in one month) has the closed form's premium: with k = 0 as it is, and with k the closing
    /// reserve is k × the spending of the period's last year, so §6.3's k is k/((1+c)(1+n)). A
    /// start in July leaves a partial first year whose end reserve is F_0.
    @Test(arguments: [
        GrowthCase(start: january, c: 0.03, n: 0.02, i: 0.025, T: 10, k: 0, f0: 0),
        GrowthCase(start: january, c: 0.03, n: 0.02, i: 0.025, T: 10, k: 1, f0: 2),
        GrowthCase(start: july, c: 0.05, n: -0.01, i: 0.04, T: 6, k: 1, f0: 1.5),
        GrowthCase(start: january, c: 0, n: 0, i: 0, T: 4, k: 0.5, f0: 0),
        GrowthCase(start: july, c: 0.01, n: 0.06, i: 0.01, T: 1, k: 2, f0: -3)
    ])
    func thePremiumOfAConstantGrowthPathIsTheClosedForm(c: GrowthCase) throws {
        let (o0, c0) = (1e10, 7.0)  // orders, fen per order
        let offset = c.start.month == 1 ? 0 : 13 - c.start.month
        var r = Self.result(months: offset + 12 * (c.T + 1), discount: c.i)
        for t in 0...c.T {
            let month = offset + 12 * t
            let orders = o0 * pow(1 + c.n, Double(t))
            r.set(Int64(orders.rounded()), month: month, pool: 0, metric: .orders)
            let spending = Int64((c0 * pow(1 + c.c, Double(t)) * orders).rounded())
            r.set(spending, month: month, pool: 0, metric: .benefitsDue)
            r.set(spending, month: month, pool: 0, metric: .dueMedical)
            r.set(Int64((9 * orders).rounded()), month: month, pool: 0, metric: .contributions)
        }
        let f0 = Int64(c.f0 * o0)
        if offset == 0 { r.openingReserve[0] = f0 } else { r.set(f0, month: offset - 1, pool: 0, metric: .netPosition) }
        let path = FinancingPath(r, pool: 0, start: c.start)
        #expect(path.fullYearIndices.count == c.T + 1)
        let premium = try #require(path.generalAveragePremium(years: c.T, closingReserveYears: c.k))
        let closed = FinancingFormulas.generalAveragePremium(
            costRate: c0 / 100, costGrowth: c.c, baseGrowth: c.n, discount: c.i, years: c.T,
            closingReserveYears: c.k / ((1 + c.c) * (1 + c.n)), openingReserveToBase: c.f0 / 100)
        #expect(abs(premium - closed) <= 1e-8 * abs(closed), "\(premium) vs \(closed)")
        let income = try #require(path.summarizedIncomeRate(years: c.T))
        #expect(abs(income - 0.09) < 1e-9)
        let balance = try #require(path.actuarialBalance(years: c.T, closingReserveYears: c.k))
        #expect(abs(balance - (income - premium)) < 1e-15)
        #expect(path.generalAveragePremium(years: c.T + 2, closingReserveYears: c.k) == nil, "beyond the full years")
        #expect(path.generalAveragePremium(years: 0, closingReserveYears: c.k) == nil)
    }

    struct TargetCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Per year from January 2024: (reserve at year end, spending in the year).
        var years: [(reserve: Int64, spending: Int64)]
        var k: Double
        var through: Int
        var met: Bool
        var testDescription: String { name }
    }

    static let targetCases: [TargetCase] = [
        TargetCase(name: "every year above", years: [(700, 1_200), (800, 1_200)], k: 6, through: 2025, met: true),
        TargetCase(name: "exactly the target counts as met", years: [(600, 1_200), (600, 1_200)], k: 6, through: 2025, met: true),
        TargetCase(name: "one fen short in the first year", years: [(599, 1_200), (900, 1_200)], k: 6, through: 2025, met: false),
        TargetCase(name: "a short year after `through` is not read", years: [(600, 1_200), (10, 1_200)], k: 6, through: 2024, met: true),
        TargetCase(name: "a short last year counts when it is `through`", years: [(600, 1_200), (10, 1_200)], k: 6, through: 2025, met: false),
        TargetCase(name: "a year without spending counts as met", years: [(-5, 0), (600, 1_200)], k: 6, through: 2025, met: true),
        TargetCase(name: "a year before the horizon is met", years: [(-5, 1_200)], k: 6, through: 2023, met: true),
        TargetCase(name: "a negative reserve misses a zero target", years: [(-1, 1_200)], k: 0, through: 2024, met: false),
        TargetCase(name: "`through` beyond the horizon reads every year", years: [(600, 1_200), (599, 1_200)], k: 6, through: 2030, met: false)
    ]

    @Test(arguments: targetCases)
    func theReserveTarget(c: TargetCase) {
        var r = Self.result(months: 12 * c.years.count)
        for (index, year) in c.years.enumerated() {
            r.set(year.spending, month: 12 * index, pool: 0, metric: .benefitsDue)
            r.set(year.reserve, month: 12 * index + 11, pool: 0, metric: .netPosition)
        }
        #expect(FinancingPath(r, pool: 0, start: Self.january).reserveTargetMet(months: c.k, through: c.through) == c.met)
    }

    /// A partial year's spending is annualised for the target: 6 months spending 600 with a
    /// reserve of 600 hold 6 months of spending.
    @Test func theTargetReadsAPartialYearAnnualised() {
        var r = Self.result(months: 6)
        r.set(600, month: 0, pool: 0, metric: .benefitsDue)
        r.set(600, month: 5, pool: 0, metric: .netPosition)
        let path = FinancingPath(r, pool: 0, start: Self.july)
        #expect(path.reserveTargetMet(months: 6, through: 2024))
        #expect(!path.reserveTargetMet(months: 6.01, through: 2024))
    }

    /// The opening reserve and the discount rate are the result's, per pool.
    @Test func theOpeningReserveAndDiscountAreTheResults() {
        var r = Self.result(months: 12, pools: 2, discount: 0.031)
        r.openingReserve = [11, 22, 33]
        #expect(FinancingPath(r, pool: 1, start: Self.january).openingReserve == 22)
        #expect(FinancingPath(r, pool: 2, start: Self.january).openingReserve == 33)
        #expect(FinancingPath(r, pool: 0, start: Self.january).discountRate == 0.031)
    }

    /// Three replications over 2024–2026 from January: one exhausted in 2025, one in 2026, one
    /// never (and short of its constituent capital); the periods the horizon covers, and the
    /// verdict's counts — exhaustion and its year, the target, the terminal shortfall (fen).
    @Test func theSummaryCountsOverReplications() throws {
        func path(exhaustedAt month: Int?, reserve: Int64, capital: Int64) throws -> ReplicationResult {
            var r = Self.result(months: 36)
            for m in 0..<36 {
                r.set(1_000, month: m, pool: 0, metric: .orders)
                r.set(100, month: m, pool: 0, metric: .benefitsDue)
                r.set(100, month: m, pool: 0, metric: .dueMedical)
                r.set(month.map { m >= $0 ? -1 : reserve } ?? reserve, month: m, pool: 0, metric: .netPosition)
            }
            r.set(capital, month: 0, pool: 0, metric: .awardsCapitalValue)
            try r.sumPools()
            return r
        }
        let results = [
            try path(exhaustedAt: 14, reserve: 900, capital: 0), try path(exhaustedAt: 30, reserve: 600, capital: 0),
            try path(exhaustedAt: nil, reserve: 700, capital: 800)
        ]
        let summary = FinancingSummary(results: results, pool: 1, start: Self.january, gapYears: [1, 3, 5], closingReserveYears: 1)
        #expect(summary.replications == 3)
        #expect(summary.gap.map(\.years) == [1, 3] && summary.actuarialBalance.map(\.years) == [1, 3])
        #expect(summary.summarizedIncomeRate.map(\.rate.p50) == [0, 0])
        #expect(
            summary.gap[1].premium.p50
                == FinancingPath(results[1], pool: 1, start: Self.january).generalAveragePremium(years: 3, closingReserveYears: 1))
        // The verdict's counts over the same replications (FinancingOutcome, from each one's metrics).
        var settings = Scenario.Financing.standard
        settings.reserveTargetMonths = 6
        let metrics = results.map { ReplicationMetrics($0, pool: 1, start: Self.january, financing: settings) }
        let outcome = FinancingOutcome(metrics: metrics, settings: settings, start: Self.january, months: 36, fullFunding: .neither)
        #expect(outcome.exhaustedReplications == 2)
        let years = try #require(outcome.exhaustionYear)
        #expect(years.p5 == 2025 && years.p95 == 2026 && years.mean == 2025.5)
        // 6 months of 1,200 a year is 600: the third path holds 700 every year end; the first
        // two fall below it when exhausted.
        #expect(outcome.targetMissedReplications == 2)
        // The exhausted two end 1 fen below a capital of 0; the third ¥1 below its 800 fen.
        #expect(outcome.capitalShortReplications == 3)
        #expect(outcome.capitalShortfallAtEnd.p5 == 1 && outcome.capitalShortfallAtEnd.p95 == 100)
    }
}
