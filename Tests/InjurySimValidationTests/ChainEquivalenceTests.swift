import InjurySimScenarioTestSupport
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
    /// that arrive about twice a year and move every multiplier (orders, claim frequency,
    /// severity, medical cost, what the platforms pay, the investment return), so some straddle
    /// each cut.
    static func base(basis: RateFloatRule.Basis?, shortfall: Scenario.Shortfall, pooling: Scenario.Pooling = .province) throws -> Scenario {
        var s = try TestScenarios.load("smoke.json")
        s.pooling = pooling
        s.basis.investmentReturnPerYear = .fixed(0.02)
        // Orders per hour grow and medical costs inflate: both count from the chain's start.
        for k in s.sectors.indices { s.sectors[k].ordersGrowthPerYear = .fixed(0.12) }
        s.basis.medicalInflationPerYear = .fixed(0.06)
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
        storms.provinces = nil
        (storms.orders, storms.severity, storms.medicalCost) = (.fixed(0.9), .fixed(1.2), .fixed(1.3))
        (storms.platformPayment, storms.investmentReturn) = (.fixed(0.8), .fixed(0.5))
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

    static let cases: [(RateFloatRule.Basis?, Scenario.Pooling)] =
        [(nil, .province)] + RateFloatRule.Basis.allCases.map { ($0, .province) } + [(.paidPlusReserves, .national)]

    @Test(arguments: cases)
    func aChainCutAtAnyMonthIsTheSingleRun(basis: RateFloatRule.Basis?, pooling: Scenario.Pooling) async throws {
        let shortfall: Scenario.Shortfall = basis == .paid ? .borrow : .defer
        let s = try Self.base(basis: basis, shortfall: shortfall, pooling: pooling)
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

    /// A later phase may float on a paid basis the earlier phase did not use (the README's
    /// `--set rateFloat.basis=paidPlusReserves` on a chained file): the platforms keep their
    /// experience and case reserves from the chain's start, so with the cut before the first
    /// review the chain is the single run that floats from the start.
    @Test(arguments: [RateFloatRule.Basis.paid, .paidPlusReserves])
    func aLaterPhaseFloatsOnTheExperienceSinceTheChainsStart(basis: RateFloatRule.Basis) async throws {
        let s = try Self.base(basis: basis, shortfall: .defer)
        var chain = Self.chain(s, cut: 3)
        chain.earlierPhases[0].rateFloat.enabled = false
        let single = await ReplicationCoordinator(scenario: s).run(replication: 1)
        let chained = await ReplicationCoordinator(scenario: chain).run(replication: 1)
        let problems = Self.mismatches(single: single, chained: chained, cut: 3)
        #expect(problems.isEmpty, "\(problems.prefix(4).joined(separator: "; "))")
    }

    /// Phases sampled at different fractions: provincial pools topped up to a minimum sample
    /// hand over to a national pool at the plain fraction, so money is rescaled at the cut. At
    /// full scale the national fund opens with what the provincial funds held (to the fen per
    /// rescaled amount), and the persons and claims counted so far carry over.
    @Test func moneyCarriesAtFullScaleAcrossPhasesSampledAtDifferentFractions() async throws {
        var earlier = try Self.base(basis: .paid, shortfall: .borrow)
        earlier.sampleFraction = 0.5
        earlier.minimumSampledWorkersPerPool = 200
        earlier.months = 9
        for p in earlier.provinces.indices { earlier.provinces[p].initialBalanceYuan = 2_000_000 }
        var later = earlier
        later.pooling = .national
        later.startMonth = earlier.startMonth.adding(months: 9)
        later.months = 3
        later.earlierPhases = [earlier]
        let phase = later.phasesToRun[0]
        #expect(Set(phase.poolSampleFractions).count == 2 && !phase.poolSampleFractions.contains(later.poolSampleFractions[0]))
        let first = await ReplicationCoordinator(scenario: phase).run(replication: 2)
        let second = await ReplicationCoordinator(scenario: later).run(replication: 2)
        let end = { (m: Metric) in first.last(m, pool: first.poolCount) }
        let m0 = { (m: Metric) in second.value(month: 0, pool: second.poolCount, metric: m) }
        let opening = m0(.cash) - m0(.contributions) + m0(.adminCost) - m0(.investment) + m0(.benefitsPaid) - m0(.borrowed) + m0(.repaid)
        // Each amount is rescaled and rounded to the fen at the simulated scale, then scaled up by 2.
        #expect(abs(opening - end(.cash)) <= 4, "opening cash \(opening) against the earlier end \(end(.cash))")
        #expect(abs((m0(.debt) - m0(.borrowed) + m0(.repaid)) - end(.debt)) <= 4)
        #expect(end(.cash) > 0, "money to carry")
        #expect(abs(Double(m0(.insuredPersons) - end(.insuredPersons))) <= Double(m0(.insuredPersons)) * 0.05)
        #expect(m0(.claimsRecognisedCumulative) >= end(.claimsRecognisedCumulative))
    }
}
