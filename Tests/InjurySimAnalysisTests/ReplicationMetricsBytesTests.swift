import InjurySimCore
import InjurySimEngine
import InjurySimScenarioTestSupport
import InjurySimTestSupport
import Testing

@testable import InjurySimAnalysis

/// A replication's headline figures survive the ISM3 bytes of a `compare` part bit for bit —
/// absent months and funded ratios stay absent, NaN stays NaN, the monthly net positions and the
/// break-even rate come back — and damaged bytes are refused.
@Suite struct ReplicationMetricsBytesTests {
    static func sample() async throws -> [ReplicationMetrics] {
        var smoke = try TestScenarios.load("smoke.json")
        smoke.months = 3
        let tiny = TinyScenario.make(workers: 20, months: 2)  // no claims: no liabilities, no funded ratio
        let a = await MonteCarloRunner.run(scenario: smoke, replications: 0..<2, threads: 2)
        let b = await MonteCarloRunner.run(scenario: tiny, replications: 0..<1, threads: 1)
        return a.map { ReplicationMetrics($0, scenario: smoke) } + b.map { ReplicationMetrics($0, scenario: tiny) }
    }

    @Test func figuresRoundTripBitForBit() async throws {
        let values = try await Self.sample()
        #expect(values.contains { $0.fundedRatioAtEnd == nil } && values.contains { $0.fundedRatioAtEnd != nil })
        #expect(values.contains { $0.firstShortfallMonth != nil })
        for value in values {
            let bytes = value.encoded()
            let years = value.financing.reserveMonthsByYear.count
            #expect(years >= 1)
            #expect(bytes.count == ReplicationMetrics.encodedSize(months: value.netPositionByMonth.count, years: years))
            #expect(bytes.count == 8 * (28 + value.netPositionByMonth.count + years))
            let back = try #require(ReplicationMetrics(encoded: bytes))
            #expect(back.encoded() == bytes)
            #expect(back.ruined == value.ruined && back.anyPoolRuined == value.anyPoolRuined && back.insolventAtEnd == value.insolventAtEnd)
            #expect(back.firstShortfallMonth == value.firstShortfallMonth && back.firstInsolventMonth == value.firstInsolventMonth)
            #expect(back.fundedRatioAtEnd?.bitPattern == value.fundedRatioAtEnd?.bitPattern)
            let pairs: [(Double, Double)] = [
                (back.worstDeficit, value.worstDeficit), (back.lowestNetPosition, value.lowestNetPosition),
                (back.contributions, value.contributions), (back.contributionsBooked, value.contributionsBooked),
                (back.benefitsPaid, value.benefitsPaid), (back.lossRatio, value.lossRatio),
                (back.incurredLossRatio, value.incurredLossRatio), (back.liabilitiesAtEnd, value.liabilitiesAtEnd),
                (back.ibnrAtEnd, value.ibnrAtEnd), (back.borrowing, value.borrowing),
                (back.netPositionAtEnd, value.netPositionAtEnd), (back.solvencyPositionAtEnd, value.solvencyPositionAtEnd),
                (back.breakEvenRate, value.breakEvenRate),
                (back.financing.costRateLastYear, value.financing.costRateLastYear),
                (back.financing.rateChargedLastYear, value.financing.rateChargedLastYear),
                (back.financing.terminalRateLastYear, value.financing.terminalRateLastYear),
                (back.financing.capitalShortfallAtEnd, value.financing.capitalShortfallAtEnd),
                (back.financing.generalAveragePremium, value.financing.generalAveragePremium),
                (back.financing.actuarialBalance, value.financing.actuarialBalance),
                (back.financing.reserveTargetMonths, value.financing.reserveTargetMonths)
            ]
            for (index, pair) in pairs.enumerated() { #expect(pair.0.bitPattern == pair.1.bitPattern, "double \(index)") }
            #expect(back.netPositionByMonth.map(\.bitPattern) == value.netPositionByMonth.map(\.bitPattern))
            #expect(back.financing.firstYear == value.financing.firstYear)
            #expect(back.financing.reserveMonthsByYear.map(\.bitPattern) == value.financing.reserveMonthsByYear.map(\.bitPattern))
        }
        // Runs of different horizons one after another, as a part's record holds them.
        let record = values.flatMap { $0.encoded() }
        let decoded = try #require(ReplicationMetrics.decodeSequence(record[...], count: values.count))
        #expect(decoded.map { $0.encoded() } == values.map { $0.encoded() })
        #expect(ReplicationMetrics.decodeSequence(record[...], count: values.count - 1) == nil, "bytes left over")
        #expect(ReplicationMetrics.decodeSequence(record.dropLast(8), count: values.count) == nil, "short")
    }

    /// The figures the policy pages add: the month-end net positions of the total, month by month,
    /// and the break-even rate over all sectors by the one rule.
    @Test func monthlyNetPositionsAndTheBreakEvenRateAreTheTotalsOwn() async throws {
        var smoke = try TestScenarios.load("smoke.json")
        smoke.months = 4
        let result = try #require(await MonteCarloRunner.run(scenario: smoke, replications: 0..<1, threads: 1).first)
        let metrics = ReplicationMetrics(result, scenario: smoke)
        #expect(metrics.netPositionByMonth == result.series(.netPosition, pool: result.poolCount).map { Double($0) / 100 })
        #expect(metrics.netPositionByMonth.count == 4 && metrics.netPositionByMonth.last == metrics.netPositionAtEnd)
        let row = result.poolCount * result.sectorCount
        let incurred = result.incurredBySector[row...].reduce(0, +)
        let orders = Double(result.ordersBySector[row...].reduce(0, +))
        #expect(orders > 0 && incurred > 0)
        #expect(metrics.breakEvenRate == incurred / orders / (1 - result.adminCostShare) / 100)
    }

    @Test func damagedBytesAreRefused() async throws {
        let bytes = try #require(try await Self.sample().first).encoded()
        #expect(ReplicationMetrics(encoded: bytes.dropLast(8)) == nil, "truncated")
        #expect(ReplicationMetrics(encoded: bytes + [0]) == nil, "too long")
        var magic = bytes
        magic[0] ^= 1
        #expect(ReplicationMetrics(encoded: magic) == nil, "another format")
        var flags = bytes
        flags[8] = 0xFF
        #expect(ReplicationMetrics(encoded: flags) == nil, "unknown flags")
    }
}
