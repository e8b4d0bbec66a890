import InjurySimAnalysis
import InjurySimFormat

/// The run page's "What the evidence says": the verdict over all worlds beside the worlds that
/// agree with the published figures (`summary.json`'s `evidence`), the published figures before
/// and after, the inputs the evidence constrains, and the inputs that carry most of each
/// headline figure's variance.
extension RunReport {
    func evidenceSection() -> String {
        let evidence = summary["evidence"]
        guard evidence.exists else { return "" }
        let e = ChartStyle.escape
        var out = "<section>\n<h2>\(e(language("What the evidence says", "证据说明了什么")))</h2>\n"
        let ess = evidence["effectiveSampleSize"].number ?? 0, n = evidence["replications"].number ?? 0
        let conditioned = evidence["conditioned"].bool ?? false
        let observed = evidence["published"].array.filter { $0["observation"].string != nil }
        let names = observed.map {
            publishedFigureLabel($0["figure"].string ?? "") + " " + ($0["month"].string ?? "") + " ("
                + observationText($0["observation"].string ?? "") + ")"
        }
        if !conditioned {
            out +=
                "<p>"
                + e(
                    language(
                        "No published figure carries an observation model, so every world counts equally. Give one (published[].observation) to weigh the worlds by how well they agree with the evidence.",
                        "没有公开数据设置观测模型，所有模拟世界权重相同。为公开数据设置观测模型（published[].observation）后，可按各世界与证据的吻合程度加权。"))
                + "</p>\n"
        } else {
            let essText = numbers.count(ess.rounded()), nText = numbers.count(n)
            out +=
                "<p>"
                + e(
                    language(
                        "Worlds weighted by their agreement with the published " + names.joined(separator: ", ")
                            + ": an effective sample size of \(essText) of \(nText).",
                        "按各模拟世界与公开数据（" + names.joined(separator: "，") + "）的吻合程度加权：有效样本量为 \(nText) 个世界中的 \(essText) 个。"))
                + (evidence["posterior"]["shortProbability"].exists
                    ? ""
                    : e(
                        language(
                            " Too few worlds agree for the weighted figures to be read (below \(Int(Evidence.minimumEffectiveSampleSize))): run more replications.",
                            " 吻合的世界太少（少于 \(Int(Evidence.minimumEffectiveSampleSize)) 个），加权结果不可解读：请增加重复次数。")))
                + "</p>\n"
        }
        out += "<p>" + e(allowanceSentence()) + "</p>\n"
        out += figuresTable(evidence)
        out += heldOutSentence(evidence)
        out += inputsTable(evidence)
        return out + "</section>\n"
    }

    /// The assumption the verdict rests on most: how long grade 1–4 allowances run.
    func allowanceSentence() -> String {
        let term = folder.manifest["grade1to4Allowance"].string ?? "life"
        let hasChoices = !summary["choices"].array.isEmpty
        let english: String, chinese: String
        switch term {
        case "life":
            (english, chinese) = (
                "for life, with the fund's top-up of the pension after retirement (the Regulations, Art. 35)", "终身支付，退休后由基金补足养老金差额（《工伤保险条例》第三十五条）"
            )
        case "toRetirement": (english, chinese) = ("to the retirement age only, with no top-up after it", "仅支付至退休年龄，退休后不再补差")
        default:
            let years = term.replacingOccurrences(of: "years: ", with: "")
            (english, chinese) = ("for \(years) years from the first payment", "自首次支付起 \(years) 年")
        }
        return language(
            "The verdict rests most on how long grade 1–4 allowances are paid, which no published figure settles: here "
                + english + " (benefits.grade1to4Allowance; "
                + (hasChoices
                    ? "last columns: each choice the scenario names, over the same worlds and chance)."
                    : "name the other terms in the scenario's choices to see the verdict under each)."),
            "结论最依赖一至四级伤残津贴的支付期限，公开数据无法检验：本次设定为" + chinese + "（benefits.grade1to4Allowance；"
                + (hasChoices ? "表中最后几列：情景所列各项设定，模拟世界与随机性相同）。" : "可在情景的 choices 中列出其他设定，以查看各设定下的结论）。"))
    }

