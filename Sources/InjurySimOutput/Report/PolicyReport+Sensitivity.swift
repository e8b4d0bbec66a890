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
        var body = "<section>\n<h2>\(e(language("Inputs ranked by their swing", "按影响幅度排序的参数")))</h2>\n" + swingTable(inputs, hasInsolvency)
        body += "</section>\n<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n"
        body += tornado(
            inputs, key: "ruinProbability", swingKey: "ruinSwing", percent: true, baseline: baseline,
            title: language("Tornado: probability that the fund runs short", "龙卷风图：基金现金不足概率"), reading: verdict)
        if hasInsolvency {
            let insolvencyBaseline = data.at("baseline/insolvencyProbability/estimate").number
            let reading = String(solvencySentence(inputs).drop { $0 == " " })
            body += tornado(
                inputs, key: "insolvencyProbability", swingKey: "insolvencySwing", percent: true, baseline: insolvencyBaseline,
                title: language("Tornado: probability that assets end below all liabilities", "龙卷风图：期末资不抵债概率"), reading: reading)
        }
        let baseRate = data.at("baseline/breakEvenRateYuanPerOrder").number
        body += tornado(
            inputs, key: "breakEven", swingKey: "breakEvenSwing", percent: false, baseline: baseRate,
            title: language("Tornado: break-even rate over all orders", "龙卷风图：全部订单盈亏平衡费率"),
            reading: language(
                "At the baseline the break-even rate is \(numbers.rate(baseRate ?? .nan)) per order.",
                "基准情形下盈亏平衡费率为每单 \(numbers.rate(baseRate ?? .nan))。"))
        return (verdict, body + "</section>\n")
    }

    /// A swing (high − low) as the page writes it: percentage points or a signed rate.
    func swingText(_ value: Double?, percent: Bool) -> String {
        guard let value, value.isFinite else { return "—" }
        if percent { return numbers.points(value) }
        return (value > 0 ? "+" : "") + numbers.rate(value)
    }

    /// The table: each figure at the input's low and high end and its swing with the 95% interval.
    func swingTable(_ inputs: [ResultJSON], _ hasInsolvency: Bool) -> String {
        let e = ChartStyle.escape
        let to = language(" → ", " → "), through = language(" to ", " 至 ")
        func span(_ path: String, _ kind: String) -> String {
            guard let value = data.at(path).number else { return "—" }
            let text: String
            if path.contains("Swing/") {
                text = swingText(value, percent: kind == "points")
            } else {
                text = kind == "percent" ? numbers.percent(value) : numbers.rate(value)
            }
            return HTMLPage.figureSpan(text, path: path, kind: kind)
        }
        // One figure's two cells: low → high, and the swing with its interval (older folders lack some).
        func cells(_ index: Int, low: String, high: String, swing: String, levelKind: String, swingKind: String, levelNode: Bool) -> String {
            let prefix = "inputs/\(index)/"
            let level = { (key: String) in levelNode ? prefix + key + "/estimate" : prefix + key }
            var out = "<td class=\"num\">" + span(level(low), levelKind) + e(to) + span(level(high), levelKind) + "</td>"
            if data.at(prefix + swing).exists {
                out +=
                    "<td class=\"num\">" + span(prefix + swing + "/estimate", swingKind) + "<br/>(" + span(prefix + swing + "/low95", swingKind)
                    + e(through)
                    + span(prefix + swing + "/high95", swingKind) + ")</td>"
            } else {
                out += "<td class=\"num\">—</td>"
            }
            return out
        }
        var out =
            "<table class=\"compact\">\n<tr><th>\(e(language("Input", "参数")))</th><th>\(e(language("Low / high", "低值 / 高值")))</th>"
            + "<th>\(e(language("P(short), low → high", "现金不足概率（低值 → 高值）")))</th><th>\(e(language("Swing (95% CI)", "变化幅度（95%置信区间）")))</th>"
            + (hasInsolvency
                ? "<th>\(e(language("P(insolvent), low → high", "期末资不抵债概率（低值 → 高值）")))</th><th>\(e(language("Swing (95% CI)", "变化幅度（95%置信区间）")))</th>"
                : "")
            + "<th>\(e(language("Break-even, low → high", "盈亏平衡费率（低值 → 高值）")))</th><th>\(e(language("Swing (95% CI)", "变化幅度（95%置信区间）")))</th></tr>\n"
        for (index, input) in inputs.enumerated() {
            out +=
                "<tr><td>\(e(input["input"].string ?? "?"))</td><td>\(e((input["low"].string ?? "") + " / " + (input["high"].string ?? "")))</td>"
                + cells(
                    index, low: "ruinProbabilityLow", high: "ruinProbabilityHigh", swing: "ruinSwing", levelKind: "percent", swingKind: "points",
                    levelNode: true)
                + (hasInsolvency
                    ? cells(
                        index, low: "insolvencyProbabilityLow", high: "insolvencyProbabilityHigh", swing: "insolvencySwing", levelKind: "percent",
                        swingKind: "points", levelNode: true) : "")
                + cells(
                    index, low: "breakEvenLow", high: "breakEvenHigh", swing: "breakEvenSwing", levelKind: "rate", swingKind: "rate", levelNode: false
                )
                + "</tr>\n"
        }
        out +=
            "<tr><td>\(e(language("Baseline", "基准")))</td><td></td><td class=\"num\">" + span("baseline/ruinProbability/estimate", "percent")
            + "</td><td></td>"
        if hasInsolvency {
            out +=
                "<td class=\"num\">"
                + (data.at("baseline/insolvencyProbability").exists ? span("baseline/insolvencyProbability/estimate", "percent") : "—")
                + "</td><td></td>"
        }
        out += "<td class=\"num\">" + span("baseline/breakEvenRateYuanPerOrder", "rate") + "</td><td></td></tr>\n</table>\n"
        return out
            + "<p class=\"note\">"
            + e(
                language(
                    "Swing: the figure with the input at its high value minus at its low value, paired over the same worlds (common random numbers), with its 95% interval. Rows ranked by the swing in P(short).",
                    "变化幅度：参数取高值时的指标减去取低值时的指标，在相同的模拟世界上配对计算（共同随机数），附 95% 置信区间。各行按现金不足概率的变化幅度排序。"))
            + "</p>\n"
    }

    /// A tornado of one figure (`key`: ruinProbability, insolvencyProbability or breakEven), its
    /// rows ranked by the size of that figure's swing.
    func tornado(_ inputs: [ResultJSON], key: String, swingKey: String, percent: Bool, baseline: Double?, title: String, reading: String) -> String {
        func level(_ input: ResultJSON, _ end: String) -> Double {
            let value = percent ? input.at("\(key)\(end)/estimate").number : input["\(key)\(end)"].number
            return (value ?? .nan) * (percent ? 100 : 1)
        }
        func swing(_ input: ResultJSON) -> Double { input.at("\(swingKey)/estimate").number ?? (level(input, "High") - level(input, "Low")) }
        let ranked = inputs.enumerated().sorted { a, b in
            let (sa, sb) = (abs(swing(a.element)), abs(swing(b.element)))
            return sa != sb && sa.isFinite && sb.isFinite ? sa > sb : a.offset < b.offset
        }.map(\.element)
        let rows = ranked.map { input in
            let node = input[swingKey]
            let text =
                node.exists
                ? swingText(node["estimate"].number, percent: percent) + " (" + swingText(node["low95"].number, percent: percent)
                    + language(" to ", " 至 ")
                    + swingText(node["high95"].number, percent: percent) + ")" : ""
            return TornadoChart.Row(label: input["input"].string ?? "?", low: level(input, "Low"), high: level(input, "High"), swing: text)
        }
        return TornadoChart(
            title: title,
            valueTitle: percent ? language("Probability (%)", "概率（%）") : language("Yuan per order", "元/单"), rows: rows,
            baseline: (baseline ?? .nan) * (percent ? 100 : 1), lowLabel: language("Input at its low value", "参数取低值"),
            highLabel: language("Input at its high value", "参数取高值"), baselineLabel: language("Baseline", "基准"),
            swingTitle: language("Swing high − low (95% CI)", "高值 − 低值（95%置信区间）"), reading: reading
        ).chart().html()
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
        // The baseline's figure where the folder has it (folders written before it lack it).
        let baseline = data.at("baseline/insolvencyProbability/estimate").number.map(numbers.percent)
        return language(
            " The probability that assets end below all liabilities " + (baseline.map { "is \($0) at the baseline; it " } ?? "")
                + "moves most with \(name): \(low) (\(top["low"].string ?? "")) to \(high) (\(top["high"].string ?? "")).",
            (baseline.map { "基准情形下期末资不抵债概率为 \($0)；" } ?? "期末资不抵债概率")
                + "受 \(name) 影响最大：由 \(low)（\(top["low"].string ?? "")）到 \(high)（\(top["high"].string ?? "")）。")
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
