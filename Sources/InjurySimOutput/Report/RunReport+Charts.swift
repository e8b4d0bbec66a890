import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// The charts of a run's report, each from the files' figures with its reading in words.
extension RunReport {
    func charts() -> [SVGChart] {
        // The binding test's charts lead (RunReport+Binding).
        var charts = leadCharts()
        let pools = folder.monthly.pools.filter { $0 != "total" }
        if pools.count > 1 { charts.append(poolFans(pools)) }
        charts += [firstShortfall(), cashFlows()]
        if let yearly = folder.yearly { charts += [spendingByItem(yearly), reserveByYear(yearly)] }
        charts += [claimsBySeverity(), liabilities(), breakEven()]
        if let platforms = platformBreakEven() { charts.append(platforms) }
        charts.append(persons())
        if let published = publishedFigures() { charts.append(published) }
        return charts
    }

    var monthTitle: String { language("Month", "月份") }

    /// A year's label under a chart's bar: with the months the horizon covers when it covers only
    /// part of the year ("2022" over "(Jul–Dec)"): from `yearly.csv`'s months in each year (a
    /// first year ends in December, a last one starts in January), else from `monthly.csv`'s months.
    func yearLabel(_ year: String) -> String {
        let inMonthly = folder.monthly.months.filter { $0.hasPrefix(year + "-") }.compactMap { Int($0.suffix(2)) }
        var first = inMonthly.min(), last = inMonthly.max()
        if let yearly = folder.yearly, let index = yearly.years.firstIndex(of: year), yearly.years.count > 1 {
            let n = yearly.monthsInYear[index]
            (first, last) = n >= 12 ? (1, 12) : index == 0 ? (13 - n, 12) : (1, n)
        }
        guard let first, let last else { return year }
        return numbers.year(year, firstMonth: first, lastMonth: last, separator: "\n")
    }

    /// Amounts in the unit that suits their largest magnitude.
    func scaled(_ values: [[Double]]) -> (values: [[Double]], unit: ReportNumbers.MoneyUnit) {
        let largest = values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
        let unit = numbers.unit(for: largest)
        return (values.map { $0.map { $0 / unit.divisor } }, unit)
    }

    func fan(pool: String) -> SVGChart {
        let rows = folder.monthly.series("net_position", pool: pool)
        let (v, unit) = scaled([rows.map(\.p5), rows.map(\.p25), rows.map(\.p50), rows.map(\.p75), rows.map(\.p95)])
        let name = pool == "total" ? Glossary.allPools(language) : shown("provinces", pool)
        let last = rows.last, month = folder.monthly.months.last ?? ""
        let reading = language(
            "In \(month) the median net position is \(numbers.money(last?.p50 ?? .nan)); one world in twenty ends below \(numbers.money(last?.p5 ?? .nan)).",
            "\(month) \(Glossary.netPosition.zh)中位数为 \(numbers.money(last?.p50 ?? .nan))；每二十个情景中有一个低于 \(numbers.money(last?.p5 ?? .nan))。")
        return BandChart(
            title: language("Fund net position — \(name)", "\(Glossary.netPosition.zh) — \(name)"), xLabels: folder.monthly.months,
            xTitle: monthTitle,
            yTitle: language("Net position (\(unit.name))", "\(Glossary.netPosition.zh)（\(unit.name)）"),
            bands: [
                .init(label: language("5th–95th percentile", "第5–95百分位"), low: v[0], high: v[4], colour: ChartStyle.colour(0), opacity: 0.2),
                .init(label: language("25th–75th percentile", "第25–75百分位"), low: v[1], high: v[3], colour: ChartStyle.colour(0), opacity: 0.45)
            ],
            lines: [.init(label: language("Median", "中位数"), values: v[2], colour: "#000", dash: "")]
                + (pool == "total" ? sampleWorldLines(.netPosition, divisor: unit.divisor) : []),
            zeroLine: true, reading: reading
        ).chart()
    }

