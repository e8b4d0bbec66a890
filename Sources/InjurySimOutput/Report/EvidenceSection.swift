import InjurySimAnalysis
import InjurySimFormat

/// The parts of a page that say what the evidence says, read from an `evidence` object as
/// `summary.json` and `condition.json` write it: the verdict over all worlds beside the weighted
/// one, the held-out published figures, the inputs the evidence constrains and those carrying
/// most of the variance, and the allowance term the verdict rests on. The run page and the
/// condition page both use it. With `figurePath` set (the evidence object's path in its file),
/// every printed number is tied to its place in the file (`data-figure`).
struct EvidenceSection {
    var evidence: ResultJSON
    /// The folder's uncertain inputs as its manifest lists them (for inputs drawn as another).
    var uncertainInputs: [ResultJSON]
    /// The manifest's `grade1to4Allowance` (nil: the default term, for life).
    var allowance: String?
    var language: ReportLanguage
    var figurePath: String?
    /// The verdict as run and under each of the scenario's choices (`summary.json`'s `choices`;
    /// empty without choices, and on the condition page).
    var choices: [ResultJSON] = []

    var numbers: ReportNumbers { ReportNumbers(language) }

    /// A number as the page prints it: escaped text, or a figure span when the page ties its numbers to the file.
    func figure(_ text: String, _ path: String, _ kind: String) -> String {
        guard let figurePath, text != "—" else { return ChartStyle.escape(text) }
        return HTMLPage.figureSpan(text, path: figurePath + "/" + path, kind: kind)
    }

    /// The observed figures with their observation models, in the page's language.
    var observedNames: [String] {
        evidence["published"].array.filter { $0["observation"].string != nil }.map {
            publishedFigureLabel($0["figure"].string ?? "") + " " + ($0["month"].string ?? "") + " ("
                + observationText($0["observation"].string ?? "") + ")"
        }
    }

