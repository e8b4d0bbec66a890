import InjurySimFormat
import Testing

@testable import InjurySimCore

@Suite struct YearMonthTests {
    @Test(arguments: [("2022-07", true), ("2022-7", false), ("2022-13", false), ("22-07", false), ("abcd-ef", false), ("2024-02", true)])
    func parsing(text: String, valid: Bool) {
        #expect((YearMonth(parsing: text) != nil) == valid)
    }

    @Test func arithmeticAndDays() {
        let start = YearMonth(year: 2022, month: 7)
        #expect(start.adding(months: 6).description == "2023-01")
        #expect(start.adding(months: -7).description == "2021-12")
        #expect(YearMonth(year: 2025, month: 6).months(since: start) == 35)
        #expect(YearMonth(year: 2024, month: 2).dayCount == 29)
        #expect(YearMonth(year: 2100, month: 2).dayCount == 28)
        #expect(YearMonth(year: 2000, month: 2).dayCount == 29)
        #expect(YearMonth(year: 2023, month: 11).dayCount == 30)
    }
}

@Suite struct StatisticsTests {
    @Test func nearestRankPercentiles() {
        let values = Array(1...100).map(Int64.init)
        #expect(Statistics.percentile(values, 5) == 5)
        #expect(Statistics.percentile(values, 50) == 50)
        #expect(Statistics.percentile(values, 95) == 95)
        #expect(Statistics.percentile(values, 100) == 100)
        #expect(Statistics.percentile(values, 0) == 1)
        #expect(Statistics.percentile([Int64](), 50) == nil)
        #expect(Statistics.percentile([3.0, 1, 2], 50) == 2)
    }

    @Test func wilsonInterval() {
        // Reference values (Wilson 1927; e.g. R's prop.test without correction): 0/10 → [0, 0.2775].
        let zero = Statistics.wilson(successes: 0, trials: 10)
        #expect(zero.low == 0)
        #expect(abs(zero.high - 0.2775) < 1e-4)
        let half = Statistics.wilson(successes: 50, trials: 100)
        #expect(abs(half.low - 0.4038) < 1e-4 && abs(half.high - 0.5962) < 1e-4)
    }

    @Test func valueAtRiskAndTail() {
        let losses = (1...1000).map(Int64.init)
        #expect(Statistics.valueAtRisk(losses, level: 0.995) == 995)
        #expect(Statistics.tailValueAtRisk(losses, level: 0.995) == Double(995 + 996 + 997 + 998 + 999 + 1000) / 6)
    }

    @Test func moneyFormatting() {
        #expect(Money.fen(yuan: 0.07) == 7)
        #expect(Money.fen(yuan: -0.125) == -13)
        #expect(Format.yuan(fen: -5) == "-0.05")
        #expect(Format.yuan(fen: 123456) == "1234.56")
    }
}