    /// Each pool's net-position fan as small multiples: one panel a pool, the same legend and
    /// bands as the total's fan, each panel in its own unit.
    func poolFans(_ pools: [String]) -> SVGChart {
        var panels: [(title: String, body: String)] = []
        var lows: [String] = []
        var legend: [(label: String, swatch: SVGChart.Swatch)] = []
        for pool in pools {
            let rows = folder.monthly.series("net_position", pool: pool)
            let (v, unit) = scaled([rows.map(\.p5), rows.map(\.p25), rows.map(\.p50), rows.map(\.p75), rows.map(\.p95)])
            let chart = BandChart(
                title: "", xLabels: folder.monthly.months, xTitle: "", yTitle: "",
                bands: fanBands(low: v[0], p25: v[1], p75: v[3], high: v[4], colour: ChartStyle.colour(0)),
                lines: [.init(label: language("Median", "中位数"), values: v[2], colour: "#000", dash: "")], zeroLine: true, reading: "", panel: true
            ).chart()
            legend = chart.legend
            panels.append((shown("provinces", pool) + " (" + unit.name + ")", chart.body))
            if let p5 = rows.last?.p5, p5 < 0 { lows.append(shown("provinces", pool)) }
        }
        let month = folder.monthly.months.last ?? ""
        let reading =
            lows.isEmpty
            ? language("In \(month) no pool's 5th percentile is below zero.", "\(month) 各统筹地区第5百分位均不低于零。")
            : language(
                "In \(month) one world in twenty ends below zero in: \(lows.joined(separator: ", ")).",
                "\(month) 以下统筹地区每二十个情景中至少有一个低于零：\(lows.joined(separator: "、"))。")
        var figure = SVGChart(
            title: language("Fund net position by pool (each panel in its own unit)", "各统筹地区\(Glossary.netPosition.zh)（各图单位不同）"), body: "",
            legend: legend, reading: reading)
        figure.panels = panels
        return figure
    }

    /// The share of worlds (%) that have run short by each of `labels` (months, or years when
    /// `period` cuts a month `YYYY-MM` to its year), with Wilson 95% bands, from
    /// `replications.csv`'s first shortfall month; `n` the worlds.
    func shortfallShares(_ labels: [String], period: (String) -> String = { $0 }) -> (shares: [Double], bands: [(low: Double, high: Double)], n: Int)
    {
        let n = folder.replications.count
        var counts = [Int](repeating: 0, count: labels.count)
        for row in folder.replications {
            guard let month = row["first_shortfall_month"], let index = labels.firstIndex(of: period(month)) else { continue }
            for later in index..<labels.count { counts[later] += 1 }
        }
        return (counts.map { Double($0) / Double(max(1, n)) * 100 }, counts.map { Statistics.wilson(successes: $0, trials: n) }, n)
    }

    func firstShortfall() -> SVGChart {
        let labels = folder.monthly.months
        let (shares, bands, n) = shortfallShares(labels)
        let reading = language(
            "By \(labels.last ?? "") the fund has run short at least once in \(numbers.percent((shares.last ?? 0) / 100)) of \(numbers.count(Double(n))) worlds.",
            "至 \(labels.last ?? "")，\(numbers.count(Double(n))) 个情景中有 \(numbers.percent((shares.last ?? 0) / 100)) 至少出现过一次现金不足。")
        return BandChart(
            title: language("Probability of a first shortfall by month (all pools)", "截至各月出现首次现金缺口的累计概率（\(Glossary.allPools.zh)）"),
            xLabels: labels, xTitle: monthTitle, yTitle: language("Cumulative probability (%)", "累计概率（%）"),
            bands: [
                .init(
                    label: language("Wilson 95% interval", "Wilson 95% 置信区间"), low: bands.map { $0.low * 100 }, high: bands.map { $0.high * 100 },
                    colour: ChartStyle.colour(3), opacity: 0.25)
            ],
            lines: [.init(label: language("Share of worlds short so far", "已出现缺口的情景占比"), values: shares, colour: ChartStyle.colour(3), dash: "")],
            reading: reading
        ).chart()
    }

