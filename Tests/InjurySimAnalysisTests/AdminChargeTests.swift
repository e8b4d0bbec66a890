import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// Administration is budget-funded unless the scenario charges the fund (`fund.chargeAdminCost`):
/// uncharged, the fund deducts nothing and the break-even rate carries no admin load, whatever
/// `adminCostShare` says; charged, it deducts the share of each month's contributions and the
/// break-even rate is loaded by 1 ÷ (1 − share). The switch moves no random draw.
@Suite struct AdminChargeTests {
    static func run(charged: Bool) async -> (Scenario, ReplicationResult) {
        var s = TinyScenario.make(workers: 200, months: 12, claimsPerMillion: 40)
        s.fund.adminCostShare = .fixed(0.06)
        s.fund.chargeAdminCost = charged
        return (s, await ReplicationCoordinator(scenario: s).run(replication: 0))
    }

    @Test func unchargedAdministrationCostsTheFundNothing() async {
        let (s, free) = await Self.run(charged: false)
        let (_, charged) = await Self.run(charged: true)
        #expect(free.adminCostShare == 0 && charged.adminCostShare == 0.06)
        #expect(free.series(.adminCost, pool: 0).allSatisfy { $0 == 0 })
        let contributions = charged.series(.contributions, pool: 0)
        #expect(contributions.reduce(0, +) > 0)
        for (month, admin) in charged.series(.adminCost, pool: 0).enumerated() {
            #expect(admin == Money.fen(Double(contributions[month]) * 0.06), "month \(month)")
        }
        // Same world either way: the switch only moves money.
        #expect(free.series(.accidents, pool: 0) == charged.series(.accidents, pool: 0))
        #expect(free.incurredBySector == charged.incurredBySector && free.ordersBySector == charged.ordersBySector)

        let unloaded = RunSummary(scenario: s, results: [free]).total.breakEvenRate[0].p50
        let loaded = RunSummary(scenario: s, results: [charged]).total.breakEvenRate[0].p50
        let incurredPerOrder = (free.incurredBySector.last ?? 0) / Double(free.ordersBySector.last ?? 1) / 100
        #expect(unloaded > 0 && abs(unloaded - incurredPerOrder) < 1e-12)
        #expect(abs(loaded - unloaded / 0.94) < 1e-12)
    }
}
