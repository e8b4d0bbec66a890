import InjurySimScenario

/// sweep: P(short), the break-even rate and P(insolvent) against the swept value, with bands; the
/// grid table adds the incurred loss ratio.
extension PolicyReport {
    func sweep() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let axes = data["axes"].array.compactMap(\.string)
        let points = data["points"].array
        let labels = points.map { point in axes.map { point["settings"][$0].string ?? "?" }.joined(separator: " / ") }
        func series(_ key: String, _ field: String) -> [Double] { points.map { $0["figures"][key][field].number ?? .nan } }
        let short = series("ruinProbability", "estimate")
        var verdict = ""
        if let best = short.indices.min(by: { short[$0] < short[$1] }), let worst = short.indices.max(by: { short[$0] < short[$1] }) {
            verdict = language(
                "Over \(points.count) values of \(axes.joined(separator: " × ")), the probability that the fund runs short ranges from \(numbers.percent(short[best])) (at \(labels[best])) to \(numbers.percent(short[worst])) (at \(labels[worst])).",
                "在 \(axes.joined(separator: " × ")) 的 \(points.count) 个取值上，基金现金不足概率介于 \(numbers.percent(short[best]))（\(labels[best])）与 \(numbers.percent(short[worst]))（\(labels[worst])）之间。"
            )
        }
        // Both tests and the break-even rate: the solvency test's range and the break-even rate's, when the folder has them.
        for (key, en, zh) in [
            ("insolvencyProbability", "the probability that assets end below all liabilities", "期末资不抵债概率"),
            ("breakEvenRateYuanPerOrder", "the break-even rate per order", "每单盈亏平衡费率")
        ] where points.first?["figures"][key].exists == true {
            let values = series(key, "estimate")
            guard let low = values.indices.min(by: { values[$0] < values[$1] }), let high = values.indices.max(by: { values[$0] < values[$1] }) else {
                continue
            }
            let kind = Self.kindOf(key)
            verdict += language(
                " Over the same values \(en) ranges from \(text(values[low], kind: kind)) (at \(labels[low])) to \(text(values[high], kind: kind)) (at \(labels[high])).",
                "\(zh)介于 \(text(values[low], kind: kind))（\(labels[low])）与 \(text(values[high], kind: kind))（\(labels[high])）之间。")
        }
        // Folders written before the break-even rate was a sweep figure lack it.
        let keys = ["ruinProbability", "breakEvenRateYuanPerOrder", "insolvencyProbability", "lossRatioIncurred"].filter {
            data["points"]["0"]["figures"][$0].exists
        }
        var body = "<section>\n<h2>\(e(language("Grid points", "扫描点")))</h2>\n<table>\n<tr><th>\(e(axes.joined(separator: " / ")))</th>"
        for key in keys { body += "<th>\(e(label(key)))\(e(language(" (95% interval)", "（95% 置信区间）")))</th>" }
        body += "</tr>\n"
        for (index, label) in labels.enumerated() {
            body += "<tr><td>\(e(label))</td>" + keys.map { intervalCells("points/\(index)/figures/\($0)", Self.kindOf($0)) }.joined() + "</tr>\n"
        }
        body += "</table>\n</section>\n<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n"
        let xTitle = axes.joined(separator: " / ")
        for (index, key) in keys.filter({ $0 != "lossRatioIncurred" }).enumerated() {
            let percent = Self.kindOf(key) == "percent"
            let scale = percent ? 100.0 : 1.0
            let estimate = series(key, "estimate").map { $0 * scale }
            let reading = language(
                "From \(labels.first ?? "") to \(labels.last ?? ""): \(text(series(key, "estimate").first, kind: Self.kindOf(key))) to \(text(series(key, "estimate").last, kind: Self.kindOf(key))).",
                "从 \(labels.first ?? "") 到 \(labels.last ?? "")：\(text(series(key, "estimate").first, kind: Self.kindOf(key))) 变为 \(text(series(key, "estimate").last, kind: Self.kindOf(key)))。"
            )
            body += BandChart(
                title: label(key) + language(" against the swept value", "随扫描值变化"), xLabels: labels, xTitle: xTitle,
                yTitle: percent
                    ? language("Probability (%)", "概率（%）")
                    : Self.kindOf(key) == "rate" ? language("Yuan per order", "元/单") : language("Ratio", "比率"),
                bands: [
                    .init(
                        label: language("95% interval", "95% 置信区间"), low: series(key, "low95").map { $0 * scale },
                        high: series(key, "high95").map { $0 * scale }, colour: ChartStyle.colour(index), opacity: 0.25)
                ],
                lines: [.init(label: language("Estimate", "估计值"), values: estimate, colour: ChartStyle.colour(index), dash: ChartStyle.dash(index))],
                reading: reading
            ).chart().html()
        }
        return (verdict, body + "</section>\n")
    }
}
