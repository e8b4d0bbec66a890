import InjurySimCore

/// Core's neutral one-region, one-sector, one-platform world (``Scenario/neutral``), named for
/// these tests and small enough to simulate in a debug build in well under a second. Tests
/// change the fields they are about.
package enum TinyScenario {
    package static let start = YearMonth(year: 2024, month: 1)

    package static func make(workers: Int = 50, months: Int = 12, claimsPerMillion: Double = 0, ratePerOrderYuan: Double = 0.07) -> Scenario {
        .neutral(
            name: "tiny", seed: 777, workers: workers, months: months, claimsPerMillion: claimsPerMillion, ratePerOrderYuan: ratePerOrderYuan,
            sectorName: "delivery", provinceName: "region")
    }

    /// The tiny scenario with a second region, a copy of the first named "other" (a pool of
    /// its own under provincial pooling).
    package static func twoRegions() -> Scenario {
        var s = make(claimsPerMillion: 100)
        var second = s.provinces[0]
        second.name = "other"
        s.provinces.append(second)
        return s
    }

    /// A shock with every multiplier neutral, active from `start` for `months` months.
    package static func shock(_ name: String, start: YearMonth?, months: Int, provinces: [Int]? = nil) -> Scenario.Shock {
        Scenario.Shock(
            name: name, start: start, probabilityPerYear: 0, months: months, provinces: provinces, sectors: nil,
            platforms: nil, orders: .fixed(1), claimFrequency: .fixed(1), severity: .fixed(1), medicalCost: .fixed(1),
            platformPayment: .fixed(1), investmentReturn: .fixed(1))
    }
}
