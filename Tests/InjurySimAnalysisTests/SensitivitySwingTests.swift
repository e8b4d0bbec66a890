import InjurySimCore
import Testing

@testable import InjurySimAnalysis
@testable import InjurySimEngine

/// sensitivity's swings: each figure at the input's high end minus at its low end, paired
/// replication by replication over the same worlds, with the matched-pairs interval for
/// probabilities and a bootstrap of the paired differences for the break-even rate; and the
/// baseline's P(insolvent at the horizon).
@Suite struct SensitivitySwingTests {
    static let replications = 20

    /// Replications whose first `insolvent` end insolvent and first `ruined` run short, with
    /// break-even rates `rate(r)`.
    static func run(insolvent: Int, ruined: Int = 0, rate: (Int) -> Double = { _ in 0.1 }) -> [ReplicationMetrics] {
        (0..<replications).map { r in
            var m = ReplicationMetrics(
                ReplicationResult(replication: r, months: 1, poolCount: 1, sectorCount: 1), start: YearMonth(year: 2030, month: 1),
                financing: .standard)
            m.insolventAtEnd = r < insolvent
            m.ruined = r < ruined
            m.breakEvenRate = rate(r)
            return m
        }
    }

    /// The Agresti–Min 95% interval for matched pairs, written out from its formula (Agresti and Min 2005).
    static func agrestiMin(up: Double, down: Double, pairs: Double) -> (low: Double, high: Double) {
        let n = pairs + 2, u = (up + 0.5) / n, d = (down + 0.5) / n, centre = u - d
        let half = 1.959964 * ((u + d - centre * centre) / n).squareRoot()
        return (max(-1, centre - half), min(1, centre + half))
    }

    /// The baseline, then the first input with insolvency rising 4 → 12 of 20 and the break-even
    /// rate 0.05 higher in every world, the second with insolvency falling 10 → 3, the rest flat.
    static func outcome() -> PolicyCommands.SensitivityOutcome {
        let inputs = PolicyCommands.sensitivityInputs.count
        var runs = [run(insolvent: 5)]
        for index in 0..<inputs {
            switch index {
            case 0:
                runs += [
                    run(insolvent: 4, ruined: 2, rate: { 0.1 + 0.01 * Double($0) }), run(insolvent: 12, ruined: 9, rate: { 0.15 + 0.01 * Double($0) })
                ]
            case 1: runs += [run(insolvent: 10, ruined: 1), run(insolvent: 3, ruined: 1)]
            default: runs += [run(insolvent: 5), run(insolvent: 5)]
            }
        }
        return PolicyCommands.sensitivityOutcome(runs)
    }

    static func row(_ outcome: PolicyCommands.SensitivityOutcome, input index: Int) throws -> PolicyCommands.SensitivityRow {
        let name = PolicyCommands.sensitivityInputs[index].name
        return try #require(outcome.rows.first { $0.name == name })
    }

    @Test func theInsolvencySwingIsHighMinusLowPairedOverTheSameWorlds() throws {
        let outcome = Self.outcome()
        let rising = try Self.row(outcome, input: 0), falling = try Self.row(outcome, input: 1)
        // Rising: 8 worlds became insolvent at the high end, none stopped being so.
        let up = try #require(rising.insolvencySwing)
        #expect(abs(up.mean - 0.4) < 1e-12, "high − low, not low − high")
        let expected = Self.agrestiMin(up: 8, down: 0, pairs: 20)
        #expect(abs(up.low - expected.low) < 1e-9 && abs(up.high - expected.high) < 1e-9, "the matched-pairs interval")
        #expect(up.low > 0, "eight worlds of twenty all one way: the interval excludes zero")
        let down = try #require(falling.insolvencySwing)
        #expect(abs(down.mean + 0.35) < 1e-12)
        let expectedDown = Self.agrestiMin(up: 0, down: 7, pairs: 20)
        #expect(abs(down.low - expectedDown.low) < 1e-9 && abs(down.high - expectedDown.high) < 1e-9)
        // The ends themselves: the low end's level is the low run's.
        #expect(rising.insolvencyLow?.mean == 0.2 && rising.insolvencyHigh?.mean == 0.6)
    }

    @Test func theBreakEvenSwingPairsEachWorldsRates() throws {
        let rising = try Self.row(Self.outcome(), input: 0)
        let swing = try #require(rising.breakEvenSwing)
        // Every world's rate is 0.05 higher at the high end: the paired interval is that point,
        // where an unpaired one would span the worlds' spread of 0.19.
        #expect(abs(swing.mean - 0.05) < 1e-9)
        #expect(swing.low > 0.05 - 1e-9 && swing.high < 0.05 + 1e-9)
        #expect(abs((rising.breakEvenHigh - rising.breakEvenLow) - swing.mean) < 1e-9, "the mean of the pairs is the difference of the means")
    }

    @Test func theBaselineCarriesItsInsolvencyProbability() {
        let outcome = Self.outcome()
        #expect(outcome.baselineInsolvency.mean == 0.25)
        #expect(outcome.baselineInsolvency.low < 0.25 && outcome.baselineInsolvency.high > 0.25)
    }

    @Test func rowsAreRankedByTheRuinSwing() {
        let outcome = Self.outcome()
        #expect(outcome.rows.first?.name == PolicyCommands.sensitivityInputs[0].name, "ruin 2 → 9 of 20 moves most")
    }
}
