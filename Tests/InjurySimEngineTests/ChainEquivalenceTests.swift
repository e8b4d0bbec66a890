import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// A chain whose phases have identical parameters is, replication by replication, the same world
/// as one run over the union of their months: cut a 24-month run at every month, and the later
/// phase's months are the single run's, figure for figure — claims reported in their own months,
/// the IBNR continuous, reviews and payments due in the cut month made once, deferred payments,
/// experience windows, persons and ages carried — on every rate-float basis.
@Suite struct ChainEquivalenceTests {
    /// The smoke scenario over 24 months at a tenth of its workers, with claims reported late,
    /// a shortfall rule, a fixed shock over July–August 2024 and random shocks of three months
    /// that arrive about twice a year, so some straddle each cut.
    static func base(basis: RateFloatRule.Basis?, shortfall: Scenario.Shortfall) throws -> Scenario {
        var s = try TestScenarios.load("smoke.json")
        s.months = 24
        for p in s.provinces.indices { s.provinces[p].workers = s.provinces[p].workers.map { $0 / 10 } }
        s.benefits.reportingDelayDays = .fixed(40)
        s.fund.shortfall = shortfall
        // Little money at the start, so a pool runs short and defers or borrows.
        for p in s.provinces.indices { s.provinces[p].initialBalanceYuan = 0 }
        s.rateFloat.enabled = basis != nil
        if let basis { s.rateFloat.basis = basis }
        s.rateFloat.minMonthsOfContributions = 0
        var storms = s.shocks[0]
        storms.name = "random-storms"
        storms.start = nil
        storms.probabilityPerYear = 2
        storms.months = 3
        s.shocks.append(storms)
        return s
    }

    /// `base` cut after `cut` months: the same file twice, only the start, months and name
    /// changed, the later continuing the earlier.
    static func chain(_ base: Scenario, cut: Int) -> Scenario {
        var earlier = base
        earlier.name = "first"
        earlier.months = cut
        var later = base
        later.name = "second"
        later.startMonth = base.startMonth.adding(months: cut)
        later.months = base.months - cut
        later.earlierPhases = [earlier]
        return later
    }

    /// The single run's figures from month `cut` on against the chain's, month by month.
    static func mismatches(single: ReplicationResult, chained: ReplicationResult, cut: Int) -> [String] {
        let rowWidth = (single.poolCount + 1) * Metric.allCases.count
        let platformWidth = single.platformCount * PlatformMetric.allCases.count
        var out: [String] = []
        for month in 0..<chained.months {
            let a = Array(single.monthly[(cut + month) * rowWidth..<(cut + month + 1) * rowWidth])
            let b = Array(chained.monthly[month * rowWidth..<(month + 1) * rowWidth])
            for (index, (x, y)) in zip(a, b).enumerated() where x != y {
                let metric = Metric.allCases[index % Metric.allCases.count]
                out.append("month \(cut + month) pool \(index / Metric.allCases.count) \(metric.key): single \(x), chain \(y)")
            }
            let p = Array(single.platformMonthly[(cut + month) * platformWidth..<(cut + month + 1) * platformWidth])
            let q = Array(chained.platformMonthly[month * platformWidth..<(month + 1) * platformWidth])
            for (index, (x, y)) in zip(p, q).enumerated() where x != y {
                let metric = PlatformMetric.allCases[index % PlatformMetric.allCases.count]
                out.append("month \(cut + month) platform \(index / PlatformMetric.allCases.count) \(metric.key): single \(x), chain \(y)")
            }
        }
        return out
    }

    @Test(arguments: [RateFloatRule.Basis?.none] + RateFloatRule.Basis.allCases.map { Optional($0) })
    func aChainCutAtAnyMonthIsTheSingleRun(basis: RateFloatRule.Basis?) async throws {
        let shortfall: Scenario.Shortfall = basis == .paid ? .borrow : .defer
        let s = try Self.base(basis: basis, shortfall: shortfall)
        let single = await ReplicationCoordinator(scenario: s).run(replication: 1)
        // The run exercises what the cut must carry: late reports, reviews, deferrals or debt.
        let total = single.poolCount
        #expect(single.total(.claimsRecognised, pool: total) > 50)
        #expect(single.total(shortfall == .defer ? .arrears : .borrowed, pool: total) > 0, "a pool runs short")
        for cut in 1..<s.months {
            let chained = await ReplicationCoordinator(scenario: Self.chain(s, cut: cut)).run(replication: 1)
            let problems = Self.mismatches(single: single, chained: chained, cut: cut)
            #expect(problems.isEmpty, "cut after month \(cut): \(problems.prefix(4).joined(separator: "; "))")
        }
    }
}