    func cashFlows() -> SVGChart {
        let flows: [(String, Double, String, String)] = [
            ("contributions", 1, "Contributions", "缴费"), ("investment_income", 1, "Investment income", "投资收益"),
            ("borrowed", 1, "Borrowed", "借款"), ("benefits_paid", -1, "Benefits paid", "待遇支付"),
            ("admin_cost", -1, "Administration", "管理费用"), ("repaid", -1, "Repaid", "还款")
        ]
        let years = folder.monthly.yearlyMeans("contributions").map(\.year)
        let (v, unit) = scaled(flows.map { flow in folder.monthly.yearlyMeans(flow.0).map { $0.sum * flow.1 } })
        let series = flows.enumerated().map {
            StackedBarChart.Series(label: language($0.element.2, $0.element.3), values: v[$0.offset], colour: ChartStyle.colour($0.offset))
        }
        let inflow = v[0].reduce(0, +), outflow = v[3].reduce(0, +)
        let reading = language(
            "Over the horizon contributions average \(numbers.money(inflow * unit.divisor)) and benefits paid \(numbers.money(-outflow * unit.divisor)) (means over worlds).",
            "整个期间缴费平均 \(numbers.money(inflow * unit.divisor))，待遇支付平均 \(numbers.money(-outflow * unit.divisor))（各情景均值）。")
        return StackedBarChart(
            title: language("Yearly cash flows (all pools; inflows up, outflows down)", "年度现金流（\(Glossary.allPools.zh)；流入向上，流出向下）"),
            categories: years.map(yearLabel), xTitle: language("Year", "年份"),
            yTitle: language("Mean per year (\(unit.name))", "年均值（\(unit.name)）"), series: series, reading: reading + partYearNote(years)
        ).chart()
    }

    /// The benefit items as `yearly.csv` names them, with their words in both languages.
    static let benefitItems: [(metric: String, en: String, zh: String)] = zip(
        BenefitItem.allCases,
        [
            ("Medical", "医疗费"), ("Suspension wages", "停工留薪期工资"), ("Disability lump sum", "一次性伤残补助金"),
            ("Disability allowance", "伤残津贴"), ("Care allowance", "生活护理费"), ("Grade 5–6 allowance", "五至六级伤残津贴"),
            ("Death lump sum", "一次性工亡补助金"), ("Funeral grant", "丧葬补助金"), ("Dependants' pensions", "供养亲属抚恤金")
        ]
    ).map { (Metric.due($0.0).key, $0.1.0, $0.1.1) }

    /// The words under a yearly chart when a year is only partly inside the horizon.
    func partialYearNote(_ yearly: YearlyTable) -> String { partYearNote(yearly.years) }

    /// The same for any list of years.
    func partYearNote(_ years: [String]) -> String {
        years.contains { yearLabel($0).contains("\n") }
            ? language(" Years shown with their months are only partly inside the horizon.", "标注月份的年份仅部分在模拟期内。") : ""
    }

    /// The fund's benefits that fell due each year by item: stacked means over worlds (yearly.csv).
    func spendingByItem(_ yearly: YearlyTable) -> SVGChart {
        let items = Self.benefitItems
        let (v, unit) = scaled(items.map { item in yearly.series(item.metric).map(\.mean) })
        // Eight palette colours, then grey for the ninth item.
        let series = items.enumerated().map { index, item in
            StackedBarChart.Series(
                label: language(item.en, item.zh), values: v[index], colour: index < ChartStyle.colours.count ? ChartStyle.colour(index) : "#999999")
        }
        // The last full year (a partly covered last year would read low), else the last year.
        let index = yearly.monthsInYear.lastIndex(of: 12) ?? yearly.years.count - 1
        let total = items.indices.reduce(0.0) { $0 + v[$1][index] } * unit.divisor
        let longTerm =
            BenefitItem.allCases.indices.filter { Metric.awards(of: BenefitItem.allCases[$0]) != nil }.reduce(0.0) {
                $0 + v[$1][index]
            } * unit.divisor
        let share = total > 0 ? numbers.percent(longTerm / total) : "—"
        let year = yearly.years[index], months = yearly.monthsInYear[index]
        let when = months == 12 ? year : language("\(year) (\(months) months)", "\(year) 年（\(months) 个月）")
        let reading = language(
            "In \(when) benefits of \(numbers.money(total)) fall due on average, \(share) of them allowances, care and dependants' pensions (long-term streams).",
            "\(when)\(months == 12 ? " 年" : "")平均到期待遇 \(numbers.money(total))，其中伤残津贴、生活护理费和供养亲属抚恤金等长期待遇占 \(share)。")
        return StackedBarChart(
            title: language(
                "Fund spending by benefit item per year (all pools; benefits falling due)", "各年度按待遇项目的基金支出（\(Glossary.allPools.zh)；当年到期待遇）"),
            categories: yearly.years.map(yearLabel), xTitle: language("Year", "年份"),
            yTitle: language("Mean per year (\(unit.name))", "年均值（\(unit.name)）"), series: series,
            reading: reading + partialYearNote(yearly)
        ).chart()
    }

