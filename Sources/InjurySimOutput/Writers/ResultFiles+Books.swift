import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// `platforms.csv` and summary.json's `platforms` and `sectors`: the books per platform and
/// per sector (``Book``, ``BookSeries``).
extension ResultFiles {
    /// One row of `platforms.csv`: a metric's name, its decimals, and its value in a replication's month.
    struct BookRow: Sendable {
        var key: String
        var decimals: Int
        var value: @Sendable (BookSeries, Int) -> Double
    }

    /// Every row written per book and month, in order: each metric of the month (persons counted
    /// once), each flow also summed since the first phase, then the rates and ratios.
    static let bookRows: [BookRow] = {
        var rows: [BookRow] = []
        for metric in PlatformMetric.allCases {
            let divisor = metric.isMoney ? 100.0 : 1
            let decimals = metric.isMoney ? 2 : 0
            rows.append(BookRow(key: metric.key, decimals: decimals) { $0.monthly(metric, $1) / divisor })
            if !metric.isStock {
                rows.append(BookRow(key: metric.key + "_cumulative", decimals: decimals) { $0.cumulative(metric, $1) / divisor })
            }
        }
        rows += [
            BookRow(key: "rate_charged_yuan_per_order", decimals: 4) { $0.rateCharged($1) },
            BookRow(key: "rate_charged_cumulative_yuan_per_order", decimals: 4) { $0.rateChargedSinceStart($1) },
            BookRow(key: "loss_ratio_paid_cumulative", decimals: 4) { $0.paidLossRatio($1) },
            BookRow(key: "loss_ratio_incurred_cumulative", decimals: 4) { $0.incurredLossRatio($1) },
            BookRow(key: "break_even_rate_cumulative_yuan_per_order", decimals: 4) { $0.breakEvenRate($1) }
        ]
        return rows
    }()

    /// Long format: one row per month × book (each platform, then each sector) × metric with the
    /// mean and percentiles over replications; a ratio's replications without a denominator are
    /// left out (all left out: empty fields).
    static func platformsCSV(scenario: Scenario, results: [ReplicationResult]) -> String {
        var lines = ["month,book,name,metric,mean,p5,p25,p50,p75,p95"]
        for book in Book.all(scenario) {
            let series = results.map { BookSeries(book, $0) }
            for month in 0..<scenario.months {
                let prefix = scenario.startMonth.adding(months: month).description + "," + book.kind.rawValue + "," + CSV.cell(book.name) + ","
                for row in bookRows {
                    let values = series.map { row.value($0, month) }.filter { !$0.isNaN }
                    let sorted = values.sorted()
                    var line = prefix + row.key + ","
                    line += (values.isEmpty ? nil : Format.fixed(values.reduce(0, +) / Double(values.count), max(2, row.decimals))) ?? ""
                    for p in [5.0, 25, 50, 75, 95] {
                        line += "," + (Statistics.percentile(sorted: sorted, p).flatMap { Format.fixed($0, row.decimals) } ?? "")
                    }
                    lines.append(line)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// summary.json's `platforms` (or `sectors`): per book, the horizon's figures, the persons
    /// and the figures since the first phase of a chain.
    static func booksJSON(_ books: [Book], results: [ReplicationResult]) -> JSONOut {
        var out: [String: JSONOut] = [:]
        for book in books {
            let series = results.map { BookSeries(book, $0) }
            func over(_ f: (BookSeries) -> Double) -> Spread { Spread(series.map(f).filter { !$0.isNaN }) }
            func money(_ metric: PlatformMetric) -> JSONOut { spread(over { $0.horizon(metric) }, money: true) }
            func count(_ metric: PlatformMetric) -> JSONOut { spread(over { $0.horizon(metric) }, decimals: 0) }
            let last = (results.first?.months ?? 1) - 1
            var severity: [String: JSONOut] = [:]
            for group in SeverityGroup.allCases { severity[group.key] = count(.claims(of: group)) }
            var items: [String: JSONOut] = [:]
            for item in BenefitItem.allCases { items[item.rawValue] = money(.benefit(item)) }
            out[book.name] = .object([
                "platforms": .number(String(book.platforms.count)),
                "orders": count(.orders),
                "contributionsBookedYuan": money(.contributionsBooked),
                "contributionsPaidYuan": money(.contributionsPaid),
                "accidents": count(.accidents),
                "claimsRecognised": count(.claimsRecognised),
                "claimsRecognisedBySeverity": .object(severity),
                "benefitsPaidYuan": money(.benefitsDue),
                "benefitsPaidByItemYuan": .object(items),
                "platformPaidBenefitsYuan": money(.platformPaid),
                "incurredCostYuan": money(.incurred),
                "lossRatioPaid": spread(over(\.horizonPaidLossRatio), decimals: 4),
                "lossRatioIncurred": spread(over(\.horizonIncurredLossRatio), decimals: 4),
                "breakEvenRateYuanPerOrder": spread(over(\.horizonBreakEvenRate), decimals: 4),
                "rateChargedYuanPerOrder": spread(over(\.horizonRateCharged), decimals: 4),
                "rateChargedLastMonthYuanPerOrder": spread(over { $0.rateCharged(last) }, decimals: 4),
                "insuredPersonsCumulative": spread(over { $0.cumulative(.insuredPersons, last) }, decimals: 0),
                "activePersonsLastMonth": spread(over { $0.monthly(.activePersons, last) }, decimals: 0),
                "sinceFirstPhase": .object([
                    "orders": spread(over { $0.cumulative(.orders, last) }, decimals: 0),
                    "contributionsPaidYuan": spread(over { $0.cumulative(.contributionsPaid, last) }, money: true),
                    "claimsRecognised": spread(over { $0.cumulative(.claimsRecognised, last) }, decimals: 0),
                    "benefitsPaidYuan": spread(over { $0.cumulative(.benefitsDue, last) }, money: true),
                    "incurredCostYuan": spread(over { $0.cumulative(.incurred, last) }, money: true),
                    "lossRatioIncurred": spread(over { $0.incurredLossRatio(last) }, decimals: 4),
                    "breakEvenRateYuanPerOrder": spread(over { $0.breakEvenRate(last) }, decimals: 4)
                ])
            ])
        }
        return .object(out)
    }
}
