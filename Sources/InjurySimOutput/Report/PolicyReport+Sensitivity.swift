import InjurySimScenario

/// sensitivity: tornado charts of the ruin probability and the break-even rate, one input at a time.
extension PolicyReport {
    func sensitivity() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let inputs = data["inputs"].array
        let baseline = data.at("baseline/ruinProbability/estimate").number
        let top = inputs.first
        // Folders written before the solvency test was a sensitivity figure lack it.
        let hasInsolvency = inputs.first?["insolvencyProbabilityLow"].exists ?? false
        let verdict =
            language(
                "The probability that the fund runs short is \(numbers.percent(baseline ?? .nan)) at the baseline; it moves most with \(top?["input"].string ?? "—"): from \(numbers.percent(top?.at("ruinProbabilityLow/estimate").number ?? .nan)) (\(top?["low"].string ?? "")) to \(numbers.percent(top?.at("ruinProbabilityHigh/estimate").number ?? .nan)) (\(top?["high"].string ?? "")).",
                "基准情形下基金现金不足概率为 \(numbers.percent(baseline ?? .nan))；影响最大的参数是 \(top?["input"].string ?? "—")：由 \(numbers.percent(top?.at("ruinProbabilityLow/estimate").number ?? .nan))（\(top?["low"].string ?? "")）到 \(numbers.percent(top?.at("ruinProbabilityHigh/estimate").number ?? .nan))（\(top?["high"].string ?? "")）。"
            ) + solvencySentence(inputs) + breakEvenSentence(inputs)
        var body =
            "<section>\n<h2>\(e(language("Inputs ranked by their swing", "按影响幅度排序的参数")))</h2>\n<table>\n<tr><th>\(e(language("Input", "参数")))</th><th>\(e(language("Low / high", "低值 / 高值")))</th>"
            + "<th>\(e(language("P(short) at low", "低值时现金不足概率")))</th><th>\(e(language("P(short) at high", "高值时现金不足概率")))</th>"
            + "<th>\(e(language("Swing", "变化幅度")))</th>"
            + (hasInsolvency
                ? "<th>\(e(language("P(insolvent) at low", "低值时期末资不抵债概率")))</th><th>\(e(language("P(insolvent) at high", "高值时期末资不抵债概率")))</th>" : "")
            + "<th>\(e(language("Break-even at low", "低值时盈亏平衡费率")))</th><th>\(e(language("Break-even at high", "高值时盈亏平衡费率")))</th></tr>\n"
        for (index, input) in inputs.enumerated() {
            body +=
                "<tr><td>\(e(input["input"].string ?? "?"))</td><td>\(e((input["low"].string ?? "") + " / " + (input["high"].string ?? "")))</td>"
                + cell("inputs/\(index)/ruinProbabilityLow/estimate", "percent") + cell("inputs/\(index)/ruinProbabilityHigh/estimate", "percent")
                + cell("inputs/\(index)/ruinSwing/estimate", "percent")
                + (hasInsolvency
                    ? cell("inputs/\(index)/insolvencyProbabilityLow/estimate", "percent")
                        + cell("inputs/\(index)/insolvencyProbabilityHigh/estimate", "percent")
                    : "") + cell("inputs/\(index)/breakEvenLow", "rate")
                + cell("inputs/\(index)/breakEvenHigh", "rate") + "</tr>\n"
        }
        body +=
            "<tr><td>\(e(language("Baseline", "基准")))</td><td></td>" + cell("baseline/ruinProbability/estimate", "percent") + "<td></td><td></td>"
            + (hasInsolvency ? "<td></td><td></td>" : "")
            + cell("baseline/breakEvenRateYuanPerOrder", "rate")
            + "<td></td></tr>\n</table>\n</section>\n<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n"
        let ruinRows = inputs.map { input in
            IntervalChart.Row(
                label: input["input"].string ?? "?", low: (input.at("ruinProbabilityLow/estimate").number ?? .nan) * 100, point: .nan,
                high: (input.at("ruinProbabilityHigh/estimate").number ?? .nan) * 100)
        }
        body += IntervalChart(
            title: language("Tornado: probability that the fund runs short", "龙卷风图：基金现金不足概率"),
            valueTitle: language("Probability (%), input at its low and high value", "概率（%），参数取低值与高值"), rows: ruinRows,
            intervalLabel: language("From the low to the high value", "低值至高值"), pointLabel: language("(no point)", "（无点估计）"),
            markerLabel: nil, reference: (baseline ?? .nan) * 100, referenceLabel: language("Baseline", "基准"), asBars: true,
            reading: verdict
        ).chart().html()
        let breakEvenRows = inputs.map { input in
            IntervalChart.Row(
                label: input["input"].string ?? "?", low: input["breakEvenLow"].number ?? .nan, point: .nan,
                high: input["breakEvenHigh"].number ?? .nan)
        }
        let baseRate = data.at("baseline/breakEvenRateYuanPerOrder").number
        body += IntervalChart(
            title: language("Tornado: break-even rate over all orders", "龙卷风图：全部订单盈亏平衡费率"),
            valueTitle: language("Yuan per order", "元/单"), rows: breakEvenRows,
            intervalLabel: language("From the low to the high value", "低值至高值"), pointLabel: language("(no point)", "（无点估计）"),
            markerLabel: nil, reference: baseRate, referenceLabel: language("Baseline", "基准"), asBars: true,
            reading: language(
                "At the baseline the break-even rate is \(numbers.rate(baseRate ?? .nan)) per order.",
                "基准情形下盈亏平衡费率为每单 \(numbers.rate(baseRate ?? .nan))。")
        ).chart().html()
        return (verdict, body + "</section>\n")
    }

    /// The input that moves P(insolvent at the horizon) most, in words (empty without the figure).
    func solvencySentence(_ inputs: [ResultJSON]) -> String {
        func swing(_ input: ResultJSON) -> Double {
            abs((input.at("insolvencyProbabilityHigh/estimate").number ?? 0) - (input.at("insolvencyProbabilityLow/estimate").number ?? 0))
        }
        guard let top = inputs.filter({ $0["insolvencyProbabilityLow"].exists }).max(by: { swing($0) < swing($1) }) else { return "" }
        let low = numbers.percent(top.at("insolvencyProbabilityLow/estimate").number ?? .nan)
        let high = numbers.percent(top.at("insolvencyProbabilityHigh/estimate").number ?? .nan)
        let name = top["input"].string ?? "—"
        return language(
            " The probability that assets end below all liabilities moves most with \(name): \(low) (\(top["low"].string ?? "")) to \(high) (\(top["high"].string ?? "")).",
            "期末资不抵债概率受 \(name) 影响最大：由 \(low)（\(top["low"].string ?? "")）到 \(high)（\(top["high"].string ?? "")）。")
    }

    /// The baseline break-even rate and the input that moves it most, in words.
    func breakEvenSentence(_ inputs: [ResultJSON]) -> String {
        guard let baseline = data.at("baseline/breakEvenRateYuanPerOrder").number else { return "" }
        func swing(_ input: ResultJSON) -> Double { abs((input["breakEvenHigh"].number ?? 0) - (input["breakEvenLow"].number ?? 0)) }
        var text = language(" The break-even rate is \(numbers.rate(baseline)) per order at the baseline", "基准情形下每单盈亏平衡费率为 \(numbers.rate(baseline))")
        if let top = inputs.max(by: { swing($0) < swing($1) }) {
            text += language(
                "; \(top["input"].string ?? "—") moves it most, from \(numbers.rate(top["breakEvenLow"].number ?? .nan)) to \(numbers.rate(top["breakEvenHigh"].number ?? .nan)).",
                "；\(top["input"].string ?? "—") 对其影响最大：由 \(numbers.rate(top["breakEvenLow"].number ?? .nan)) 到 \(numbers.rate(top["breakEvenHigh"].number ?? .nan))。"
            )
        } else {
            text += language(".", "。")
        }
        return text
    }
}