    /// The reserve (net position) at each year's last month: p5–p95 band and median (yearly.csv).
    func reserveByYear(_ yearly: YearlyTable) -> SVGChart {
        let rows = yearly.series("reserve")
        let (v, unit) = scaled([rows.map(\.p5), rows.map(\.p50), rows.map(\.p95)])
        let year = yearly.years.last ?? "", full = (yearly.monthsInYear.last ?? 12) == 12
        let when = full ? language("At the end of \(year)", "\(year) 年末") : language("At the horizon's end in \(year)", "\(year) 年模拟期末")
        let reading = language(
            "\(when) the median reserve is \(numbers.money(rows.last?.p50 ?? .nan)); one world in twenty ends below \(numbers.money(rows.last?.p5 ?? .nan)).",
            "\(when)基金结余中位数为 \(numbers.money(rows.last?.p50 ?? .nan))；每二十个情景中有一个低于 \(numbers.money(rows.last?.p5 ?? .nan))。")
        return BandChart(
            title: language(
                "Fund reserve at each year's end (all pools; cash − backstop debt − arrears)", "各年末基金结余（\(Glossary.allPools.zh)；现金 − 托底借款 − 欠付待遇）"),
            xLabels: yearly.years.map(yearLabel), xTitle: language("Year", "年份"),
            yTitle: language("Reserve (\(unit.name))", "结余（\(unit.name)）"),
            bands: [.init(label: language("5th–95th percentile", "第5–95百分位"), low: v[0], high: v[2], colour: ChartStyle.colour(0), opacity: 0.25)],
            lines: [.init(label: language("Median", "中位数"), values: v[1], colour: "#000", dash: "")],
            zeroLine: true, reading: reading + partialYearNote(yearly)
        ).chart()
    }

    func claimsBySeverity() -> SVGChart {
        // The columns of the severity groups in order, from the one severity → metric map.
        let labels = [("Medical only", "仅医疗"), ("Grades 7–10", "七至十级"), ("Grades 5–6", "五至六级"), ("Grades 1–4", "一至四级"), ("Death", "工亡")]
        let groups = zip(SeverityGroup.allCases, labels).map { (Metric.claims(of: $0.0).key, $0.1.0, $0.1.1) }
        let years = folder.monthly.yearlyMeans("claims_recognised").map(\.year)
        let series = groups.enumerated().map { index, group in
            StackedBarChart.Series(
                label: language(group.1, group.2), values: folder.monthly.yearlyMeans(group.0).map(\.sum), colour: ChartStyle.colour(index))
        }
        let total = series.reduce(0) { $0 + $1.values.reduce(0, +) }
        let deaths = series.last?.values.reduce(0, +) ?? 0
        let reading = language(
            "About \(numbers.count(total)) claims are recognised over the horizon on average, \(numbers.count(deaths)) of them deaths.",
            "整个期间平均认定工伤约 \(numbers.count(total)) 件，其中工亡 \(numbers.count(deaths)) 件。")
        return StackedBarChart(
            title: language("Recognised claims by severity per year (all pools)", "各年度按伤残等级的认定工伤件数（\(Glossary.allPools.zh)）"),
            categories: years.map(yearLabel), xTitle: language("Year", "年份"), yTitle: language("Claims per year (mean)", "年均件数"),
            series: series, reading: reading + partYearNote(years)
        ).chart()
    }

