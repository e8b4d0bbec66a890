import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// The rules of the financing methods' verdicts: when a reserve meets its target, which test
/// binds under each method, and the `solve` targets that read them.
@Suite struct FinancingVerdictTests {
    static func figures(_ months: [Double], target: Double = 12, shortfall: Double = 0) -> FinancingFigures {
        FinancingFigures(
            firstYear: 2030, reserveMonthsByYear: months, costRateLastYear: 0.2, rateChargedLastYear: 0.1, terminalRateLastYear: 0.3,
            capitalShortfallAtEnd: shortfall, generalAveragePremium: 0.25, actuarialBalance: -0.15, reserveTargetMonths: target)
    }

    struct HoldCase: Sendable, CustomStringConvertible {
        var months: [Double]
        var target: Double
        var through: Int?
        var holds: Bool
        var description: String { "\(months) ≥ \(target) through \(through.map(String.init) ?? "end")" }
    }

    /// Every year end from the first through the year asked counts; exactly the target is met;
    /// a year without spending (NaN) counts as met; a year before the horizon asks nothing.
    static let holdCases = [
        HoldCase(months: [14, .nan, 11], target: 12, through: nil, holds: false),
        HoldCase(months: [14, .nan, 11], target: 12, through: 2030, holds: true),
        HoldCase(months: [14, .nan, 11], target: 12, through: 2031, holds: true),
        HoldCase(months: [14, .nan, 11], target: 12, through: 2032, holds: false),
        HoldCase(months: [14, .nan, 11], target: 12, through: 2090, holds: false),
        HoldCase(months: [11, 14, 15], target: 12, through: 2029, holds: true),
        HoldCase(months: [11, 14, 15], target: 12, through: 2030, holds: false),
        HoldCase(months: [12, 12, 12], target: 12, through: nil, holds: true),
        HoldCase(months: [12, 12, 11.999], target: 12, through: nil, holds: false),
        HoldCase(months: [-3, 0, 2], target: 0, through: nil, holds: false),
        HoldCase(months: [0, 0, 2], target: 0, through: nil, holds: true)
    ]

    @Test(arguments: holdCases)
    func aReserveMeetsItsTargetAtEveryYearEndAsked(c: HoldCase) {
        let f = Self.figures(c.months, target: c.target)
        #expect(f.reserveHolds(months: c.target, through: c.through) == c.holds)
        if c.through == nil { #expect(f.reserveTargetMissed == !c.holds) }
        // The solve target reads the same rule.
        var m = ReplicationMetrics(
            ReplicationResult(replication: 0, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2030, month: 1),
            financing: .standard)
        m.financing = f
        #expect(PolicyCommands.Target.reserve(months: c.target, through: c.through, probability: 0.9).isMet(m) == c.holds)
    }

    @Test func theCapitalTargetAndTheRequiredShares() {
        var m = ReplicationMetrics(
            ReplicationResult(replication: 0, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2030, month: 1),
            financing: .standard)
        m.financing = Self.figures([20], shortfall: 0)
        #expect(PolicyCommands.Target.capital(0.05).isMet(m))
        m.financing = Self.figures([20], shortfall: 0.01)
        #expect(!PolicyCommands.Target.capital(0.05).isMet(m))
        #expect(PolicyCommands.Target.capital(0.05).requiredShare == 0.95)
        #expect(PolicyCommands.Target.reserve(months: 12, through: nil, probability: 0.8).requiredShare == 0.8)
    }

    struct BindingCase: Sendable, CustomStringConvertible {
        var method: Scenario.Financing.Method
        var failing: Int
        var exhausted: Int
        var fullFunding: Verdict
        var binding: FinancingOutcome.Binding
        var description: String { "\(method) failing \(failing) exhausted \(exhausted) → \(binding)" }
    }

    /// The test failing in more worlds binds; exhaustion wins a tie; none failing is neither;
    /// full funding keeps its own verdict whatever the other counts.
    static let bindingCases = [
        BindingCase(method: .payAsYouGo, failing: 0, exhausted: 0, fullFunding: .solvency, binding: .neither),
        BindingCase(method: .payAsYouGo, failing: 5, exhausted: 2, fullFunding: .solvency, binding: .reserveTarget),
        BindingCase(method: .payAsYouGo, failing: 5, exhausted: 5, fullFunding: .solvency, binding: .exhaustion),
        BindingCase(method: .payAsYouGo, failing: 1, exhausted: 3, fullFunding: .liquidity, binding: .exhaustion),
        BindingCase(method: .terminalFunding, failing: 4, exhausted: 1, fullFunding: .neither, binding: .capital),
        BindingCase(method: .terminalFunding, failing: 0, exhausted: 1, fullFunding: .liquidity, binding: .exhaustion),
        BindingCase(method: .terminalFunding, failing: 0, exhausted: 0, fullFunding: .solvency, binding: .neither),
        BindingCase(method: .fullFunding, failing: 9, exhausted: 9, fullFunding: .solvency, binding: .solvency),
        BindingCase(method: .fullFunding, failing: 0, exhausted: 9, fullFunding: .liquidity, binding: .liquidity),
        BindingCase(method: .fullFunding, failing: 9, exhausted: 0, fullFunding: .neither, binding: .neither)
    ]

    @Test(arguments: bindingCases)
    func theTestFailingInMoreWorldsBinds(c: BindingCase) {
        // Ten worlds: the first `exhausted` run short in 2031, the first `failing` miss the target
        // and end below the awards' capital.
        let metrics = (0..<10).map { index in
            var m = ReplicationMetrics(
                ReplicationResult(replication: index, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2030, month: 1),
                financing: .standard)
            m.firstShortfallMonth = index < c.exhausted ? 14 : nil
            m.ruined = index < c.exhausted
            m.financing = Self.figures(index < c.failing ? [11] : [13], shortfall: index < c.failing ? 1 : 0)
            return m
        }
        var settings = Scenario.Financing.standard
        settings.method = c.method
        let outcome = FinancingOutcome(
            metrics: metrics, settings: settings, start: YearMonth(year: 2030, month: 1), months: 24, fullFunding: c.fullFunding)
        #expect(outcome.binding == c.binding)
        #expect(outcome.exhaustedReplications == c.exhausted && outcome.targetMissedReplications == c.failing)
        #expect(outcome.capitalShortReplications == c.failing)
        #expect(outcome.exhaustionYear.map { $0.p50 } == (c.exhausted > 0 ? 2031 : nil))
        #expect(outcome.lastYear == 2031 && outcome.fullYears == 2)
    }

    /// The horizon's full calendar years: a year counts only when all twelve of its months are inside.
    @Test(arguments: [
        (YearMonth(year: 2030, month: 1), 12, 1), (YearMonth(year: 2030, month: 1), 11, 0), (YearMonth(year: 2030, month: 2), 12, 0),
        (YearMonth(year: 2030, month: 7), 30, 2), (YearMonth(year: 2030, month: 12), 13, 1), (YearMonth(year: 2026, month: 1), 600, 50)
    ])
    func fullYearsAreWholeCalendarYears(start: YearMonth, months: Int, full: Int) {
        let outcome = FinancingOutcome(metrics: [], settings: .standard, start: start, months: months, fullFunding: .neither)
        #expect(outcome.fullYears == full)
    }
}
