import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The report page of a run, from its results folder's files alone: the verdict in words, the
/// key figures, the charts, and what was run. Pure: the same files give the same bytes.
package struct RunReport: Sendable {
    package var folder: ResultsFolder
    package var language: ReportLanguage

    package init(folder: ResultsFolder, language: ReportLanguage) {
        self.folder = folder
        self.language = language
    }

    /// Replications below which a 99.5% tail figure is not shown (``TailRule``: ten in the tail).
    package static var tailReplicationsNeeded: Int { TailRule.replicationsNeeded(level: 0.995) }

    var numbers: ReportNumbers { ReportNumbers(language) }
    var summary: ResultJSON { folder.summary }
    var scenarioName: String { summary["scenario"].string ?? "?" }

    /// The scenario as the page names it: its label in the page's language, else its name.
    var shownScenarioName: String { folder.manifest["labels"]["scenario"][language.rawValue].string ?? scenarioName }

    /// A sector's, platform's or province's (pool's) name as the page shows it: its label in the
    /// page's language (manifest `labels`), else the name itself.
    func shown(_ kind: String, _ name: String) -> String {
        folder.manifest["labels"][kind][name][language.rawValue].string ?? name
    }
    var months: Int { Int(summary["months"].number ?? 0) }
    var replications: Int { Int(summary["replications"].number ?? 0) }

    /// The verdict's figures as `summary.json` holds them.
    package static func verdictFigures(_ summary: ResultJSON) -> VerdictFigures {
        let total = summary["total"]
        func interval(_ node: ResultJSON) -> (low: Double, high: Double) { (node["low95"].number ?? .nan, node["high95"].number ?? .nan) }
        let start = summary["startMonth"].string.flatMap(YearMonth.init(parsing:))
        let first = total.at("firstShortfallMonth/p50").string.flatMap(YearMonth.init(parsing:))
        return VerdictFigures(
            binding: Verdict(rawValue: total["bindingTest"].string ?? "") ?? .neither, months: Int(summary["months"].number ?? 0),
            replications: Int(summary["replications"].number ?? 0),
            ruin: total.at("ruinProbability/estimate").number ?? .nan, ruinInterval: interval(total["ruinProbability"]),
            insolvency: total.at("insolvencyProbabilityAtHorizon/estimate").number ?? .nan,
            insolvencyInterval: interval(total["insolvencyProbabilityAtHorizon"]),
            fundedRatioMedian: total.at("fundedRatioAtEnd/p50").number,
            firstShortfallMonths: start.flatMap { s in first.map { $0.months(since: s) + 1 } })
    }

    /// The financing method's verdict sentence, the full-funding one when the method is another,
    /// then one sentence on break-even against the rates charged.
    func verdict() -> String {
        let figures = Self.verdictFigures(summary)
        let method = MethodVerdictFigures(summary: summary, fullFunding: figures)
        var text = language == .en ? MethodSentence.english(method) : MethodSentence.chinese(method)
        if method.method != .fullFunding {
            text +=
                language == .en
                ? " Under full funding: " + VerdictSentence.english(figures) : "按完全积累：" + VerdictSentence.chinese(figures)
        }
        let breakEven = summary.at("total/breakEvenRateYuanPerOrder")
        var parts: [String] = []
        for sector in breakEven.keys {
            guard let median = breakEven[sector]["p50"].number else { continue }
            let charged = summary["ratesChargedYuanPerOrder"][sector]
            let rates = charged.keys.compactMap { charged[$0].number }
            var part = language("\(shown("sectors", sector)): \(numbers.rate(median))", "\(shown("sectors", sector))：\(numbers.rate(median))")
            if let low = rates.min(), let high = rates.max() {
                let range = low == high ? numbers.rate(low) : numbers.rate(low) + "–" + numbers.rate(high)
                part += language(" against \(range) charged", "（现行费率 \(range)）")
            }
            parts.append(part)
        }
        if !parts.isEmpty {
            text +=
                language(" Median break-even rate per order — ", "每单盈亏平衡费率中位数：") + parts.joined(separator: language("; ", "；"))
                + language(".", "。")
        }
        return text
    }

    /// The whole page.
    package func render() -> String {
        let e = ChartStyle.escape
        let title = language("InjurySim report — ", "InjurySim 报告 — ") + shownScenarioName
        var body = "<h1>\(e(title))</h1>\n"
        let start = summary["startMonth"].string ?? "", end = summary["endMonth"].string ?? ""
        body +=
            "<p class=\"basis\">"
            + e(
                language(
                    "\(start) to \(end) (\(months) months), \(numbers.count(Double(replications))) simulated worlds (replications); money is total over all pools at full population scale.",
                    "\(start) 至 \(end)（\(months) 个月），\(numbers.count(Double(replications))) 次模拟（重复次数）；金额为\(Glossary.allPools.zh)合计，按全体参保人群规模折算。"))
            + "</p>\n"
        body += "<p class=\"verdict\">\(e(verdict()))</p>\n"
        body += "<section>\n<h2>\(e(language("Key figures", "主要指标")))</h2>\n" + keyFigures() + poolTable() + "</section>\n"
        body += "<section>\n<h2>\(e(language("Charts", "图表")))</h2>\n" + charts().map { $0.html() }.joined() + "</section>\n"
        body += evidenceSection()
        body += "<section>\n<h2>\(e(language("What was run", "运行信息")))</h2>\n" + whatWasRun() + "</section>\n"
        return HTMLPage.render(title: title, language: language, body: body)
    }

    /// A figure's text by kind, from its value in the file.
    func text(_ value: Double?, kind: String) -> String {
        guard let value else { return "—" }
        switch kind {
        case "money": return numbers.money(value)
        case "percent": return numbers.percent(value)
        case "count": return numbers.count(value)
        case "rate": return numbers.rate(value)
        default: return numbers.ratio(value)
        }
    }

    func cell(_ path: String, _ kind: String, unit: ReportNumbers.MoneyUnit? = nil) -> String {
        let value = summary.at(path).number
        let shown =
            kind == "money" && unit != nil ? value.map { numbers.money($0, in: unit ?? numbers.unit(for: $0)) } ?? "—" : text(value, kind: kind)
        return HTMLPage.figureCell(shown, path: path, kind: kind)
    }

    /// The unit that suits the largest of the amounts at `paths`: one unit for a row or column.
    func unit(_ paths: [String]) -> ReportNumbers.MoneyUnit {
        numbers.unit(for: paths.compactMap { summary.at($0).number }.filter(\.isFinite).map(abs).max() ?? 0)
    }

    func keyFigures() -> String {
        let e = ChartStyle.escape
        var out =
            "<table>\n<tr><th>\(e(language("Figure (total over pools)", "指标（\(Glossary.allPools.zh)合计）")))</th><th>\(e(language("Estimate or median", "估计值或中位数")))</th>"
            + "<th>\(e(language("Low", "下限")))</th><th>\(e(language("High", "上限")))</th><th>\(e(language("Range", "区间")))</th></tr>\n"
        let ci = language("95% CI", "95%置信区间"), spread = language("p5–p95", "第5–95百分位")
        // The figures and their words come from the registry (Figures); the paths from summary.json.
        // The financing method's own figures first (none extra under full funding).
        let method = Scenario.Financing.Method(rawValue: summary.at("verdict/method").string ?? "") ?? .fullFunding
        let methodProbabilities: [(path: String, figure: Figure)] =
            switch method {
            case .payAsYouGo: [("total/financing/reserveBelowTargetProbability", Figures.named("reserveBelowTargetProbability"))]
            case .terminalFunding: [("total/financing/capitalShortProbability", Figures.named("capitalShortProbability"))]
            case .fullFunding: []
            }
        let methodSpreads: [String] =
            switch method {
            case .payAsYouGo:
                [
                    "reserveMonthsAtEnd", "costRateLastYearYuanPerOrder", "rateChargedLastYearYuanPerOrder", "generalAveragePremiumYuanPerOrder",
                    "actuarialBalanceYuanPerOrder"
                ]
            case .terminalFunding: ["terminalFundingRateLastYearYuanPerOrder", "rateChargedLastYearYuanPerOrder", "capitalShortfallAtEndYuan"]
            case .fullFunding: []
            }
        let probabilities: [(path: String, figure: Figure)] =
            methodProbabilities + [
                ("total/ruinProbability", Figures.named("ruinProbability")),
                ("total/insolvencyProbabilityAtHorizon", Figures.named("insolvencyProbability")),
                ("total/anyPoolRuinProbability", Figures.named("anyPoolRuinProbability"))
            ]
        for (path, figure) in probabilities {
            out +=
                "<tr><td>\(e(figure.label(language)))</td>" + cell(path + "/estimate", "percent") + cell(path + "/low95", "percent")
                + cell(path + "/high95", "percent") + "<td>\(e(ci))</td></tr>\n"
        }
        let spreads =
            (methodSpreads + [
                "netPositionAtEndYuan", "lowestNetPositionYuan", "solvencyPositionAtEndYuan", "contributionsYuan", "benefitsPaidYuan",
                "liabilitiesAtEndYuan", "ibnrReserveAtEndYuan", "backstopBorrowingYuan", "fundedRatioAtEnd", "lossRatioPaid",
                "lossRatioIncurred", "claimsRecognised", "insuredPersonsCumulative", "orders"
            ]).map(Figures.named)
        for figure in spreads {
            let path = "total/" + figure.key, kind = figure.unit.reportKind
            // One unit for the row's three amounts.
            let rowUnit = unit([path + "/p50", path + "/p5", path + "/p95"])
            out +=
                "<tr><td>\(e(figure.label(language)))</td>" + cell(path + "/p50", kind, unit: rowUnit) + cell(path + "/p5", kind, unit: rowUnit)
                + cell(path + "/p95", kind, unit: rowUnit) + "<td>\(e(spread))</td></tr>\n"
        }
        for figure in ["worstDeficitYuan", "solvencyDeficitAtEndYuan"].map(Figures.named) {
            let key = figure.key
            out += "<tr><td>\(e(figure.label(language)))</td>"
            if replications < Self.tailReplicationsNeeded || summary.at("total/\(key)/needsReplications").exists {
                let needs = language(
                    "needs ≥ \(numbers.count(Double(Self.tailReplicationsNeeded))) replications",
                    "需至少 \(numbers.count(Double(Self.tailReplicationsNeeded))) 次模拟")
                out += "<td class=\"num\" colspan=\"3\">\(e(needs))</td>"
            } else {
                let rowUnit = unit(["total/\(key)/VaR99.5", "total/\(key)/TVaR99.5"])
                out += cell("total/\(key)/VaR99.5", "money", unit: rowUnit) + cell("total/\(key)/TVaR99.5", "money", unit: rowUnit) + "<td></td>"
            }
            out += "<td>\(e(language("VaR and TVaR at 99.5%", "99.5% 风险价值与尾部风险价值")))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    func poolTable() -> String {
        let pools = summary["pools"].keys
        guard pools.count > 1 else { return "" }
        let e = ChartStyle.escape
        var out =
            "<h3>\(e(language("By pool", "分\(Glossary.pool.zh)")))</h3>\n<table>\n<tr><th>\(e(language("Pool", "\(Glossary.pool.zh)")))</th>"
            + "<th>\(e(language("P(short)", "现金不足概率")))</th><th>\(e(language("P(assets < liabilities)", "资不抵债概率")))</th>"
            + "<th>\(e(language("Median net position at the end", "期末\(Glossary.netPosition.zh)中位数")))</th></tr>\n"
        // One unit for the column of net positions.
        let columnUnit = unit(pools.map { "pools/\($0)/netPositionAtEndYuan/p50" })
        for pool in pools {
            out +=
                "<tr><td>\(e(shown("provinces", pool)))</td>" + cell("pools/\(pool)/ruinProbability/estimate", "percent")
                + cell("pools/\(pool)/insolvencyProbabilityAtHorizon/estimate", "percent")
                + cell("pools/\(pool)/netPositionAtEndYuan/p50", "money", unit: columnUnit) + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The inputs the scenario gives as distributions (`manifest.json`'s `uncertainInputs`):
    /// drawn once per replication, or held at their central values with `--no-uncertainty`.
    func uncertainInputsTable(uncertainty: Bool) -> String {
        let e = ChartStyle.escape
        let inputs = folder.manifest["uncertainInputs"].array
        guard !inputs.isEmpty else { return "" }
        let heading =
            uncertainty
            ? language("Uncertain inputs, drawn once per replication", "不确定参数（每次模拟抽样一次）")
            : language("Uncertain inputs, held at their central values (--no-uncertainty)", "不确定参数（取中心值，--no-uncertainty）")
        return "<h3>\(e(heading))</h3>\n"
            + HTMLPage.groupedInputs(
                header: (e(language("Inputs of", "参数所属")), e(language("Input and distribution", "参数及分布"))),
                inputs: inputs.map { ($0["path"].string ?? "", $0["distribution"].string ?? "", "") })
    }

    func whatWasRun() -> String {
        let e = ChartStyle.escape, manifest = folder.manifest
        let file = manifest["scenarioFile"].string ?? "SCENARIO.json"
        let uncertainty = summary["uncertainty"].bool ?? true
        let seed = summary["seed"].number.flatMap { Format.fixed($0, 0) } ?? "?"
        let fraction = summary["sampleFraction"].number.flatMap { Format.fixed($0, 6) } ?? "1"
        let command =
            "injurysim run \(file) --seed \(seed) --replications \(replications) --sample-fraction \(fraction)"
            + (uncertainty ? "" : " --no-uncertainty")
        let phases = manifest["earlierPhases"].array.map { phase in
            (phase["scenario"].string ?? "?") + " (" + (phase["startMonth"].string ?? "") + ", "
                + (phase["months"].number.flatMap { Format.fixed($0, 0) } ?? "?") + language(" months)", " 个月)")
        }
        let rows: [(String, String, String)] = [
            (language("Scenario", "情景"), shownScenarioName == scenarioName ? scenarioName : "\(shownScenarioName) (\(scenarioName))", ""),
            (language("Scenario file", "情景文件"), file, ""),
            (language("Content hash (FNV-1a 64)", "文件内容哈希（FNV-1a 64）"), manifest["scenarioContentHash"].string ?? "—", ""),
            (language("Seed", "随机种子"), seed, ""),
            (language("Replications", "模拟次数"), numbers.count(Double(replications)), ""),
            (language("Months", "月数"), "\(months) (\(summary["startMonth"].string ?? "") – \(summary["endMonth"].string ?? ""))", ""),
            (language("Sample fraction", "抽样比例"), fraction, ""),
            (
                language("Earlier phases run first (continues)", "先行运行的前期阶段（continues）"),
                phases.isEmpty ? language("none", "无") : phases.joined(separator: language("; ", "；")), ""
            ),
            (language("Uncertain inputs drawn per replication", "不确定参数按次抽样"), uncertainty ? language("on", "开") : language("off", "关"), ""),
            (language("Pooling", "统筹方式"), summary["pooling"].string ?? "—", ""),
            (language("When cash runs out", "现金不足时"), summary["shortfallPolicy"].string ?? "—", ""),
            (language("Results format", "结果格式版本"), manifest["formatVersion"].number.flatMap { Format.fixed($0, 0) } ?? "—", "")
        ]
        // Two facts to a row: half the height on paper.
        var out = "<table class=\"facts\">\n"
        for start in stride(from: 0, to: rows.count, by: 2) {
            out += "<tr><th>\(e(rows[start].0))</th><td>\(e(rows[start].1))</td>"
            out += start + 1 < rows.count ? "<th>\(e(rows[start + 1].0))</th><td>\(e(rows[start + 1].1))</td></tr>\n" : "<td></td><td></td></tr>\n"
        }
        out += "</table>\n" + uncertainInputsTable(uncertainty: uncertainty)
        out +=
            "<p>\(e(language("Reproduce the results (from the scenario file's folder):", "复现结果（在情景文件所在目录运行）：")))<br/><code>\(e(command))</code></p>\n"
        out +=
            "<p>\(e(language("Render this page again from the results folder alone:", "仅凭结果文件夹重新生成本页：")))<br/><code>injurysim report \(e(language("RESULTS_FOLDER --lang en", "结果文件夹 --lang zh")))</code></p>\n"
        return out
    }
}