    /// The verdict's probabilities and the break-even rate, over all worlds and weighted.
    func figuresTable(_ evidence: ResultJSON) -> String {
        let e = ChartStyle.escape
        let share = shareText, rate = rateText
        let rows: [(String, String, (ResultJSON) -> String)] = [
            ("shortProbability", language("Short of cash (reserve exhausted)", "现金不足（储备耗尽）"), share),
            ("insolvencyProbabilityAtHorizon", language("Insolvent at the horizon", "期末资不抵债"), share),
            ("reserveTargetMissedProbability", language("Reserve below target (pay-as-you-go)", "储备低于目标（现收现付）"), share),
            ("capitalShortProbability", language("Capital short (terminal funding)", "资本不足（终端积累）"), share),
            ("breakEvenRateYuanPerOrder", language("Break-even rate, median (5th–95th)", "盈亏平衡费率（每单），中位数（第5–95百分位）"), rate)
        ]
        // The scenario's choices (summary.json's `choices`, the first being the run itself): one
        // column each, the estimate over all worlds, so the verdict under each choice costs no row.
        let choices = summary["choices"].array.dropFirst()
        let oneField = Set(choices.map { Self.choiceLabel($0["setting"].string ?? "").field }).count == 1
        var out =
            "<table class=\"compact verdicts\">\n"
            + "<tr><th>\(e(language("Figure (total over pools)", "指标（全部统筹池合计）")))</th>"
            + "<th>\(e(language("All worlds (95%)", "全部世界（95% 置信区间）")))</th>"
            + "<th>\(e(language("Weighted by the evidence", "与证据吻合的世界")))</th>"
            + choices.map { choice in
                // The value alone when every choice sets one field (the sentence above names it),
                // else the field over its value: the column as narrow as the value.
                let (field, value) = Self.choiceLabel(choice["setting"].string ?? "")
                return "<th>" + (oneField ? "" : "<code>" + e(field) + "</code><br>") + "<code>" + e(String(value.dropFirst())) + "</code></th>"
            }.joined() + "</tr>\n"
        for (key, label, format) in rows {
            let weighted = evidence["posterior"][key].exists ? format(evidence["posterior"][key]) : "—"
            out +=
                "<tr><td class=\"label\">\(e(label))</td><td class=\"num\">\(e(format(evidence["prior"][key])))</td><td class=\"num\">\(e(weighted))</td>"
            for choice in choices {
                let node = choice["figures"][key]
                let text =
                    key == "breakEvenRateYuanPerOrder"
                    ? node["p50"].number.map(numbers.rate) : node["estimate"].number.map { numbers.percent($0) }
                out += "<td class=\"num\">\(e(text ?? "—"))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The inputs carrying most of the variance of the break-even rate and of insolvency (first-
    /// order shares over all worlds), with how far the evidence narrowed each.
    func inputsTable(_ evidence: ResultJSON) -> String {
        let e = ChartStyle.escape
        let inputs = evidence["inputs"].array
        func index(_ input: ResultJSON, _ key: String) -> Double { input["firstOrderIndex"][key].number ?? 0 }
        // A sector drawn as another shares its draws (and so its shares): listed once, under the other.
        let drawnAs = Set(folder.manifest["uncertainInputs"].array.filter { $0["drawnAs"].exists }.compactMap { $0["path"].string })
        let ranked = inputs.filter { !drawnAs.contains($0["path"].string ?? "") }.filter {
            max(index($0, "breakEvenRate"), index($0, "insolventAtHorizon")) >= 0.05
        }
        .sorted {
            max(index($0, "breakEvenRate"), index($0, "insolventAtHorizon")) > max(index($1, "breakEvenRate"), index($1, "insolventAtHorizon"))
        }
        guard !ranked.isEmpty else { return "" }
        var out =
            "<table class=\"compact\">\n<caption>"
            + e(
                language(
                    "Variance each input explains alone (first order, from the worlds run), and the share of its 90% range the evidence keeps",
                    "各输入参数单独解释的方差份额（一阶，由已模拟世界估计）及证据保留的 90% 区间比例"))
            + "</caption>\n<tr><th>\(e(language("Input", "输入参数")))</th>"
            + "<th>\(e(language("Break-even rate", "盈亏平衡费率")))</th>"
            + "<th>\(e(language("Insolvency", "资不抵债")))</th>"
            + "<th>\(e(language("Range kept", "区间保留")))</th></tr>\n"
        for input in ranked.prefix(4) {
            let narrowing = input["narrowing"].number.map { numbers.percent($0) } ?? "—"
            out +=
                "<tr><td><code>\(e(input["path"].string ?? ""))</code></td><td class=\"num\">\(e(numbers.percent(index(input, "breakEvenRate"))))</td>"
                + "<td class=\"num\">\(e(numbers.percent(index(input, "insolventAtHorizon"))))</td><td class=\"num\">\(e(narrowing))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// A published figure's name in the page's language; `short` for a chart's row label.
    func publishedFigureLabel(_ key: String, short: Bool = false) -> String {
        switch key {
        case "insuredPersons": return short ? language("Persons insured", "累计参保人数") : language("Persons insured (cumulative)", "累计参保人数")
        case "recognisedInjuries": return language("Recognised injuries", "职业伤害确认")
        case "benefitsPaidYuan": return language("Benefits paid", "已付待遇")
        case "contributionsYuan": return language("Contributions paid", "已缴保费")
        default: return key
        }
    }

    /// An observation model's notation (``Observation/notation``) in the page's language.
    func observationText(_ notation: String) -> String {
        if notation.hasPrefix("normal ±") { return language(notation, "正态误差 ±" + notation.dropFirst("normal ±".count)) }
        if notation.hasPrefix("in [") { return language(notation, "区间 [" + notation.dropFirst("in [".count)) }
        return notation
    }

    /// The published figures held out of the weighting, each against its weighted spread: the
    /// out-of-sample check, in a sentence (the chart above shows every figure over all worlds).
    func heldOutSentence(_ evidence: ResultJSON) -> String {
        let heldOut = evidence["published"].array.filter { $0["observation"].string == nil && $0["posterior"]["p50"].number != nil }
        guard !heldOut.isEmpty else { return "" }
        let e = ChartStyle.escape
        let parts = heldOut.map { p -> String in
            let figure = p["figure"].string ?? "", money = figure.hasSuffix("Yuan")
            let unit = numbers.unit(for: p["published"].number ?? 0)
            let numbers = self.numbers
            func f(_ x: Double?) -> String { x.map { money ? numbers.money($0, in: unit, short: true) : numbers.count($0) } ?? "—" }
            return publishedFigureLabel(figure) + " " + (p["month"].string ?? "") + language(": published ", "：公布 ") + f(p["published"].number)
                + language(", weighted median ", "，加权中位数 ") + f(p["posterior"]["p50"].number) + " (" + f(p["posterior"]["p5"].number) + "–"
                + f(p["posterior"]["p95"].number) + ")"
        }
        return "<p>" + e(language("Held out of the weighting, as an out-of-sample check: ", "未参与加权的样本外检验：") + parts.joined(separator: "; ") + ".")
            + "</p>\n"
    }

    /// A share with its 95% interval (`estimate`, `low95`, `high95`), or a dash.
    func shareText(_ node: ResultJSON) -> String {
        guard let estimate = node["estimate"].number else { return "—" }
        return numbers.percent(estimate) + " (" + numbers.percent(node["low95"].number ?? .nan) + "–"
            + numbers.percent(node["high95"].number ?? .nan) + ")"
    }

    /// A rate's median with its 5th–95th percentiles, or a dash.
    func rateText(_ node: ResultJSON) -> String {
        guard let p50 = node["p50"].number else { return "—" }
        // The currency once, on the median: the cell stays on one line in print.
        func bare(_ x: Double?) -> String { numbers.rate(x ?? .nan).replacingOccurrences(of: "¥", with: "") }
        return numbers.rate(p50) + " (" + bare(node["p5"].number) + "–" + bare(node["p95"].number) + ")"
    }

    /// A choice's setting as a column head: the field's last name and `=` with the value
    /// (`grade1to4Allowance`, `=toRetirement` for `benefits.grade1to4Allowance=toRetirement`).
    static func choiceLabel(_ setting: String) -> (field: String, value: String) {
        guard let equals = setting.firstIndex(of: "=") else { return (setting, "") }
        let path = setting[..<equals]
        return (path.split(separator: ".").last.map(String.init) ?? String(path), String(setting[equals...]))
    }
}
