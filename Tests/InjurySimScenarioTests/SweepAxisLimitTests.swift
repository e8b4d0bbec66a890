import Testing

@testable import InjurySimScenario

/// One axis of a sweep takes at most ``SweepAxis/maximumPoints`` values, written as a range or
/// as a list alike.
@Suite struct SweepAxisLimitTests {
    static func list(_ count: Int) -> String { "fund.adminCostShare=" + (0..<count).map { "0.\($0)" }.joined(separator: ",") }

    @Test func aListOfTheMaximumIsAcceptedAndOneMoreIsNot() throws {
        #expect(try SweepAxis(parsing: Self.list(SweepAxis.maximumPoints)).values.count == SweepAxis.maximumPoints)
        #expect {
            try SweepAxis(parsing: Self.list(SweepAxis.maximumPoints + 1))
        } throws: { error in
            (error as? ScenarioError)?.issues.first?.message == "a list has 1001 values; an axis takes at most 1000 (as for a range low:high:step)"
        }
    }

    @Test func aRangeOfTheMaximumIsAcceptedAndOneMoreIsNot() throws {
        #expect(try SweepAxis(parsing: "a=0:999:1").values.count == 1000)
        #expect(throws: ScenarioError.self) { try SweepAxis(parsing: "a=0:1000:1") }
        #expect(throws: ScenarioError.self) { try SweepAxis(parsing: "a=0:1e300:1e-300") }
    }
}
