import InjurySimCore
import InjurySimScenarioTestSupport
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// The solvency books: assets (cash + contributions receivable) less every liability, the IBNR
/// reserve of claims reported later, and loss ratios over one window.
@Suite struct SolvencyTests {
    static func run(_ scenario: Scenario, replications: Int = 2) async -> [ReplicationResult] {
        await MonteCarloRunner.run(scenario: scenario, replications: 0..<replications, threads: 2)
    }

    /// Every month and pool: solvency position = cash + booked contributions − debt − reported
    /// liabilities (incl. arrears) − IBNR, to the fen at full scale.
    @Test func solvencyPositionIsAssetsLessEveryLiability() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.replications = 2
        var sawIBNR = false
        for result in await Self.run(scenario) {
            for pool in 0...result.poolCount {
                for month in 0..<result.months {
                    func v(_ metric: Metric) -> Int64 { result.value(month: month, pool: pool, metric: metric) }
                    #expect(v(.solvencyPosition) == v(.cash) + v(.contributionsBooked) - v(.debt) - v(.liabilities) - v(.ibnr))
                    #expect(v(.ibnr) >= 0)
                    if v(.ibnr) > 0 { sawIBNR = true }
                }
            }
        }
        #expect(sawIBNR, "the smoke scenario's reporting delay should leave claims unreported at some month end")
    }

    /// Every recognised claim of the horizon is owed at its end, reported or not: undiscounted,
    /// benefits paid + reported liabilities (incl. arrears) + IBNR = the incurred cost of the
    /// horizon's accidents, to rounding. With reporting delays far beyond the horizon almost all
    /// of it is IBNR, which the fund's own books (cash, liabilities) cannot see.
    @Test(arguments: [15.0, 100_000])
    func everyIncurredClaimIsOwedAtTheHorizon(reportingDelayDays: Double) async throws {
        var scenario = TinyScenario.make(workers: 400, months: 6, claimsPerMillion: 20_000)
        scenario.benefits.reportingDelayDays = .fixed(reportingDelayDays)
        scenario.basis.discountRatePerYear = 0
        for result in await Self.run(scenario, replications: 1) {
            let pool = result.poolCount
            let incurred = result.incurredBySector[pool * result.sectorCount]
            #expect(incurred > 0, "the tiny scenario should have accidents")
            let paid = Double(result.total(.benefitsPaid, pool: pool))
            let reported = Double(result.last(.liabilities, pool: pool))
            let ibnr = Double(result.last(.ibnr, pool: pool))
            #expect(abs(paid + reported + ibnr - incurred) <= 2, "paid \(paid) + reported \(reported) + IBNR \(ibnr) vs incurred \(incurred)")
            if reportingDelayDays > 1_000 {
                #expect(ibnr > 0.95 * incurred)
            } else {
                #expect(ibnr < 0.2 * incurred)
            }
        }
    }

    /// Contributions arrive the month after their orders: what was booked in months 0…M−2 is
    /// what was received in months 1…M−1, so the incurred loss ratio's denominator (booked over
    /// M months) covers the same months as its accidents.
    @Test func bookedContributionsAreReceivedTheMonthAfter() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.sampleFraction = 1
        scenario.shocks = []
        scenario.rateFloat.enabled = false
        for result in await Self.run(scenario, replications: 1) {
            for pool in 0...result.poolCount {
                let booked = result.series(.contributionsBooked, pool: pool)
                let received = result.series(.contributions, pool: pool)
                #expect(received[0] == 0)
                #expect(Array(booked.dropLast()) == Array(received.dropFirst()))
                let m = ReplicationMetrics(result, pool: pool, scenario: scenario)
                #expect(m.contributionsBooked == Double(booked.reduce(0, +)) / 100)
            }
        }
    }

    struct VerdictCase: Sendable, CustomStringConvertible {
        var short: Int
        var insolvent: Int
        var binding: Verdict
        var description: String { "short \(short), insolvent \(insolvent)" }
    }

    /// The test that fails more often binds; solvency on a tie; neither when nothing failed.
    @Test(arguments: [
        VerdictCase(short: 13, insolvent: 85, binding: .solvency), VerdictCase(short: 40, insolvent: 10, binding: .liquidity),
        VerdictCase(short: 5, insolvent: 5, binding: .solvency), VerdictCase(short: 0, insolvent: 0, binding: .neither),
        VerdictCase(short: 1, insolvent: 0, binding: .liquidity), VerdictCase(short: 0, insolvent: 1, binding: .solvency)
    ])
    func theTestThatFailsMoreOftenBinds(c: VerdictCase) {
        let scenario = TinyScenario.make(months: 2)
        var results: [ReplicationResult] = []
        for r in 0..<100 {
            var result = ReplicationResult(replication: r, months: 2, poolCount: 1, sectorCount: 1)
            for pool in 0...1 {
                result.set(r < c.short ? -1 : 1, month: 0, pool: pool, metric: .netPosition)
                result.set(r < c.insolvent ? -1 : 1, month: 1, pool: pool, metric: .solvencyPosition)
            }
            results.append(result)
        }
        let summary = RunSummary(scenario: scenario, results: results)
        #expect(summary.total.ruinedReplications == c.short)
        #expect(summary.total.insolventAtEndReplications == c.insolvent)
        #expect(Verdict(binding: summary.total) == c.binding)
    }

    @Test func solveAcceptsAnInsolvencyTarget() {
        #expect(PolicyCommands.Target(parsing: "insolvency<=0.05") == .insolvency(0.05))
        #expect(PolicyCommands.Target(parsing: "insolvency <= 5%") == .insolvency(0.05))
        #expect(PolicyCommands.Target(parsing: "insolvency<=2") == nil)
        var solvent = ReplicationMetrics(
            ReplicationResult(replication: 0, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2024, month: 1), financing: .standard)
        #expect(PolicyCommands.Target.insolvency(0.1).isMet(solvent))
        solvent.insolventAtEnd = true
        #expect(!PolicyCommands.Target.insolvency(0.1).isMet(solvent))
        #expect(PolicyCommands.Target.insolvency(0.1).requiredShare == 0.9)
    }
}
