import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// `solve` scales the rates of the platforms it solves for; where a tier rule sets their rates,
/// it scales the tiers' rates of their sectors too (else the tiered platforms would keep their
/// rates whatever the multiplier).
@Suite struct TierScalingTests {
    /// Two sectors, one platform each; the tier rule lists sector 0 only and applies in the
    /// first month (no history: the low rate).
    static func scenario() -> Scenario {
        var s = TinyScenario.make(workers: 50, months: 3, ratePerOrderYuan: 0.05)
        var other = s.sectors[0]
        other.name = "other"
        s.sectors.append(other)
        s.platforms.append(Scenario.Platform(name: "r", sector: 1, ratePerOrderYuan: .fixed(0.03), shareOfSector: 1, riskMultiplier: .fixed(1)))
        s.provinces[0].workers = [50, 50]
        s.rateTiers = RateTierRule(
            month: nil, windowFrom: YearMonth(year: 2023, month: 1), windowTo: YearMonth(year: 2023, month: 12), sectors: [0],
            lowYuanPerOrder: 0.07, highYuanPerOrder: 0.25, paidRatioThreshold: .fixed(1))
        return s
    }

    @Test(arguments: [(nil, [0: 2.0]), (0, [0: 2.0]), (1, [:])] as [(Int?, [Int: Double])])
    func theTiersOfTheSolvedSectorsScale(sector: Int?, scale: [Int: Double]) {
        let scaled = PolicyCommands.scalingRates(Self.scenario(), sector: sector, by: 2)
        #expect(scaled.rateTiers?.rateScale == scale)
        #expect(scaled.rateTiers?.rateYuan(paidRatio: nil, threshold: 1, sector: 0) == 0.07 * (scale[0] ?? 1))
    }

    @Test func theScaledTiersAreCharged() async {
        let scaled = PolicyCommands.scalingRates(Self.scenario(), sector: nil, by: 2)
        let result = await ReplicationCoordinator(scenario: scaled).run(replication: 0)
        for (platform, rate) in [(0, 0.14), (1, 0.06)] {
            for month in 0..<3 {
                let orders = Double(result.value(month: month, platform: platform, metric: .orders))
                let booked = Double(result.value(month: month, platform: platform, metric: .contributionsBooked))
                #expect(orders > 0 && abs(booked / orders / 100 - rate) < 1e-6, "platform \(platform), month \(month)")
            }
        }
    }

    /// The sensitivity table's per-order-rate row scales the tiers' rates with the benchmarks.
    @Test func theSensitivityRowScalesTheTiers() throws {
        let row = try #require(PolicyCommands.sensitivityInputs.first { $0.name == "per-order rate" })
        for (atHigh, factor) in [(false, 0.5), (true, 1.5)] {
            let changed = row.apply(Self.scenario(), atHigh)
            #expect(changed.rateTiers?.rateScale == [0: factor])
            #expect(abs(changed.platforms[1].ratePerOrderYuan.central - 0.03 * factor) < 1e-12)
        }
        let admin = try #require(PolicyCommands.sensitivityInputs.first { $0.name == "admin cost share" })
        #expect(admin.apply(Self.scenario(), true).rateTiers?.rateScale == [:])
    }
}
