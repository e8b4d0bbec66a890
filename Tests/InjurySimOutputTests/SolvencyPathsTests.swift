import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimOutput

/// `solvency-paths.csv`: the two tests' figures month by month as percentiles over worlds and as
/// the paths of the first replications, read back by the report.
@Suite struct SolvencyPathsTests {
    static func scenario(months: Int = 5) throws -> Scenario {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.months = months
        return scenario
    }

    @Test func theSampleWorldsAreTheFirstReplicationsWithTheirOwnMonthlyFigures() throws {
        let scenario = try Self.scenario()
        let results = YearlyCSVTests.results(scenario, count: 7)
        let paths = try SolvencyPaths(parsing: SolvencyPathsCSV.text(scenario: scenario, results: results))
        #expect(paths.sampleWorlds == ["0", "1", "2"])
        #expect(paths.months.count == scenario.months)
        let total = scenario.poolCount
        for (index, world) in paths.sampleWorlds.enumerated() {
            let result = results[index]
            for month in 0..<scenario.months {
                let net = Double(result.value(month: month, pool: total, metric: .netPosition)) / 100
                let solvency = Double(result.value(month: month, pool: total, metric: .solvencyPosition)) / 100
                #expect(abs(paths.series(.netPosition, world: world)[month] - net) < 0.006)
                #expect(abs(paths.series(.solvencyPosition, world: world)[month] - solvency) < 0.006)
                // Funded ratio: assets (cash + contributions booked) ÷ debt, liabilities and IBNR, by hand.
                func v(_ m: Metric) -> Double { Double(result.value(month: month, pool: total, metric: m)) }
                let owed = v(.debt) + v(.liabilities) + v(.ibnr)
                let funded = paths.series(.fundedRatio, world: world)[month]
                if owed > 0 { #expect(abs(funded - (v(.cash) + v(.contributionsBooked)) / owed) < 0.00006) } else { #expect(funded.isNaN) }
            }
        }
    }

    @Test func percentilesAreEachColumnsOwnOverWorldsAndOrdered() throws {
        let scenario = try Self.scenario()
        let results = YearlyCSVTests.results(scenario, count: 9)
        let paths = try SolvencyPaths(parsing: SolvencyPathsCSV.text(scenario: scenario, results: results))
        for month in 0..<scenario.months {
            // The median of nine worlds is the fifth smallest.
            let sorted = results.map { Double($0.value(month: month, pool: scenario.poolCount, metric: .solvencyPosition)) / 100 }.sorted()
            #expect(abs(paths.series(.solvencyPosition, world: "p50")[month] - sorted[4]) < 0.006)
            for column in SolvencyPaths.Column.allCases {
                let p = SolvencyPaths.percentileNames.map { paths.series(column, world: $0)[month] }.filter(\.isFinite)
                #expect(p == p.sorted(), "\(column) percentiles are ordered in \(month)")
            }
        }
    }

    @Test func fewerReplicationsThanSampleWorldsGiveThemAll() throws {
        let scenario = try Self.scenario(months: 3)
        let paths = try SolvencyPaths(parsing: SolvencyPathsCSV.text(scenario: scenario, results: YearlyCSVTests.results(scenario, count: 2)))
        #expect(paths.sampleWorlds == ["0", "1"])
    }

    @Test(arguments: [
        "month,world\n", "month,world,net_position_yuan,solvency_position_yuan,funded_ratio\n",
        "month,world,net_position_yuan,solvency_position_yuan,funded_ratio\n2024-01,p5,1,2\n",
        "month,world,net_position_yuan,solvency_position_yuan,funded_ratio\n2024-01,p5,1,2,3\n2024-02,0,1,2,3\n"
    ])
    func aDamagedFileIsRefusedNamingIt(_ text: String) {
        #expect { try SolvencyPaths(parsing: text) } throws: { "\($0)".contains("solvency-paths.csv") }
    }
}