    func liabilities() -> SVGChart {
        let rows = folder.monthly.series("outstanding_liabilities"), ibnr = folder.monthly.series("ibnr_reserve")
        let (v, unit) = scaled([rows.map(\.p5), rows.map(\.p25), rows.map(\.p50), rows.map(\.p75), rows.map(\.p95), ibnr.map(\.p50)])
        let reading = language(
            "At the end the fund owes a median \(numbers.money(rows.last?.p50 ?? .nan)) on reported claims, plus \(numbers.money(ibnr.last?.p50 ?? .nan)) on claims not yet reported.",
            "期末已报案件未决负债中位数为 \(numbers.money(rows.last?.p50 ?? .nan))，另有已发生未报案准备金 \(numbers.money(ibnr.last?.p50 ?? .nan))。")
        return BandChart(
            title: language("Outstanding liabilities (all pools)", "未决负债（\(Glossary.allPools.zh)）"), xLabels: folder.monthly.months,
            xTitle: monthTitle,
            yTitle: language("Present value (\(unit.name))", "现值（\(unit.name)）"),
            bands: [
                .init(label: language("5th–95th percentile", "第5–95百分位"), low: v[0], high: v[4], colour: ChartStyle.colour(2), opacity: 0.2),
                .init(label: language("25th–75th percentile", "第25–75百分位"), low: v[1], high: v[3], colour: ChartStyle.colour(2), opacity: 0.45)
            ],
            lines: [
                .init(label: language("Median, reported claims", "中位数（已报案件）"), values: v[2], colour: "#000", dash: ""),
                .init(
                    label: language("Median, incurred but not reported", "中位数（已发生未报案）"), values: v[5], colour: ChartStyle.colour(3),
                    dash: ChartStyle.dash(1))
            ],
            reading: reading
        ).chart()
    }

    func breakEven() -> SVGChart {
        let breakEven = summary.at("total/breakEvenRateYuanPerOrder")
        let rows = breakEven.keys.map { sector in
            let charged = summary["ratesChargedYuanPerOrder"][sector]
            return IntervalChart.Row(
                label: shown("sectors", sector), low: breakEven[sector]["p5"].number ?? .nan, point: breakEven[sector]["p50"].number ?? .nan,
                high: breakEven[sector]["p95"].number ?? .nan, markers: charged.keys.compactMap { charged[$0].number })
        }
        let above = rows.filter { row in !row.markers.isEmpty && row.point > (row.markers.max() ?? 0) }.map(\.label)
        let reading =
            above.isEmpty
            ? language("In every sector the median break-even rate is at or below the rates charged.", "各行业每单盈亏平衡费率中位数均不高于现行费率。")
            : language(
                "The median break-even rate is above every rate charged in: \(above.joined(separator: ", ")).",
                "以下行业盈亏平衡费率中位数高于全部现行费率：\(above.joined(separator: "、"))。")
        return IntervalChart(
            title: language("Break-even rate per order by sector, against the rates charged", "各行业每单盈亏平衡费率与现行费率"),
            valueTitle: language("Yuan per order", "元/单"), rows: rows,
            intervalLabel: language("5th–95th percentile", "第5–95百分位"), pointLabel: language("Median", "中位数"),
            markerLabel: language("Rate charged (each platform)", "现行费率（各平台）"), reading: reading
        ).chart()
    }

    /// Each platform's break-even rate since the first phase against its average rate charged
    /// (summary.json's `platforms`; absent in folders written before the books).
    func platformBreakEven() -> SVGChart? {
        let books = summary["platforms"]
        guard !books.keys.isEmpty else { return nil }
        let rows = books.keys.map { name in
            let breakEven = books[name]["sinceFirstPhase"]["breakEvenRateYuanPerOrder"]
            return IntervalChart.Row(
                label: shown("platforms", name), low: breakEven["p5"].number ?? .nan, point: breakEven["p50"].number ?? .nan,
                high: breakEven["p95"].number ?? .nan, markers: books[name]["rateChargedYuanPerOrder"]["p50"].number.map { [$0] } ?? [])
        }
        let above = rows.filter { row in row.point > (row.markers.first ?? .infinity) }.map(\.label)
        let reading =
            above.isEmpty
            ? language(
                "Every platform's median break-even rate is at or below the average rate it was charged.", "各平台每单盈亏平衡费率中位数均不高于其平均缴费费率。")
            : language(
                "The median break-even rate is above the average rate charged for: \(above.joined(separator: ", ")).",
                "以下平台盈亏平衡费率中位数高于其平均缴费费率：\(above.joined(separator: "、"))。")
        return IntervalChart(
            title: language(
                "Break-even rate per order by platform (since the first phase), against the average rate charged",
                "各平台每单盈亏平衡费率（自首期起）与平均缴费费率"),
            valueTitle: language("Yuan per order", "元/单"), rows: rows,
            intervalLabel: language("5th–95th percentile", "第5–95百分位"), pointLabel: language("Median", "中位数"),
            markerLabel: language("Average rate charged (median, after the float)", "平均缴费费率（中位数，浮动后）"), reading: reading
        ).chart()
    }

