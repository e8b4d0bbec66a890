import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// How scenario inputs become a replication's numbers (`ReplicationInputs`): rates per day and
/// per order, the lifetime inputs (mortality loading, pension, dependants), indexation by wage growth, the wage base grown to the
/// accident year, urban income from its table and grown past it, severity weights normalised.
@Suite struct ReplicationInputsRuleTests {
    @Test func ratesPerDayPerOrderAndBenefitPeriods() {
        var s = TinyScenario.make(claimsPerMillion: 250)
        s.sectors[0].fullTimeDaysPerWeek = .fixed(6)
        s.sectors[0].occasionalDaysPerYear = .fixed(73)
        s.benefits.mortalityLoading = .fixed(1.3)
        s.benefits.pensionAfterRetirementYuan = .fixed(700)
        s.benefits.childrenPerDeath = .fixed(1.2)
        s.basis.wageGrowthPerYear = .fixed(0.045)
        var weights = [Param](repeating: .fixed(0), count: Severity.allCases.count)
        weights[Severity.medicalOnly.rawValue] = .fixed(3)
        weights[Severity.death.rawValue] = .fixed(1)
        s.sectors[0].severity = weights
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let sector = inputs.sectors[0]
        #expect(abs(sector.fullTimeDailyProbability - 6.0 / 7) < 1e-15)
        #expect(abs(sector.occasionalDailyProbability - 0.2) < 1e-15)
        #expect(abs(sector.claimsPerOrder - 250e-6) < 1e-18)
        #expect(sector.severity[Severity.medicalOnly.rawValue] == 0.75 && sector.severity[Severity.death.rawValue] == 0.25)
        #expect(inputs.claimRules.lifetime.lifeTable.loading == 1.3)
        #expect(inputs.claimRules.lifetime.pensionYuanPerMonth == 700)
        #expect(inputs.dependantsPerDeath.children == 1.2 && inputs.dependantsPerDeath.parents == 0 && inputs.dependantsPerDeath.spouse == 0)
        #expect(inputs.claimRules.indexation == ClaimRules.Indexation(allowancesPerYear: 0.045, carePerYear: 0.045, pensionPerYear: 0))
    }

    /// A sector `drawnAs` another is drawn from that sector's streams: the same quantile of each
    /// input, so a renamed or merged sector of a chain keeps its worlds; its own name draws others.
    @Test func aSectorDrawnAsAnotherTakesItsQuantiles() {
        var s = TinyScenario.make()
        s.uncertainty = true
        s.sectors[0].name = "food"
        s.sectors[0].ordersPerHour = Param(.uniform(low: 1, high: 2))
        s.sectors[0].churnPerMonth = Param(.triangular(low: 0.05, mode: 0.1, high: 0.2))
        var merged = s
        merged.sectors[0].name = "instant"
        merged.sectors[0].ordersPerHour = Param(.uniform(low: 3, high: 5))
        var drawn = merged
        drawn.sectors[0].drawnAs = "food"
        for replication in 0..<8 {
            let (a, b, c) = (
                ReplicationInputs(scenario: s, replication: replication).sectors[0],
                ReplicationInputs(scenario: merged, replication: replication).sectors[0],
                ReplicationInputs(scenario: drawn, replication: replication).sectors[0]
            )
            #expect(abs((c.ordersPerHour - 3) / 2 - (a.ordersPerHour - 1)) < 1e-12, "the same quantile on the new prior")
            #expect(c.churnPerMonth == a.churnPerMonth)
            #expect(b.churnPerMonth != a.churnPerMonth)
        }
    }

    /// W(year) = W(start year) × (1 + g)^(year − start year).
    @Test(arguments: [(2024, 1.0), (2025, 1.05), (2027, 1.05 * 1.05 * 1.05)])
    func theWageBaseGrowsToTheAccidentYear(year: Int, factor: Double) {
        var s = TinyScenario.make()
        s.basis.wageGrowthPerYear = .fixed(0.05)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        #expect(abs(inputs.wageBase(province: 0, year: year, startYear: 2024) - 9000 * factor) < 1e-6)
    }

    /// Table years as given; later years grown from the latest table year before them.
    @Test(arguments: [(2022, 49283.0), (2023, 51821.0), (2024, 51821.0 * 1.06), (2026, 51821.0 * 1.06 * 1.06 * 1.06)])
    func urbanIncomeComesFromItsTableAndGrowsPastIt(year: Int, income: Double) {
        let table = [2022: 49283.0, 2023: 51821.0]
        #expect(abs(ReplicationInputs.urbanIncome(year: year, table: table, growth: 0.06) - income) < 1e-6)
    }
}
