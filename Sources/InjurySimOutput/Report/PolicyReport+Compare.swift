import InjurySimFormat

/// compare: the scorecard (each option's paired difference from the first per headline figure),
/// the overlaid median net positions, a dot-and-interval chart of each variant's difference from
/// the first, and the full table of figures.
extension PolicyReport {
    func compare() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let names = data["scenarios"].array.compactMap(\.string)
        guard let first = names.first else { return ("", "") }
        let card = scorecard(names: names)
        var body = scorecardTable(card)
        body += "<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n"
        body += medianNetPositionChart(names: names)?.html() ?? ""
        for key in ["ruinProbability", "insolvencyProbability", "netPositionAtEndYuan"] where data["metrics"][key].exists {
            body += differenceChart(key, names: names).html()
        }
        body += "</section>\n"
        body += fullTable(names: names)
        let medians = medianNetPositionTable(names: names)
        if !medians.isEmpty {
            body +=
                "<section>\n<h2>\(e(language("Median net position every twelve months (all pools)", "每十二个月的\(Glossary.netPosition.zh)中位数（\(Glossary.allPools.zh)）")))</h2>\n"
                + medians + "</section>\n"
        }
        return (card.verdict(), body)
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
                label: shownName(name), low: (d["low95"].number ?? .nan) * scale, point: (d["estimate"].number ?? .nan) * scale,
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
            title: language("\(label(key)): difference from \(shownName(names[0]))", "\(label(key))：与\(shownName(names[0]))之差"),
            valueTitle: percent ? language("Percentage points", "百分点") : language("Difference (\(unit.name))", "差值（\(unit.name)）"),
            rows: rows, intervalLabel: language("Paired 95% interval", "配对 95% 置信区间"), pointLabel: language("Paired difference", "配对差值"),
            markerLabel: nil, reference: 0, referenceLabel: language("No difference", "无差异"), reading: reading
        ).chart()
    }

    /// The scorecard of the folder's headline figures.
    func scorecard(names: [String]) -> CompareScorecard {
        let present = CompareScorecard.criteria.filter { data["metrics"][$0.key].exists }
        // P(any pool short) stands for the fund's P(short) when the folder holds both (the full table has both).
        let criteria = present.filter { $0.key != "ruinProbability" || !present.contains { $0.key == "anyPoolRuinProbability" } }
        let columns = criteria.map { criterion in
            (
                criterion: criterion,
                values: names.map { name in
                    let node = data.at("metrics/\(criterion.key)/\(name)"), d = node["differenceVsFirst"]
                    return CompareScorecard.Value(
                        estimate: node["estimate"].number ?? .nan,
                        difference: d.exists ? (d["estimate"].number ?? .nan, d["low95"].number ?? .nan, d["high95"].number ?? .nan) : nil)
                }
            )
        }
        return CompareScorecard(names: names, shownNames: names.map(shownName), columns: columns, language: language)
    }

    /// The scorecard as a table: the first option's levels, then each option's differences.
    func scorecardTable(_ card: CompareScorecard) -> String {
        let e = ChartStyle.escape
        guard !card.columns.isEmpty else { return "" }
        var out =
            "<section>\n<h2>\(e(language("Scorecard", "方案评分表")))</h2>\n<table class=\"scorecard\">\n<thead><tr><th>\(e(language("Option", "方案")))</th>"
        for column in card.columns.indices { out += "<th>\(e(card.heading(column)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (index, name) in card.names.enumerated() {
            let description = variantDescription(name)
            out +=
                "<tr><td><strong>\(e(card.shownNames[index]))</strong>"
                + (index == 0 ? "<br/><span class=\"ci\">\(e(language("baseline: its levels", "基准方案：各指标水平")))</span>" : "")
                + (description.isEmpty ? "" : "<br/><span class=\"ci\">\(e(description))</span>") + "</td>"
            for (column, entry) in card.columns.enumerated() {
                let value = entry.values[index]
                let path = "metrics/\(entry.criterion.key)/\(name)"
                guard let d = value.difference else {
                    let kind = entry.criterion.kind
                    out +=
                        "<td class=\"num\">" + HTMLPage.figureSpan(card.level(value.estimate, column: column), path: path + "/estimate", kind: kind)
                        + "</td>"
                    continue
                }
                let kind = entry.criterion.kind == "percent" ? "points" : entry.criterion.kind
                func span(_ v: Double, _ field: String) -> String {
                    HTMLPage.figureSpan(card.difference(v, column: column), path: path + "/differenceVsFirst/" + field, kind: kind)
                }
                let mark = value.isClear ? (card.isBetter(value, column: column) ? language(" better", " 更优") : language(" worse", " 更差")) : ""
                out +=
                    "<td class=\"num\(value.isClear ? " clear" : "")\">" + span(d.estimate, "estimate") + e(mark) + "<br/><span class=\"ci\">("
                    + span(d.low, "low95") + e(language(" to ", " 至 ")) + span(d.high, "high95") + ")</span></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out +=
            "<p class=\"note\">"
            + e(
                language(
                    "Each cell: the option's paired difference from \(card.shownNames[0]) (same worlds), with its 95% interval; differences of probabilities in percentage points. Bold with a word: the interval excludes zero.",
                    "每格为该方案与\(card.shownNames[0])的配对差值（相同模拟情景）及其95%置信区间；概率之差以百分点计。加粗并注明优劣者：区间不含零。"))
            + "</p>\n</section>\n"
        return out
    }

    /// A variant's description from the manifest (empty when it has none).
    func variantDescription(_ name: String) -> String {
        manifest["variants"].array.first { $0["name"].string == name }?["description"].string ?? ""
    }

    /// A scenario's name as the page shows it: its label in the page's language, else the name.
    func shownName(_ name: String) -> String {
        let variant = manifest["variants"].array.first { $0["name"].string == name }
        return variant?["label"][language.rawValue].string ?? name
    }

    /// Every figure of the folder: one row per figure, one column per option, each cell the
    /// estimate with its interval and, under it, the paired difference from the first with its.
    func fullTable(names: [String]) -> String {
        let e = ChartStyle.escape
        guard let first = names.first else { return "" }
        var body =
            "<section>\n<h2>\(e(language("All figures", "全部指标")))</h2>\n<p class=\"note\">"
            + e(
                language(
                    "Each cell: the estimate (95% interval); under it, Δ: the paired difference from \(shownName(first)) (95% interval).",
                    "每格：估计值（95% 置信区间）；其下 Δ：与\(shownName(first))的配对差值（95% 置信区间）。"))
            + "</p>\n<table class=\"compact\">\n<tr><th>\(e(language("Figure", "指标")))</th>"
            + names.map { "<th>\(e(shownName($0)))</th>" }.joined() + "</tr>\n"
        let order = [
            "ruinProbability", "anyPoolRuinProbability", "insolvencyProbability", "netPositionAtEndYuan", "solvencyPositionAtEndYuan",
            "worstDeficitYuan", "worstDeficitMedianYuan", "worstDeficitVaR995Yuan", "worstDeficitTVaR995Yuan", "contributionsYuan",
            "benefitsPaidYuan", "lossRatioPaid", "lossRatioIncurred", "breakEvenRateYuanPerOrder", "liabilitiesAtEndYuan",
            "backstopBorrowingYuan"
        ]
        let keys = data["metrics"].keys
        for key in order.filter(keys.contains) + keys.filter({ !order.contains($0) }) {
            let kind = Self.kindOf(key)
            // One unit for the row's amounts, the one its largest suits, in its short name.
            let amounts = names.flatMap { name in
                ["estimate", "low95", "high95", "differenceVsFirst/estimate", "differenceVsFirst/low95", "differenceVsFirst/high95"].compactMap {
                    data.at("metrics/\(key)/\(name)/\($0)").number
                }
            }
            let unit = numbers.unit(for: amounts.filter(\.isFinite).map(abs).max() ?? 0)
            body += "<tr><td>\(e(label(key)))</td>"
            for name in names {
                let path = "metrics/\(key)/\(name)"
                if let needs = data.at(path + "/needsReplications").number {
                    body += "<td class=\"num\">\(e(language("needs ≥ \(numbers.count(needs)) replications", "需至少 \(numbers.count(needs)) 次模拟")))</td>"
                    continue
                }
                func span(_ path: String, _ kind: String) -> String {
                    let value = data.at(path).number
                    let shown = kind == "money" ? value.map { numbers.money($0, in: unit, short: true) } ?? "—" : text(value, kind: kind)
                    return HTMLPage.figureSpan(shown, path: path, kind: kind)
                }
                func interval(_ path: String, _ kind: String) -> String {
                    span(path + "/estimate", kind) + " <span class=\"ci\">(" + span(path + "/low95", kind) + " – " + span(path + "/high95", kind)
                        + ")</span>"
                }
                body += "<td class=\"num\">" + interval(path, kind)
                if data.at(path + "/differenceVsFirst").exists {
                    body += "<br/><span class=\"ci\">Δ</span> " + interval(path + "/differenceVsFirst", kind == "percent" ? "points" : kind)
                }
                body += "</td>"
            }
            body += "</tr>\n"
        }
        return body + "</table>\n</section>\n"
    }
}
