import InjurySimAnalysis
import InjurySimCore
import Testing

@testable import InjurySimEngine
@testable import InjurySimOutput

/// compare's console table leads with the test that binds for the first scenario: solvency's
/// rows first when no fewer worlds end insolvent than run short of cash, liquidity's otherwise.
@Suite struct CompareConsoleTests {
    /// `count` replications, the first `ruined` of them short of cash and the first `insolvent` insolvent.
    static func metrics(count: Int, ruined: Int, insolvent: Int) -> [ReplicationMetrics] {
        (0..<count).map { index in
            var m = ReplicationMetrics(
                ReplicationResult(replication: index, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2030, month: 1),
                financing: .standard)
            m.ruined = index < ruined
            m.anyPoolRuined = index < ruined
            m.insolventAtEnd = index < insolvent
            return m
        }
    }

    static func table(ruined: Int, insolvent: Int) -> (Comparison, [String]) {
        let start = YearMonth(year: 2030, month: 1)
        let comparison = Comparison(entries: [
            Comparison.Entry(name: "base", startMonth: start, metrics: metrics(count: 10, ruined: ruined, insolvent: insolvent)),
            Comparison.Entry(name: "other", startMonth: start, metrics: metrics(count: 10, ruined: 0, insolvent: 0))
        ])
        return (comparison, comparison.renderTable().split(separator: "\n").map(String.init))
    }

    static func line(_ lines: [String], _ label: String) -> Int? { lines.firstIndex { $0.hasPrefix(label) } }

    @Test(arguments: [(2, 8, Verdict.solvency), (5, 5, .solvency), (8, 2, .liquidity), (0, 0, .neither)])
    func theBindingTestIsTheFirstScenarios(ruined: Int, insolvent: Int, binding: Verdict) {
        #expect(Self.table(ruined: ruined, insolvent: insolvent).0.binding == binding)
    }

    @Test func solvencyLeadsWhenItBinds() throws {
        let (_, lines) = Self.table(ruined: 2, insolvent: 8)
        let insolvent = try #require(Self.line(lines, "P(insolvent at horizon)"))
        let short = try #require(Self.line(lines, "P(total fund short)"))
        let contributions = try #require(Self.line(lines, Figures.named("contributionsYuan").short))
        let surplus = try #require(Self.line(lines, Figures.named("solvencyPositionAtEndYuan").short))
        #expect(insolvent < surplus && surplus < short && short < contributions)
        #expect(lines.contains { $0.hasPrefix("Solvency binds in base") })
    }

    @Test func liquidityLeadsWhenItBinds() throws {
        let (_, lines) = Self.table(ruined: 8, insolvent: 2)
        let insolvent = try #require(Self.line(lines, "P(insolvent at horizon)"))
        let short = try #require(Self.line(lines, "P(total fund short)"))
        #expect(short < insolvent)
        #expect(lines.contains { $0.hasPrefix("Liquidity binds in base") })
    }

    @Test func everyFigureIsShownOnceWhicheverLeads() {
        for (ruined, insolvent) in [(2, 8), (8, 2)] {
            let (comparison, lines) = Self.table(ruined: ruined, insolvent: insolvent)
            for row in comparison.rows {
                #expect(lines.filter { $0.hasPrefix(row.label + " ") }.count == 1, "\(row.label)")
            }
        }
    }
}