    func persons() -> SVGChart {
        let insured = folder.monthly.series("insured_persons_cumulative"), active = folder.monthly.series("active_workers")
        let reading = language(
            "By \(folder.monthly.months.last ?? "") a median \(numbers.count(insured.last?.p50 ?? .nan)) people have been insured; \(numbers.count(active.last?.p50 ?? .nan)) worked in the last month.",
            "至 \(folder.monthly.months.last ?? "")，累计参保人数中位数为 \(numbers.count(insured.last?.p50 ?? .nan))；最后一个月在岗 \(numbers.count(active.last?.p50 ?? .nan)) 人。"
        )
        return BandChart(
            title: language("Persons insured (all pools)", "参保人数（\(Glossary.allPools.zh)）"), xLabels: folder.monthly.months, xTitle: monthTitle,
            yTitle: language("Persons", "人数"),
            bands: [
                .init(
                    label: language("Cumulative, 5th–95th percentile", "累计，第5–95百分位"), low: insured.map(\.p5), high: insured.map(\.p95),
                    colour: ChartStyle.colour(0), opacity: 0.25),
                .init(
                    label: language("Active, 5th–95th percentile", "在岗，第5–95百分位"), low: active.map(\.p5), high: active.map(\.p95),
                    colour: ChartStyle.colour(1), opacity: 0.3)
            ],
            lines: [
                .init(label: language("Cumulative insured, median", "累计参保，中位数"), values: insured.map(\.p50), colour: ChartStyle.colour(0), dash: ""),
                .init(
                    label: language("Active in the month, median", "当月在岗，中位数"), values: active.map(\.p50), colour: ChartStyle.colour(1),
                    dash: ChartStyle.dash(1))
            ],
            reading: reading
        ).chart()
    }

    /// Published figures against the simulated 5–95% interval, each as a ratio to the published value.
    func publishedFigures() -> SVGChart? {
        let figures = summary["publishedFigures"].array
        guard !figures.isEmpty else { return nil }
        var rows: [IntervalChart.Row] = []
        // One month for all: named in the title, and the rows' labels short enough for half a row.
        let months = Set(figures.compactMap { $0["month"].string })
        let month = months.count == 1 ? months.first : nil
        for figure in figures {
            guard let published = figure["published"].number, published != 0 else { continue }
            rows.append(
                IntervalChart.Row(
                    label: publishedFigureLabel(figure["figure"].string ?? "?", short: true)
                        + ((figure["book"].string ?? "total") == "total" ? "" : " · " + (figure["book"].string ?? ""))
                        + (month == nil ? " " + (figure["month"].string ?? "") : ""),
                    low: (figure["simulatedP5"].number ?? .nan) / published, point: (figure["simulatedP50"].number ?? .nan) / published,
                    high: (figure["simulatedP95"].number ?? .nan) / published))
        }
        guard !rows.isEmpty else { return nil }
        let inside = figures.filter { $0["withinSimulated90"].bool == true }.count
        return IntervalChart(
            title: month.map { language("Published figures of \($0) against the simulated interval", "\($0) 公开数据与模拟区间对比") }
                ?? language("Published figures against the simulated interval", "公开数据与模拟区间对比"),
            valueTitle: language("Simulated ÷ published", "模拟值 ÷ 公开值"), rows: rows,
            intervalLabel: language("Simulated 5th–95th percentile", "模拟第5–95百分位"), pointLabel: language("Simulated median", "模拟中位数"),
            markerLabel: nil, reference: 1, referenceLabel: language("Published value", "公开值"),
            reading: language(
                "\(inside) of \(figures.count) published figures fall inside the simulated 90% interval.",
                "\(figures.count) 项公开数据中有 \(inside) 项落在模拟 90% 区间内。")
        ).chart()
    }
}
