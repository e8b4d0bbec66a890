import InjurySimFormat

/// compare: the verdict table with paired differences, the overlaid median net positions, and a
/// dot-and-interval chart of each variant's difference from the first.
extension PolicyReport {
    func compare() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let names = data["scenarios"].array.compactMap(\.string)
        guard let first = names.first else { return ("", "") }
        var sentences: [String] = []
        for name in names.dropFirst() {
            let d = data.at("metrics/ruinProbability/\(name)/differenceVsFirst")
            let from = numbers.percent(data.at("metrics/ruinProbability/\(first)/estimate").number ?? .nan)
            let to = numbers.percent(data.at("metrics/ruinProbability/\(name)/estimate").number ?? .nan)
            let change = Self.points(d["estimate"].number), low = Self.points(d["low95"].number), high = Self.points(d["high95"].number)
            sentences.append(
                language(
                    "\(name) moves the probability that the fund runs short from \(from) (\(first)) to \(to): \(change) percentage points (95% CI \(low) to \(high)).",
                    "\(name) 使基金现金不足概率由 \(from)（\(first)）变为 \(to)：\(change) 个百分点（95%置信区间 \(low) 至 \(high)）。"))
        }
        var body = "<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n"
        body += medianNetPositionChart(names: names)?.html() ?? ""
        for key in ["ruinProbability", "insolvencyProbability", "netPositionAtEndYuan"] where data["metrics"][key].exists {
            body += differenceChart(key, names: names).html()
        }
        body += "</section>\n"
        body +=
            "<section>\n<h2>\(e(language("Verdict table", "结论表")))</h2>\n<table>\n<tr><th>\(e(language("Figure", "指标")))</th><th>\(e(language("Scenario", "方案")))</th>"
            + "<th>\(e(language("Estimate (95% interval)", "估计值（95% 置信区间）")))</th>"
            + "<th>\(e(language("Paired difference from \(first) (95% interval)", "与 \(first) 的配对差值（95% 置信区间）")))</th></tr>\n"
        let order = [
            "ruinProbability", "anyPoolRuinProbability", "insolvencyProbability", "netPositionAtEndYuan", "solvencyPositionAtEndYuan",
            "worstDeficitYuan", "worstDeficitMedianYuan", "worstDeficitVaR995Yuan", "worstDeficitTVaR995Yuan", "contributionsYuan",
            "benefitsPaidYuan", "lossRatioPaid", "lossRatioIncurred", "breakEvenRateYuanPerOrder", "liabilitiesAtEndYuan",
            "backstopBorrowingYuan"
        ]
        let keys = data["metrics"].keys
        for key in order.filter(keys.contains) + keys.filter { !order.contains($0) } {
            let kind = Self.kindOf(key)
            for name in names {
                let path = "metrics/\(key)/\(name)"
                if let needs = data.at(path + "/needsReplications").number {
                    let text = language("needs ≥ \(numbers.count(needs)) replications", "需至少 \(numbers.count(needs)) 次模拟")
                    body += "<tr><td>\(e(label(key)))</td><td>\(e(name))</td><td class=\"num\">\(e(text))</td><td></td></tr>\n"
                    continue
                }
                body += "<tr><td>\(e(label(key)))</td><td>\(e(name))</td>" + intervalCells(path, kind)
                body += data.at(path + "/differenceVsFirst").exists ? intervalCells(path + "/differenceVsFirst", kind) : "<td></td>"
                body += "</tr>\n"
            }
        }
        body += "</table>\n</section>\n"
        let medians = medianNetPositionTable(names: names)
        if !medians.isEmpty {
            body +=
                "<section>\n<h2>\(e(language("Median net position every twelve months (all pools)", "每十二个月的净头寸中位数（全部统筹池）")))</h2>\n"
                + medians + "</section>\n"
        }
        return (sentences.joined(separator: " "), body)
    }

    /// A difference of shares in percentage points, signed ("+3.5", "-12").
    static func points(_ share: Double?) -> String {
        guard let share, let text = Format.fixed(share * 100, abs(share) < 0.1 ? 1 : 0) else { return "—" }
        return share > 0 ? "+" + text : text
    }

    func differenceChart(_ key: String, names: [String]) -> SVGChart {
        let percent = Self.kindOf(key) == "percent"
        var values: [Double] = []
        for name in names.dropFirst() {
            let d = data.at("metrics/\(key)/\(name)/differenceVsFirst")
            values += [d["low95"].number, d["estimate"].number, d["high95"].number].compactMap { $0 }
        }
        let unit = numbers.unit(for: values.map(abs).max() ?? 0)
        let scale = percent ? 100 : 1 / unit.divisor
        let rows = names.dropFirst().map { name -> IntervalChart.Row in
            let d = data.at("metrics/\(key)/\(name)/differenceVsFirst")
            return IntervalChart.Row(
                label: name, low: (d["low95"].number ?? .nan) * scale, point: (d["estimate"].number ?? .nan) * scale,
                high: (d["high95"].number ?? .nan) * scale)
        }
        let clear = rows.filter { $0.low > 0 || $0.high < 0 }.map(\.label)
        let reading =
            clear.isEmpty
            ? language("No variant's interval excludes zero: the differences are within simulation noise.", "各方案的区间均包含零：差异在模拟误差之内。")
            : language(
                "Intervals that exclude zero (a real difference at these replications): \(clear.joined(separator: ", ")).",
                "区间不含零（在当前模拟次数下差异显著）：\(clear.joined(separator: "、"))。")
        return IntervalChart(
            title: language("\(label(key)): difference from \(names[0])", "\(label(key))：与 \(names[0]) 之差"),
            valueTitle: percent ? language("Percentage points", "百分点") : language("Difference (\(unit.name))", "差值（\(unit.name)）"),
            rows: rows, intervalLabel: language("Paired 95% interval", "配对 95% 置信区间"), pointLabel: language("Paired difference", "配对差值"),
            markerLabel: nil, reference: 0, referenceLabel: language("No difference", "无差异"), reading: reading
        ).chart()
    }
}
