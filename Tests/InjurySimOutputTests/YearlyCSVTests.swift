import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimEngine
@testable import InjurySimOutput
@testable import InjurySimScenario

/// `yearly.csv`: each replication's own yearly figure — flows summed over the year's months,
/// stocks at the year's last month inside the horizon, active workers averaged — and then the
/// mean and nearest-rank percentiles over replications; partly covered years say how many
/// months they hold; the file is the same from a merged study as from one machine.
@Suite struct YearlyCSVTests {
    /// The rule each metric of the file must follow, written out here independently of the
    /// writer's table: the monthly metric it reads and how.
    enum Expected { case sum, last, mean }
    static let expected: [String: (metric: String, rule: Expected)] = {
        var out: [String: (String, Expected)] = [:]
        let sums = [
            "orders", "contributions", "contributions_booked", "investment_income", "benefits_paid", "benefits_due", "benefits_medical",
            "benefits_suspension_wages", "benefits_disability_lump_sum", "benefits_disability_allowance", "benefits_care",
            "benefits_grade5to6_allowance", "benefits_death_lump_sum", "benefits_funeral", "benefits_dependants_pensions",
            "claims_recognised", "accidents", "awards_long_term", "awards_disability_allowance", "awards_care",
            "awards_grade5to6_allowance", "awards_dependants_pensions", "awards_capital_value"
        ]
        for key in sums { out[key] = (key, .sum) }
        for key in ["cash", "outstanding_liabilities", "ibnr_reserve", "solvency_position", "insured_persons_cumulative"] { out[key] = (key, .last) }
        out["reserve"] = ("net_position", .last)
        out["active_workers_last_month"] = ("active_workers", .last)
        out["active_workers_mean"] = ("active_workers", .mean)
        return out
    }()

