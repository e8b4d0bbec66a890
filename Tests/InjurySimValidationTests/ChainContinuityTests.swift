import Testing

@testable import InjurySimCore
@testable import InjurySimEngine
@testable import InjurySimValidation

/// The continuity rule around a cut, table-driven on hand-made traces: a pair that flows
/// through passes; a step in slots, volumes or an unexplained rate change is flagged; the ramp,
/// a review month and a new benchmark rate explain what they change.
@Suite struct ChainContinuityTests {
    /// One pair over 12 months, cut after month 6 (July 2024 opens phase 1). Volumes grow 1% a
    /// month with a ±2% wobble; `edit` changes the months from the cut on.
    static func trace(
        benchmarkAfter: Double = 0.07, coverageBefore: Double = 1, edit: (inout PairTrace.Row) -> Void = { _ in }
    ) -> [PairTrace.Row] {
        let start = YearMonth(year: 2024, month: 1)
        return (0..<12).map { m in
            let month = start.adding(months: m)
            let days = Double(month.dayCount)
            let level = 1000 * (1 + 0.01 * Double(m)) * (m % 2 == 0 ? 1.02 : 0.98)
            var row = PairTrace.Row(
                phase: m < 6 ? 0 : 1, phaseName: m < 6 ? "first" : "second", month: month, province: "north", platform: "meituan",
                slots: 1000, scale: 1, coverage: m < 6 ? coverageBefore : 1, orders: level * days * 20, activeWorkers: level,
                newlyInsured: level / 10, contributionsYuan: level * days * 20 * 0.07, benchmarkYuanPerOrder: m < 6 ? 0.07 : benchmarkAfter)
            if m >= 6 { edit(&row) }
            return row
        }
    }

    static let cases: [(String, [PairTrace.Row], [Int?], Set<ChainContinuity.Measure>)] = [
        ("flows through", trace(), [nil, nil], []),
        ("slots step up", trace { $0.slots = 1200 }, [nil, nil], [.slots]),
        ("slots within rounding", trace { $0.slots = 1001 }, [nil, nil], []),
        (
            "orders jump 30%",
            trace {
                $0.orders *= 1.3; $0.contributionsYuan *= 1.3
            }, [nil, nil], [.ordersPerDay, .contributionsPerDay]
        ),
        (
            "more workers, all new",
            trace {
                $0.activeWorkers *= 1.6; $0.newlyInsured *= 3
            }, [nil, nil], [.activeWorkers, .newlyInsured]
        ),
        (
            "few persons new a month: a doubling within Poisson noise",
            trace {
                $0.scale = 10; $0.newlyInsured *= 2
            }, [nil, nil], []
        ),
        (
            "many persons new a month: a doubling is a jump",
            trace {
                $0.newlyInsured *= 2
            }, [nil, nil], [.newlyInsured]
        ),
        ("rate cut with no rule", trace { $0.contributionsYuan *= 0.75 }, [nil, nil], [.rate, .contributionsPerDay]),
        ("rate cut in the later phase's review month", trace { $0.contributionsYuan *= 0.75 }, [nil, 7], []),
        ("a review month of the earlier phase explains nothing", trace { $0.contributionsYuan *= 0.75 }, [7, nil], [.rate, .contributionsPerDay]),
        ("a new benchmark rate from the cut", trace(benchmarkAfter: 0.05) { $0.contributionsYuan *= 0.05 / 0.07 }, [nil, nil], [])
    ]

    @Test(arguments: cases)
    func aCutIsCheckedAgainstWhatTheScenariosSay(
        name: String, rows: [PairTrace.Row], reviews: [Int?], flagged: Set<ChainContinuity.Measure>
    ) {
        let c = ChainContinuity(rows: rows, reviewMonths: reviews)
        #expect(c.cuts.count == 1 && c.cuts[0].month == YearMonth(year: 2024, month: 7), "\(name)")
        #expect(Set(c.cuts[0].flags.map(\.measure)) == flagged, "\(name)")
        #expect(c.passed == flagged.isEmpty)
        #expect(c.cuts[0].checked == ["north/meituan"] && c.cuts[0].arrivals.isEmpty)
    }

    @Test func aPairNotCoveredBeforeTheCutArrivesWithItsRamp() {
        let c = ChainContinuity(rows: Self.trace(coverageBefore: 0) { $0.activeWorkers *= 5 }, reviewMonths: [nil, nil])
        #expect(c.cuts[0].arrivals == ["north/meituan"] && c.cuts[0].checked.isEmpty && c.passed)
    }

    /// The engine's trace of a chain with identical phases flows through its cut.
    @Test func anIdenticalChainFlowsThroughItsCut() async throws {
        let base = try ChainEquivalenceTests.base(basis: .paid, shortfall: .borrow)
        var s = ChainEquivalenceTests.chain(base, cut: 12)
        s.uncertainty = false
        let trace = await ReplicationCoordinator(scenario: s).trace(replication: 0)
        #expect(trace.rows.count == 24 * 2 * 3)
        let c = ChainContinuity(rows: trace.rows, reviewMonths: [7, 7])
        #expect(c.cuts.count == 1 && c.cuts[0].checked.count == 6)
        #expect(c.passed, "\(c.cuts.first?.flags ?? [])")
        // Slots and the rate are the same on both sides of the cut; the file's rate is the benchmark.
        for (before, after) in c.cuts[0].pairs {
            #expect(before.slots == after.slots)
            #expect(abs(before.contributionsYuan / before.orders - after.contributionsYuan / after.orders) < 1e-3)
        }
    }
}