    /// The assumption the verdict rests on most: how long grade 1–4 allowances run.
    func allowanceSentence() -> String {
        let term = allowance ?? "life"
        let hasChoices = !choices.isEmpty
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

    /// The verdict's probabilities and the break-even rate, over all worlds and weighted; the
    /// columns' headings given (nil: the run page's).
    func figuresTable(priorTitle: String? = nil, posteriorTitle: String? = nil) -> String {
        let e = ChartStyle.escape
        func share(_ key: String, _ node: ResultJSON) -> String {
            guard let estimate = node["estimate"].number else { return "—" }
            return figure(numbers.percent(estimate), key + "/estimate", "percent") + " ("
                + figure(numbers.percent(node["low95"].number ?? .nan), key + "/low95", "percent") + "–"
                + figure(numbers.percent(node["high95"].number ?? .nan), key + "/high95", "percent") + ")"
        }
        // The currency once, on the median: the cell stays on one line in print.
        func bare(_ x: Double?) -> String { numbers.rate(x ?? .nan).replacingOccurrences(of: "¥", with: "") }
        func rate(_ key: String, _ node: ResultJSON) -> String {
            guard let p50 = node["p50"].number else { return "—" }
            return figure(numbers.rate(p50), key + "/p50", "rate") + " (" + figure(bare(node["p5"].number), key + "/p5", "rate")
                + "–" + figure(bare(node["p95"].number), key + "/p95", "rate") + ")"
        }
        let rows: [(String, String, (String, ResultJSON) -> String)] = [
            ("shortProbability", language("Short of cash (reserve exhausted)", "现金不足（储备耗尽）"), share),
            ("insolvencyProbabilityAtHorizon", language("Insolvent at the horizon", "期末资不抵债"), share),
            ("reserveTargetMissedProbability", language("Reserve below target (pay-as-you-go)", "储备低于目标（现收现付）"), share),
            ("capitalShortProbability", language("Capital short (terminal funding)", "资本不足（终端积累）"), share),
            ("breakEvenRateYuanPerOrder", language("Break-even rate, median (5th–95th)", "盈亏平衡费率（每单），中位数（第5–95百分位）"), rate)
        ]
        // The scenario's choices (the first being the run itself): one column each, the estimate
        // over all worlds, so the verdict under each choice costs no row.
        let others = choices.dropFirst()
        let oneField = Set(others.map { Self.choiceLabel($0["setting"].string ?? "").field }).count == 1
        var out =
            "<table class=\"compact verdicts\">\n<tr><th>\(e(language("Figure (total over pools)", "指标（全部统筹池合计）")))</th>"
            + "<th>\(e(priorTitle ?? language("All worlds (95%)", "全部世界（95% 置信区间）")))</th>"
            + "<th>\(e(posteriorTitle ?? language("Weighted by the evidence", "与证据吻合的世界")))</th>"
            + others.map { choice in
                // The value alone when every choice sets one field (the sentence above names it),
                // else the field over its value: the column as narrow as the value.
                let (field, value) = Self.choiceLabel(choice["setting"].string ?? "")
                guard !value.isEmpty else { return "<th><code>" + e(field) + "</code></th>" }
                return "<th>" + (oneField ? "" : "<code>" + e(field) + "</code><br>") + "<code>" + e(String(value.dropFirst())) + "</code></th>"
            }.joined() + "</tr>\n"
        for (key, label, format) in rows {
            let weighted = evidence["posterior"][key].exists ? format("posterior/" + key, evidence["posterior"][key]) : "—"
            out +=
                "<tr><td class=\"label\">\(e(label))</td><td class=\"num\">\(format("prior/" + key, evidence["prior"][key]))</td><td class=\"num\">\(weighted)</td>"
            for choice in others {
                let node = choice["figures"][key]
                let text =
                    key == "breakEvenRateYuanPerOrder" ? node["p50"].number.map(numbers.rate) : node["estimate"].number.map { numbers.percent($0) }
                out += "<td class=\"num\">\(e(text ?? "—"))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The inputs carrying most of the variance of the break-even rate and of insolvency (first-
    /// order shares over all worlds), with how far the evidence narrowed each.
    func inputsTable() -> String {
        let e = ChartStyle.escape
        let inputs = evidence["inputs"].array
        func index(_ input: ResultJSON, _ key: String) -> Double { input["firstOrderIndex"][key].number ?? 0 }
        // A sector drawn as another shares its draws (and so its shares): listed once, under the other.
        let drawnAs = Set(uncertainInputs.filter { $0["drawnAs"].exists }.compactMap { $0["path"].string })
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

    /// Every uncertain input's 90% range over all worlds and over the weighted ones, the share of
    /// it the evidence keeps, and whether the data constrain the input (below
    /// ``Evidence/constrainedBelow``) or say little about it.
    func priorPosteriorTable() -> String {
        let e = ChartStyle.escape
        let drawnAs = Set(uncertainInputs.filter { $0["drawnAs"].exists }.compactMap { $0["path"].string })
        let inputs = evidence["inputs"].array.enumerated().filter { !drawnAs.contains($0.element["path"].string ?? "") }
        guard !inputs.isEmpty else { return "" }
        // Three significant digits, or whole numbers with separators from 1,000 up ("0.0354", "187", "8,709").
        func value(_ x: Double?) -> String {
            guard let x, x.isFinite else { return "—" }
            return abs(x) >= 1000 ? ReportNumbers.grouped(x, 0) : ReportNumbers.trueMinus(Format.significant(x, 3))
        }
        func range(_ index: Int, _ side: String, _ node: ResultJSON) -> String {
            guard node["p5"].number != nil else { return "—" }
            let path = "inputs/\(index)/\(side)/"
            return figure(value(node["p5"].number), path + "p5", "ratio") + " – " + figure(value(node["p95"].number), path + "p95", "ratio")
        }
        var out =
            "<table class=\"compact\">\n<tr><th>\(e(language("Uncertain input", "不确定参数")))</th>"
            + "<th>\(e(language("Prior 90% range", "先验 90% 区间")))</th><th>\(e(language("Posterior 90% range", "后验 90% 区间")))</th>"
            + "<th>\(e(language("Share of the range kept", "保留的区间比例")))</th><th>\(e(language("The data", "数据的约束")))</th></tr>\n"
        for (index, input) in inputs {
            let narrowing = input["narrowing"].number
            let verdict: String
            if let narrowing {
                verdict =
                    narrowing < Evidence.constrainedBelow
                    ? language("constrain it", "有约束") : language("say little about it", "几乎无约束")
            } else {
                verdict = "—"
            }
            out +=
                "<tr><td><code>\(e(input["path"].string ?? ""))</code></td><td class=\"num\">\(range(index, "prior", input["prior"]))</td>"
                + "<td class=\"num\">\(range(index, "posterior", input["posterior"]))</td>"
                + "<td class=\"num\">\(narrowing.map { figure(numbers.percent($0), "inputs/\(index)/narrowing", "percent") } ?? "—")</td>"
                + "<td>\(e(verdict))</td></tr>\n"
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
    /// out-of-sample check, in a sentence.
    func heldOutSentence() -> String {
        let heldOut = evidence["published"].array.enumerated().filter {
            $0.element["observation"].string == nil && $0.element["posterior"]["p50"].number != nil
        }
        guard !heldOut.isEmpty else { return "" }
        let e = ChartStyle.escape
        let parts = heldOut.map { (index, p) -> String in
            let key = p["figure"].string ?? "", money = key.hasSuffix("Yuan")
            let unit = numbers.unit(for: p["published"].number ?? 0)
            let numbers = self.numbers
            func f(_ field: String) -> String {
                guard let x = p.at(field).number else { return "—" }
                return figure(
                    money ? numbers.money(x, in: unit, short: true) : numbers.count(x), "published/\(index)/" + field, money ? "money" : "count")
            }
            return e(publishedFigureLabel(key) + " " + (p["month"].string ?? "") + language(": published ", "：公布 ")) + f("published")
                + e(language(", weighted median ", "，加权中位数 ")) + f("posterior/p50") + " (" + f("posterior/p5") + "–" + f("posterior/p95") + ")"
        }
        return "<p>" + e(language("Held out of the weighting, as an out-of-sample check: ", "未参与加权的样本外检验：")) + parts.joined(separator: e("; "))
            + e(".") + "</p>\n"
    }

    /// A choice's setting as a column head: the field's last name and `=` with the value
    /// (`grade1to4Allowance`, `=toRetirement` for `benefits.grade1to4Allowance=toRetirement`).
    /// A choice of several settings (`A=1 & B=2`) is named whole.
    static func choiceLabel(_ setting: String) -> (field: String, value: String) {
        guard !setting.contains(" & "), let equals = setting.firstIndex(of: "=") else { return (setting, "") }
        let path = setting[..<equals]
        return (path.split(separator: ".").last.map(String.init) ?? String(path), String(setting[equals...]))
    }
}