    /// Results with every monthly figure drawn at random (a fixed LCG), so that a sum of monthly
    /// percentiles, a wrong month or a wrong year boundary gives other numbers.
    static func results(_ scenario: Scenario, count: Int) -> [ReplicationResult] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { r in
            var result = ReplicationResult(
                replication: r, months: scenario.months, poolCount: scenario.poolCount, sectorCount: 1, platformCount: scenario.platforms.count)
            for index in result.monthly.indices {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                result.monthly[index] = Int64(state >> 34) - (1 << 29)
            }
            for index in result.platformMonthly.indices {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                result.platformMonthly[index] = Int64(state >> 34) - (1 << 27)
            }
            return result
        }
    }

    @Test func everyFigureIsEachReplicationsOwnYearOfItsMonths() throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.startMonth = YearMonth(year: 2024, month: 10)
        scenario.months = 17
        let results = Self.results(scenario, count: 7)
        let records = try #require(CSV.records(YearlyCSV.text(scenario: scenario, results: results)))
        #expect(records.first == ["year", "months", "pool", "metric", "mean", "p5", "p25", "p50", "p75", "p95"])
        let pools = scenario.poolNames + ["total"]
        // 2024 holds October to December, 2025 all twelve months, 2026 January and February.
        let years: [(year: String, first: Int, months: Int)] = [("2024", 0, 3), ("2025", 3, 12), ("2026", 15, 2)]
        let sectors = scenario.sectors.map(\.name)
        #expect(records.count == 1 + years.count * (pools.count * (Self.expected.count + Self.financing.count) + 2 * sectors.count))
        var seen: [String: Int] = [:]
        for fields in records.dropFirst() where Self.financing[fields[3]] == nil && !fields[3].contains(".") {
            let year = try #require(years.first { $0.year == fields[0] }, "year \(fields[0])")
            #expect(fields[1] == String(year.months), "the months of \(year.year) inside the horizon")
            let pool = try #require(pools.firstIndex(of: fields[2]))
            let (key, rule) = try #require(Self.expected[fields[3]], "unexpected metric \(fields[3])")
            let metric = try #require(Metric.allCases.first { $0.key == key })
            seen[fields[3], default: 0] += 1
            let perReplication: [Double] = results.map { result in
                let months = (year.first..<(year.first + year.months)).map { result.value(month: $0, pool: pool, metric: metric) }
                switch rule {
                case .sum: return Double(months.reduce(0, +))
                case .last: return Double(months[months.count - 1])
                case .mean: return Double(months.reduce(0, +)) / Double(months.count)
                }
            }
            let sorted = perReplication.sorted()
            // Nearest rank over 7 replications: p5 the 1st, p25 the 2nd, p50 the 4th, p75 the 6th, p95 the 7th.
            let ranks = [0, 1, 3, 5, 6]
            let divisor = metric.isMoney ? 100.0 : 1
            for (column, rank) in zip(5..<10, ranks) {
                let written = try #require(Double(fields[column]), "\(fields)")
                if rule == .mean {
                    #expect(abs(written - sorted[rank]) <= 0.005, "\(fields[3]) \(fields[0]) column \(column)")
                } else {
                    // Exact: to the fen for money, to the unit for counts.
                    #expect((written * divisor).rounded() == sorted[rank], "\(fields[3]) \(fields[0]) \(fields[2]) column \(column)")
                }
            }
            let mean = perReplication.reduce(0, +) / Double(perReplication.count) / divisor
            #expect(abs(try #require(Double(fields[4])) - mean) <= 0.005, "\(fields[3]) mean")
        }
        #expect(Set(seen.keys) == Set(Self.expected.keys))
        #expect(seen.values.allSatisfy { $0 == years.count * pools.count })

        // The financing rows: each replication's year from its months, by the rules as
        // docs/FINANCING.md states them, then percentiles over the replications that have one.
        var financingSeen = 0
        for fields in records.dropFirst() {
            guard let rule = Self.financing[fields[3]], fields[3] != "constituent_capital" else { continue }
            financingSeen += 1
            let year = try #require(years.first { $0.year == fields[0] })
            let pool = try #require(pools.firstIndex(of: fields[2]))
            let perReplication: [Double] = results.compactMap { result in
                func sum(_ metric: Metric) -> Double {
                    Double((year.first..<(year.first + year.months)).reduce(Int64(0)) { $0 + result.value(month: $1, pool: pool, metric: metric) })
                }
                let value = rule(sum, Double(result.value(month: year.first + year.months - 1, pool: pool, metric: .netPosition)), year.months)
                return value.isNaN ? nil : value
            }
            let sorted = perReplication.sorted()
            guard !sorted.isEmpty else {
                #expect(fields[5...].allSatisfy { $0.isEmpty }, "\(fields)")
                continue
            }
            func rank(_ p: Double) -> Double { sorted[max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)] }
            for (column, p) in zip(5..<10, [5.0, 25, 50, 75, 95]) {
                let written = try #require(Double(fields[column]), "\(fields)")
                let tolerance = (fields[3] == "reserve_months_of_spending" ? 0.005 : 0.00005) + 1e-12 * abs(rank(p))
                #expect(abs(written - rank(p)) <= tolerance, "\(fields[3]) \(fields[0]) \(fields[2]) column \(column)")
            }
        }
        #expect(financingSeen == years.count * pools.count * (Self.financing.count - 1), "all but the constituent capital")

        // Per sector, in the total only: its platforms' books over the year's months.
        var sectorSeen = 0
        for fields in records.dropFirst() where fields[3].contains(".") {
            sectorSeen += 1
            #expect(fields[2] == "total")
            let parts = fields[3].split(separator: ".").map(String.init)
            let sector = try #require(sectors.firstIndex(of: parts[1]))
            let platforms = scenario.platforms.indices.filter { scenario.platforms[$0].sector == sector }
            let year = try #require(years.first { $0.year == fields[0] })
            let perReplication: [Double] = results.compactMap { result in
                func sum(_ metric: PlatformMetric) -> Double {
                    Double(
                        (year.first..<(year.first + year.months)).reduce(Int64(0)) { total, month in
                            platforms.reduce(total) { $0 + result.value(month: month, platform: $1, metric: metric) }
                        })
                }
                let orders = sum(.orders)
                guard orders > 0 else { return nil }
                let value =
                    parts[0] == "cost_rate_yuan_per_order"
                    ? (sum(.benefitsDue) + result.adminCostShare * sum(.contributionsPaid)) / orders / 100 : sum(.contributionsBooked) / orders / 100
                return value
            }
            let sorted = perReplication.sorted()
            if sorted.isEmpty { continue }
            let median = sorted[max(0, Int((0.5 * Double(sorted.count)).rounded(.up)) - 1)]
            #expect(abs(try #require(Double(fields[7])) - median) <= 0.00005 + 1e-12 * abs(median), "\(fields)")
        }
        #expect(sectorSeen == years.count * 2 * sectors.count)
    }

    /// The financing rows checked from the months (the constituent capital, a recursion over
    /// years, is FinancingPath's and tested there): yuan per order or months, from the year's
    /// sums (fen), its last net position (fen) and its months inside the horizon.
    static let financing: [String: @Sendable ((Metric) -> Double, Double, Int) -> Double] = [
        "cost_rate_yuan_per_order": { sum, _, _ in
            sum(.orders) > 0 ? (sum(.benefitsDue) + sum(.adminCost)) / 100 / sum(.orders) : .nan
        },
        "rate_charged_yuan_per_order": { sum, _, _ in sum(.orders) > 0 ? sum(.contributions) / 100 / sum(.orders) : .nan },
        "terminal_funding_rate_yuan_per_order": { sum, _, _ in
            let short = [Metric.dueMedical, .dueSuspensionWages, .dueDisabilitySubsidy, .dueDeathSubsidy, .dueFuneralGrant].reduce(0.0) {
                $0 + sum($1)
            }
            return sum(.orders) > 0 ? (short + sum(.adminCost) + sum(.awardsCapitalValue)) / 100 / sum(.orders) : .nan
        },
        "reserve_months_of_spending": { sum, reserve, months in
            let spending = sum(.benefitsDue) + sum(.adminCost)
            return spending == 0 ? .nan : Double(months) * reserve / spending
        },
        "constituent_capital": { _, _, _ in .nan }
    ]

    @Test func yearsFollowTheCalendarAndAPartlyCoveredYearIsARowWithItsMonths() {
        func years(_ year: Int, _ month: Int, _ months: Int) -> [YearlyCSV.Year] {
            YearlyCSV.years(start: YearMonth(year: year, month: month), months: months)
        }
        #expect(years(2024, 1, 12) == [.init(year: 2024, first: 0, months: 12)])
        #expect(years(2024, 1, 4) == [.init(year: 2024, first: 0, months: 4)])
        #expect(years(2022, 7, 18) == [.init(year: 2022, first: 0, months: 6), .init(year: 2023, first: 6, months: 12)])
        let fifty = years(2026, 1, 600)
        #expect(fifty.count == 50 && fifty.allSatisfy { $0.months == 12 } && fifty.last == .init(year: 2075, first: 588, months: 12))
        let shifted = years(2026, 12, 600)
        #expect(shifted.count == 51 && shifted.first?.months == 1 && shifted.last?.months == 11)
    }

    /// The flows of a real run add up: the fund's benefits by item sum to its benefits due, to
    /// the fen, in every replication's year (the file's mean is the mean of those sums).
    @Test func theItemsOfARealRunAddUpToTheBenefitsDueInEveryYear() async throws {
        var scenario = try TestScenarios.load("smoke.json")
        scenario.replications = 3
        scenario.months = 14
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<3, threads: 2)
        for result in results {
            for year in YearlyCSV.years(start: scenario.startMonth, months: scenario.months) {
                for pool in 0...scenario.poolCount {
                    func v(_ key: String) -> Double {
                        YearlyCSV.value(YearlyCSV.rows.first { $0.key == key }!, of: result, pool: pool, year: year)
                    }
                    let items = BenefitItem.allCases.reduce(0.0) { $0 + v(Metric.due($1).key) }
                    #expect(items == v("benefits_due"), "replication \(result.replication), \(year.year), pool \(pool)")
                }
            }
            #expect(result.total(.awardsLongTerm, pool: scenario.poolCount) > 0, "the smoke scenario awards long-term benefits")
        }
    }
}
