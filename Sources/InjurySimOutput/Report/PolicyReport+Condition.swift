import InjurySimAnalysis
import InjurySimFormat

/// condition: the prior (round 0's worlds, all counted) beside the posterior (the weighted worlds
/// of the round with the largest effective sample size), the effective sample size of every
/// round, each uncertain input's prior against its posterior, the published figures with the
/// observation models used and the held-out ones, and how the rounds work. The evidence parts
/// are the run page's (``EvidenceSection``), their numbers tied to condition.json.
extension PolicyReport {
    var conditionEvidence: EvidenceSection {
        EvidenceSection(
            evidence: data["evidence"], uncertainInputs: manifest["variants"]["0"]["uncertainInputs"].array,
            allowance: manifest["grade1to4Allowance"].string, language: language, figurePath: "evidence")
    }

    func condition() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let section = conditionEvidence, evidence = section.evidence
        let posteriorRound = Int(data["posteriorRound"].number ?? 0)
        let essNode = data["rounds"].array.first { Int($0["round"].number ?? -1) == posteriorRound }?["effectiveSampleSize"].number
        let ess = numbers.ratio(essNode ?? evidence["effectiveSampleSize"].number ?? .nan)
        let perRound = numbers.count(data["replicationsPerRound"].number ?? 0)
        let observed = section.observedNames.joined(separator: language(", ", "，"))
        let prior = evidence["prior"], posterior = evidence["posterior"]
        var verdict = language("Conditioned on the published ", "以公开数据为条件：") + observed + language(". ", "。")
        if posterior["shortProbability"].exists {
            func pair(_ key: String) -> (String, String) {
                (numbers.percent(posterior.at(key + "/estimate").number ?? .nan), numbers.percent(prior.at(key + "/estimate").number ?? .nan))
            }
            let short = pair("shortProbability"), insolvent = pair("insolvencyProbabilityAtHorizon")
            let rate = (
                numbers.rate(posterior.at("breakEvenRateYuanPerOrder/p50").number ?? .nan),
                numbers.rate(prior.at("breakEvenRateYuanPerOrder/p50").number ?? .nan)
            )
            verdict += language(
                "Weighted by the evidence (round \(posteriorRound), effective sample size \(ess) of \(perRound)), the fund runs short of cash in \(short.0) of worlds against \(short.1) over all worlds, ends insolvent in \(insolvent.0) against \(insolvent.1), and the median break-even rate is \(rate.0) per order against \(rate.1).",
                "按证据加权（第 \(posteriorRound) 轮，有效样本量 \(ess)，每轮 \(perRound) 个世界）后，基金现金不足的概率为 \(short.0)（全部世界为 \(short.1)），期末资不抵债的概率为 \(insolvent.0)（全部世界为 \(insolvent.1)），每单盈亏平衡费率中位数为 \(rate.0)（全部世界为 \(rate.1)）。"
            )
        } else {
            verdict += language(
                "Too few worlds agree with the evidence for the weighted figures to be read: the largest effective sample size was \(ess) of \(perRound), below \(Int(Evidence.minimumEffectiveSampleSize)). Run more worlds a round or state a wider observation error.",
                "与证据吻合的世界太少，加权结果不可解读：最大有效样本量为 \(ess)（每轮 \(perRound) 个世界），低于 \(Int(Evidence.minimumEffectiveSampleSize))。请增加每轮世界数或设定更宽的观测误差。"
            )
        }
        var body = "<section>\n<h2>\(e(language("Prior and posterior verdicts", "先验与后验结论")))</h2>\n"
        body += section.figuresTable(
            priorTitle: language("Prior: round 0, all worlds (95% interval)", "先验：第 0 轮全部世界（95%区间）"),
            posteriorTitle: language("Posterior: round \(posteriorRound), weighted (95% interval)", "后验：第 \(posteriorRound) 轮加权（95%区间）"))
        body += conditionChart(prior: prior, posterior: posterior, posteriorRound: posteriorRound)
        // A folder written before the manifest recorded the term does not say which was used.
        let allowance =
            manifest["grade1to4Allowance"].exists
            ? section.allowanceSentence()
            : language(
                "The verdict rests most on how long grade 1–4 allowances are paid, which no published figure settles; this folder does not record the term used (benefits.grade1to4Allowance; the default pays for life).",
                "结论最依赖一至四级伤残津贴的支付期限，公开数据无法检验；本结果目录未记录所用设定（benefits.grade1to4Allowance；默认终身支付）。")
        body += "<p>" + e(allowance) + "</p>\n</section>\n"
        body += "<section>\n<h2>\(e(language("Effective sample size by round", "各轮有效样本量")))</h2>\n" + roundsTable() + "</section>\n"
        body += "<section>\n<h2>\(e(language("Uncertain inputs: prior against posterior", "不确定参数：先验与后验")))</h2>\n"
        body += "<p>" + e(constrainedSentence(section)) + "</p>\n" + section.priorPosteriorTable() + section.inputsTable() + "</section>\n"
        body += "<section>\n<h2>\(e(language("Published figures and observation models", "公开数据与观测模型")))</h2>\n" + publishedTable(section)
        body += "</section>\n"
        body += "<section>\n<h2>\(e(language("How the worlds were weighted", "世界的加权方法")))</h2>\n" + conditionMethods() + "</section>\n"
        return (verdict, body)
    }

    /// The four probabilities, prior and posterior, as intervals one under the other.
    func conditionChart(prior: ResultJSON, posterior: ResultJSON, posteriorRound: Int) -> String {
        guard posterior["shortProbability"].exists else { return "" }
        let keys: [(String, String)] = [
            ("shortProbability", language("Short of cash", "现金不足")), ("insolvencyProbabilityAtHorizon", language("Insolvent", "资不抵债")),
            ("reserveTargetMissedProbability", language("Below target", "储备低于目标")),
            ("capitalShortProbability", language("Capital short", "资本不足"))
        ]
        var rows: [IntervalChart.Row] = []
        for (key, label) in keys {
            for (node, side) in [(prior, language("prior", "先验")), (posterior, language("posterior", "后验"))] {
                let n = node[key]
                rows.append(
                    IntervalChart.Row(
                        label: label + " · " + side, low: (n["low95"].number ?? .nan) * 100, point: (n["estimate"].number ?? .nan) * 100,
                        high: (n["high95"].number ?? .nan) * 100))
            }
        }
        return IntervalChart(
            title: language("Verdict over all worlds and weighted by the evidence", "全部世界与按证据加权的结论"),
            valueTitle: language("Probability (%)", "概率（%）"), rows: rows, intervalLabel: language("95% interval", "95%区间"),
            pointLabel: language("Estimate", "估计值"), markerLabel: nil, reference: 0, referenceLabel: nil,
            reading: language(
                "Each figure over round 0's worlds (prior) and over round \(posteriorRound)'s worlds weighted by the evidence (posterior).",
                "各指标在第 0 轮全部世界（先验）与第 \(posteriorRound) 轮按证据加权的世界（后验）中的取值。")
        ).chart().html()
    }

    /// Every round: its worlds and their effective sample size, the posterior's round marked.
    func roundsTable() -> String {
        let e = ChartStyle.escape
        let posteriorRound = Int(data["posteriorRound"].number ?? 0)
        var out =
            "<table class=\"compact\">\n<tr><th>\(e(language("Round", "轮次")))</th><th>\(e(language("Worlds", "世界数")))</th>"
            + "<th>\(e(language("Effective sample size", "有效样本量")))</th><th></th></tr>\n"
        for (index, round) in data["rounds"].array.enumerated() {
            let number = Int(round["round"].number ?? 0)
            out +=
                "<tr><td>\(number)</td>"
                + HTMLPage.figureCell(numbers.count(data["replicationsPerRound"].number ?? 0), path: "replicationsPerRound", kind: "count")
                + cell("rounds/\(index)/effectiveSampleSize", "ratio")
                + "<td>\(number == posteriorRound ? e(language("posterior read from this round", "后验取自本轮")) : "")</td></tr>\n"
        }
        out += "</table>\n"
        let target = numbers.count(data["targetEffectiveSampleSize"].number ?? .nan)
        let most = numbers.count(data["maximumRounds"].number ?? 0)
        return out + "<p class=\"note\">"
            + e(
                language(
                    "Further rounds run while the effective sample size is below \(target) (half the worlds of a round), at most \(most) after round 0; the posterior is read from the round with the largest.",
                    "有效样本量低于 \(target)（每轮世界数的一半）时继续下一轮，第 0 轮之后至多 \(most) 轮；后验取自有效样本量最大的一轮。"))
            + "</p>\n"
    }

    /// Which inputs the evidence constrains (the posterior keeps less than 80% of the prior's 90% range) and which not.
    func constrainedSentence(_ section: EvidenceSection) -> String {
        let drawnAs = Set(section.uncertainInputs.filter { $0["drawnAs"].exists }.compactMap { $0["path"].string })
        let inputs = section.evidence["inputs"].array.filter { !drawnAs.contains($0["path"].string ?? "") }
        let narrowed = inputs.compactMap { input -> (String, Double)? in
            guard let kept = input["narrowing"].number, kept < Evidence.constrainedBelow else { return nil }
            return (input["path"].string ?? "?", kept)
        }
        .sorted { $0.1 < $1.1 }
        guard inputs.contains(where: { $0["narrowing"].number != nil }) else {
            return language(
                "Without a posterior (too few worlds agree) the evidence's effect on the inputs cannot be read; the table gives their prior ranges.",
                "没有后验结果（吻合的世界太少），无法判断证据对各参数的约束；下表列出其先验区间。")
        }
        let rest = inputs.count - narrowed.count
        if narrowed.isEmpty {
            return language(
                "The evidence keeps at least \(numbers.percent(Evidence.constrainedBelow)) of every input's prior 90% range: the data constrain none of the \(inputs.count) inputs.",
                "证据保留了每个参数先验 90% 区间的至少 \(numbers.percent(Evidence.constrainedBelow))：数据对全部 \(inputs.count) 个参数都几乎没有约束。")
        }
        let list = narrowed.map { $0.0 + language(" to \(numbers.percent($0.1))", " 的区间收窄至先验 90% 区间的 \(numbers.percent($0.1))") }
        return language(
            "The evidence narrows " + list.joined(separator: ", ") + " of the prior 90% range; it says little about the "
                + (rest == 1 ? "other input" : "other \(rest) inputs") + " (at least \(numbers.percent(Evidence.constrainedBelow)) kept).",
            "证据将 " + list.joined(separator: "，") + "；对其余 \(rest) 个参数几乎没有约束（保留至少 \(numbers.percent(Evidence.constrainedBelow))）。")
    }

    /// Every published figure: its value, the observation model that weighs the worlds (or held
    /// out), and its simulated spread over all worlds and weighted.
    func publishedTable(_ section: EvidenceSection) -> String {
        let e = ChartStyle.escape
        let published = section.evidence["published"].array
        guard !published.isEmpty else { return "" }
        var out =
            "<table class=\"compact\">\n<tr><th>\(e(language("Published figure", "公开数据")))</th><th>\(e(language("Published", "公布值")))</th>"
            + "<th>\(e(language("Observation model", "观测模型")))</th><th>\(e(language("Simulated, all worlds: median (5th–95th)", "模拟值（全部世界）：中位数（第5–95百分位）")))</th>"
            + "<th>\(e(language("Simulated, weighted", "模拟值（加权）")))</th></tr>\n"
        for (index, p) in published.enumerated() {
            let key = p["figure"].string ?? "", money = key.hasSuffix("Yuan"), kind = money ? "money" : "count"
            let unit = numbers.unit(for: p["published"].number ?? 0)
            func f(_ field: String) -> String {
                guard let x = p.at(field).number else { return "—" }
                let text = money ? numbers.money(x, in: unit, short: true) : numbers.count(x)
                return HTMLPage.figureSpan(text, path: "evidence/published/\(index)/" + field, kind: kind)
            }
            func spread(_ side: String) -> String {
                p[side]["p50"].number == nil ? "—" : f(side + "/p50") + " (" + f(side + "/p5") + "–" + f(side + "/p95") + ")"
            }
            let model = p["observation"].string.map(section.observationText) ?? language("held out (not weighed)", "未参与加权（样本外检验）")
            out +=
                "<tr><td>\(e(section.publishedFigureLabel(key) + " " + (p["month"].string ?? "") + ((p["book"].string ?? "total") == "total" ? "" : " (" + (p["book"].string ?? "") + ")")))</td>"
                + "<td class=\"num\">\(f("published"))</td><td>\(e(model))</td><td class=\"num\">\(spread("prior"))</td><td class=\"num\">\(spread("posterior"))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// The method in words: importance weights, the effective sample size, the rounds and where the posterior is read.
    func conditionMethods() -> String {
        let e = ChartStyle.escape
        let minimum = Int(Evidence.minimumEffectiveSampleSize)
        return "<p>"
            + e(
                language(
                    "A world's weight is the product of its likelihoods under the observation models (a normal error of the stated relative size, or 1 inside an interval and 0 outside), normalised over the worlds: importance sampling with the priors as the proposal. The effective sample size is Kish's (Σw)²/Σw². Weighted shares get a Wilson interval with the effective sample size as the count of worlds; weighted percentiles are nearest-rank on the cumulative weight. Below an effective sample size of \(minimum) the weighted figures are withheld.",
                    "每个世界的权重是其在各观测模型下的似然之积（按设定相对误差的正态误差，或区间内为 1、区间外为 0），再在全部世界上归一化：以先验为提议分布的重要性抽样。有效样本量按 Kish 公式 (Σw)²/Σw² 计算。加权比例的区间为以有效样本量为世界数的 Wilson 区间；加权百分位数按累计权重取最近秩。有效样本量低于 \(minimum) 时不给出加权结果。"
                ))
            + "</p>\n<p>"
            + e(
                language(
                    "Rounds after round 0 draw new worlds near the weighted ones (population Monte Carlo with an ABC-SMC kernel on the inputs' uniforms; one world in ten from the prior) and weigh them by likelihood over proposal density. Each round draws its worlds' chance afresh. The posterior is the round with the largest effective sample size; the prior is round 0's worlds, all counted. Rounds pay where the evidence is sharp against wide priors; where a world's counterpart of a published figure varies with its own chance as much as with its inputs, more worlds a round help more than more rounds.",
                    "第 0 轮之后的各轮在加权世界附近抽取新世界（种群蒙特卡罗，对参数的均匀分位数使用 ABC-SMC 核；十分之一的世界直接取自先验），按似然除以提议密度加权。每轮重新抽取各世界的随机性。后验取自有效样本量最大的一轮；先验为第 0 轮全部世界（等权）。证据相对宽先验较为尖锐时，增加轮次才有用；若公开数据的模拟对应值受世界自身随机性的影响与受参数的影响相当，增加每轮世界数比增加轮次更有效。"
                ))
            + "</p>\n"
    }
}
