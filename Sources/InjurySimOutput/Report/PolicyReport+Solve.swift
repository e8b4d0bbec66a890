import InjurySimScenario

/// solve: the rate meeting the target, and each replication's threshold as a distribution with
/// the chosen quantile marked.
extension PolicyReport {
    func solve() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let target = data["target"].string ?? "?", sector = data["sector"].string ?? "all"
        let estimate = data.at("multiplier/estimate").number
        let verdict: String
        if data["exceedsSearchLimit"].bool == true || estimate == nil {
            let limit = numbers.ratio(data["searchLimit"].number ?? .nan)
            verdict = language(
                "No rate up to \(limit) × the benchmark meets \(target) (\(sector)).", "在基准费率 \(limit) 倍以内没有费率能满足 \(target)（\(sector)）。")
        } else {
            verdict = language(
                "Rates of \(numbers.ratio(estimate ?? .nan)) × the benchmark (95% CI \(numbers.ratio(data.at("multiplier/low95").number ?? .nan))–\(numbers.ratio(data.at("multiplier/high95").number ?? .nan))) meet \(target) for \(sector).",
                "费率为基准的 \(numbers.ratio(estimate ?? .nan)) 倍（95%置信区间 \(numbers.ratio(data.at("multiplier/low95").number ?? .nan))–\(numbers.ratio(data.at("multiplier/high95").number ?? .nan))）时满足 \(target)（\(sector)）。"
            )
        }
        var body =
            "<section>\n<h2>\(e(language("Rates", "费率")))</h2>\n<table>\n<tr><th>\(e(language("Platform", "平台")))</th><th>\(e(language("Benchmark", "基准费率")))</th>"
            + "<th>\(e(language("Rate meeting the target", "满足目标的费率")))</th><th>\(e(language("Low 95%", "95% 下限")))</th><th>\(e(language("High 95%", "95% 上限")))</th></tr>\n"
        for platform in data["platforms"].keys {
            body +=
                "<tr><td>\(e(platform))</td>" + cell("platforms/\(platform)/benchmarkYuanPerOrder", "rate")
                + cell("platforms/\(platform)/rateYuanPerOrder", "rate")
                + cell("platforms/\(platform)/low95", "rate") + cell("platforms/\(platform)/high95", "rate") + "</tr>\n"
        }
        body +=
            "<tr><td>\(e(language("Multiplier of the benchmark", "基准费率倍数")))</td><td></td>" + cell("multiplier/estimate", "ratio")
            + cell("multiplier/low95", "ratio") + cell("multiplier/high95", "ratio") + "</tr>\n</table>\n</section>\n"
        let (breakEvenSentence, breakEvenTable) = breakEven()
        body += breakEvenTable
        let thresholds = data["thresholdMultipliers"].array.map { $0.number ?? .infinity }
        if !thresholds.isEmpty {
            body += "<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n" + thresholdChart(thresholds, chosen: estimate).html() + "</section>\n"
        }
        return (verdict + breakEvenSentence, body)
    }

    /// The break-even rate per sector the console prints beside the solved rate (ultimate cost
    /// per order at the benchmark rates): a sentence for the verdict and a table.
    func breakEven() -> (sentence: String, table: String) {
        let e = ChartStyle.escape
        let node = data["breakEvenRateYuanPerOrder"]
        guard !node.keys.isEmpty else { return ("", "") }
        var table =
            "<section>\n<h2>\(e(language("Break-even rate per order, for comparison", "每单盈亏平衡费率（供对照）")))</h2>\n<table>\n<tr><th>\(e(language("Sector", "行业")))</th>"
            + "<th>\(e(language("Median", "中位数")))</th><th>\(e(language("5th percentile", "第5百分位")))</th><th>\(e(language("95th percentile", "第95百分位")))</th></tr>\n"
        var parts: [String] = []
        for sector in node.keys {
            table +=
                "<tr><td>\(e(sector))</td>" + cell("breakEvenRateYuanPerOrder/\(sector)/p50", "rate")
                + cell("breakEvenRateYuanPerOrder/\(sector)/p5", "rate")
                + cell("breakEvenRateYuanPerOrder/\(sector)/p95", "rate") + "</tr>\n"
            parts.append(sector + language(" ", " ") + text(node[sector]["p50"].number, kind: "rate"))
        }
        table += "</table>\n</section>\n"
        let sentence = language(
            " For comparison, the median break-even rate per order at the benchmark rates: \(parts.joined(separator: "; ")).",
            "作为对照，按基准费率计算的每单盈亏平衡费率中位数：\(parts.joined(separator: "；"))。")
        return (sentence, table)
    }

    /// A histogram of the replications' threshold multipliers (those above the search limit in a last bin).
    func thresholdChart(_ thresholds: [Double], chosen: Double?) -> SVGChart {
        let finite = thresholds.filter(\.isFinite)
        let low = finite.min() ?? 0, high = max(finite.max() ?? 1, low + 1e-9)
        let bins = max(1, min(12, finite.count))
        let width = (high - low) / Double(bins)
        var counts = [Double](repeating: 0, count: bins), marked = counts
        let chosenBin = chosen.map { min(bins - 1, max(0, Int((($0 - low) / width).rounded(.down)))) }
        for value in finite { counts[min(bins - 1, Int(((value - low) / width).rounded(.down)))] += 1 }
        if let chosenBin { marked[chosenBin] = counts[chosenBin]; counts[chosenBin] = 0 }
        var labels = (0..<bins).map { numbers.ratio(low + width * (Double($0) + 0.5)) }
        let above = Double(thresholds.count - finite.count)
        if above > 0 { labels.append(language("above limit", "超出上限")); counts.append(above); marked.append(0) }
        let reading = language(
            "Each replication needs its own rate; the chosen quantile, \(chosen.map(numbers.ratio) ?? "—") × the benchmark, is met in the required share of \(thresholds.count) replications.",
            "每次模拟所需费率不同；所选分位数为基准的 \(chosen.map(numbers.ratio) ?? "—") 倍，在 \(thresholds.count) 次模拟中达到目标要求的比例。")
        return StackedBarChart(
            title: language("Rate multiplier each replication needs", "各次模拟所需费率倍数"), categories: labels,
            xTitle: language("Multiplier of the benchmark rates (bin centre)", "基准费率倍数（区间中点）"),
            yTitle: language("Replications", "模拟次数"),
            series: [
                .init(label: language("Replications", "模拟次数"), values: counts, colour: ChartStyle.colour(0)),
                .init(label: language("Bin holding the chosen quantile", "所选分位数所在区间"), values: marked, colour: ChartStyle.colour(1))
            ],
            reading: reading
        ).chart()
    }
}
