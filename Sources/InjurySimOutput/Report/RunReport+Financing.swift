import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The charts of the scenario's financing method, which lead the report's charts: the cost rate
/// (pay-as-you-go) or the terminal-funding rate against the rate charged by year, the reserve in
/// months of spending against the target, and the year the reserve runs out.
extension RunReport {
    /// The method's charts, in the order the report shows them (none under full funding, whose
    /// lead chart is the net-position fan).
    func methodCharts() -> [SVGChart] {
        let figures = MethodVerdictFigures(summary: summary, fullFunding: Self.verdictFigures(summary))
        guard let yearly = folder.yearly, figures.method != .fullFunding else { return [] }
        let terminal = figures.method == .terminalFunding
        return [ratesByYear(yearly, terminal: terminal), reserveMonths(yearly, target: figures.reserveTargetMonths), exhaustionYears(yearly)]
    }

    /// The 5th–95th and 25th–75th percentile bands of yearly rows.
    func percentileBands(_ rows: [MonthlyTable.Row], colour: String) -> [BandChart.Band] {
        [
            .init(label: language("5th–95th percentile", "第5–95百分位"), low: rows.map(\.p5), high: rows.map(\.p95), colour: colour, opacity: 0.2),
            .init(label: language("25th–75th percentile", "第25–75百分位"), low: rows.map(\.p25), high: rows.map(\.p75), colour: colour, opacity: 0.45)
        ]
    }

    /// The rate each year needs under the method (bands over worlds) against the rate charged.
    func ratesByYear(_ yearly: YearlyTable, terminal: Bool) -> SVGChart {
        let cost = yearly.series(terminal ? "terminal_funding_rate_yuan_per_order" : "cost_rate_yuan_per_order")
        let charged = yearly.series("rate_charged_yuan_per_order")
        let name = terminal ? language("Terminal-funding rate", "资本化价值筹资费率") : language("Pay-as-you-go cost rate", "现收现付成本费率")
        let index = yearly.monthsInYear.lastIndex(of: 12) ?? yearly.years.count - 1
        let year = yearly.years.isEmpty ? "" : yearly.years[index]
        let need = cost.indices.contains(index) ? cost[index].p50 : .nan
        let have = charged.indices.contains(index) ? charged[index].p50 : .nan
        let firstAbove = zip(cost, charged).enumerated().first { $0.element.0.p50 > $0.element.1.p50 }.map { yearly.years[$0.offset] }
        let reading =
            language(
                "In \(year) the median \(terminal ? "terminal-funding rate" : "cost rate") is \(numbers.rate(need)) per order against \(numbers.rate(have)) charged",
                "\(year) 年\(terminal ? "资本化价值筹资费率" : "成本费率")中位数为每单 \(numbers.rate(need))，实际费率为 \(numbers.rate(have))")
            + (firstAbove.map { language("; the median need first exceeds the rate charged in \($0).", "；所需费率中位数自 \($0) 年起超过实际费率。") }
                ?? language("; the median need stays below the rate charged.", "；所需费率中位数始终低于实际费率。"))
        return BandChart(
            title: language("\(name) against the rate charged, by year (all pools)", "\(name)与实际费率（按年，\(Glossary.allPools.zh)）"),
            xLabels: yearly.years.map(yearLabel), xTitle: language("Year", "年份"),
            yTitle: language("Yuan per order", "元/单"),
            bands: percentileBands(cost, colour: ChartStyle.colour(1)),
            lines: [
                .init(label: language("\(name), median", "\(name)中位数"), values: cost.map(\.p50), colour: "#000", dash: ""),
                .init(label: language("Rate charged, median", "实际费率中位数"), values: charged.map(\.p50), colour: ChartStyle.colour(0), dash: "6 3")
            ],
            zeroLine: false, reading: reading + partialYearNote(yearly)
        ).chart()
    }

    /// The reserve at each year end in months of that year's spending, with the target.
    func reserveMonths(_ yearly: YearlyTable, target: Double) -> SVGChart {
        let rows = yearly.series("reserve_months_of_spending")
        let last = rows.last, year = yearly.years.last ?? ""
        let reading = language(
            "At the end of \(year) the median reserve holds \(ReportNumbers.grouped(last?.p50 ?? .nan, 1)) months of spending; one world in twenty holds under \(ReportNumbers.grouped(last?.p5 ?? .nan, 1)). The target is \(Format.short(target)) months.",
            "\(year) 年末储备可支付月数中位数为 \(ReportNumbers.grouped(last?.p50 ?? .nan, 1))；每二十个情景中有一个低于 \(ReportNumbers.grouped(last?.p5 ?? .nan, 1))。目标为 \(Format.short(target)) 个月。"
        )
        return BandChart(
            title: language("Reserve in months of spending at each year's end (all pools)", "各年末储备可支付月数（\(Glossary.allPools.zh)）"),
            xLabels: yearly.years.map(yearLabel), xTitle: language("Year", "年份"),
            yTitle: language("Months of spending", "当年支出的月数"),
            bands: percentileBands(rows, colour: ChartStyle.colour(0)),
            lines: [
                .init(label: language("Median", "中位数"), values: rows.map(\.p50), colour: "#000", dash: ""),
                .init(label: language("Target", "目标"), values: rows.map { _ in target }, colour: ChartStyle.colour(3), dash: "6 3")
            ],
            zeroLine: true, reading: reading + partialYearNote(yearly)
        ).chart()
    }

    /// The share of worlds whose reserve has run out by each year's end, with 95% intervals
    /// (from `replications.csv`'s first shortfall month).
    func exhaustionYears(_ yearly: YearlyTable) -> SVGChart {
        let years = yearly.years
        let (shares, bands, n) = shortfallShares(years) { String($0.prefix(4)) }
        let reading = language(
            "By the end of \(years.last ?? "") the reserve has run out in \(numbers.percent((shares.last ?? 0) / 100)) of \(numbers.count(Double(n))) worlds.",
            "至 \(years.last ?? "") 年末，\(numbers.count(Double(n))) 个情景中有 \(numbers.percent((shares.last ?? 0) / 100)) 储备已耗尽。")
        return BandChart(
            title: language("Share of worlds whose reserve has run out, by year", "储备已耗尽的情景占比（按年）"),
            xLabels: years.map(yearLabel), xTitle: language("Year", "年份"), yTitle: language("Share of worlds (%)", "情景占比（%）"),
            bands: [
                .init(
                    label: language("95% interval", "95%置信区间"), low: bands.map { $0.low * 100 }, high: bands.map { $0.high * 100 },
                    colour: ChartStyle.colour(3), opacity: 0.25)
            ],
            lines: [.init(label: language("Share exhausted", "已耗尽占比"), values: shares, colour: "#000", dash: "")],
            zeroLine: false, reading: reading + partialYearNote(yearly)
        ).chart()
    }
}
