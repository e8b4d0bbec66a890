import InjurySimAnalysis
import InjurySimFormat

/// The run page's "What the evidence says": the verdict over all worlds beside the worlds that
/// agree with the published figures (`summary.json`'s `evidence`), the published figures before
/// and after, the inputs the evidence constrains, and the inputs that carry most of each
/// headline figure's variance (``EvidenceSection``, which the condition page shares).
extension RunReport {
    var evidence: EvidenceSection {
        EvidenceSection(
            evidence: summary["evidence"], uncertainInputs: folder.manifest["uncertainInputs"].array,
            allowance: folder.manifest["grade1to4Allowance"].string, language: language, figurePath: nil,
            choices: summary["choices"].array)
    }

    func evidenceSection() -> String {
        let section = evidence, evidence = section.evidence
        guard evidence.exists else { return "" }
        let e = ChartStyle.escape
        var out = "<section>\n<h2>\(e(language("What the evidence says", "证据说明了什么")))</h2>\n"
        let ess = evidence["effectiveSampleSize"].number ?? 0, n = evidence["replications"].number ?? 0
        let conditioned = evidence["conditioned"].bool ?? false
        let names = section.observedNames
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
        out += "<p>" + e(section.allowanceSentence()) + "</p>\n"
        out += section.figuresTable()
        out += section.heldOutSentence()
        out += section.inputsTable()
        return out + "</section>\n"
    }

    /// A published figure's name in the page's language; `short` for a chart's row label.
    func publishedFigureLabel(_ key: String, short: Bool = false) -> String { evidence.publishedFigureLabel(key, short: short) }
}
