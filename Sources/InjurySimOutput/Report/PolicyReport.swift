import InjurySimAnalysis
import InjurySimFormat

/// The report page of a policy command's folder (compare, sweep, solve, sensitivity, sobol, condition), from its
/// JSON file and manifest alone. Every printed figure cell names its path in that JSON file.
package struct PolicyReport: Sendable {
    package enum Kind: String, Sendable { case compare, sweep, solve, sensitivity, sobol, condition }

    var kind: Kind
    /// The command's JSON file (`compare.json`, …), parsed.
    var data: ResultJSON
    var manifest: ResultJSON
    var language: ReportLanguage

    package init(texts: [String: String], manifest: ResultJSON, language: ReportLanguage, folder: String) throws(ReportError) {
        let command = String((manifest["generator"].string ?? "").dropFirst("injurysim ".count))
        guard let kind = Kind(rawValue: command) else {
            throw .malformed(file: "manifest.json", reason: "its generator 'injurysim \(command)' has no report")
        }
        let file = kind.rawValue + ".json"
        guard let text = texts[file] else { throw .missingFile(folder: folder, file: file) }
        self.kind = kind
        self.data = try ResultJSON(parsing: text, file: file)
        self.manifest = manifest
        self.language = language
    }

    var numbers: ReportNumbers { ReportNumbers(language) }
    var replications: Int { Int(manifest["replications"].number ?? 0) }
    var scenarioNames: [String] { manifest["scenarios"].array.compactMap { $0["name"].string } }

    package func render() -> String {
        let e = ChartStyle.escape
        let titles: [Kind: (String, String)] = [
            .compare: ("Comparison", "方案比较"), .sweep: ("Sweep", "参数扫描"),
            .solve: ("Rate that meets a target", "满足目标的费率"), .sensitivity: ("Sensitivity", "敏感性分析"),
            .sobol: ("Which inputs carry the uncertainty (Sobol indices)", "哪些参数决定不确定性（Sobol 指数）"),
            .condition: ("The verdict conditioned on published figures", "以公开数据为条件的结论")
        ]
        let title =
            "InjurySim — " + language(titles[kind]?.0 ?? "", titles[kind]?.1 ?? "") + " — "
            + scenarioNames.map(shownName).joined(separator: language(", ", "、"))
        var body = "<h1>\(e(title))</h1>\n"
        body += "<p class=\"basis\">" + e(basis()) + "</p>\n"
        let sections: (verdict: String, body: String)
        switch kind {
        case .compare: sections = compare()
        case .sweep: sections = sweep()
        case .solve: sections = solve()
        case .sensitivity: sections = sensitivity()
        case .sobol: sections = sobol()
        case .condition: sections = condition()
        }
        body += "<p class=\"verdict\">\(e(sections.verdict))</p>\n" + sections.body
        body += "<section>\n<h2>\(e(language("What was run", "运行信息")))</h2>\n" + whatWasRun() + "</section>\n"
        return HTMLPage.render(title: title, language: language, body: body)
    }

    /// The line under the title: how many worlds, and how they were drawn.
    func basis() -> String {
        switch kind {
        case .sobol:
            let rows = numbers.count(manifest["baseRows"].number ?? data["baseRows"].number ?? 0)
            return language(
                "\(numbers.count(Double(replications))) simulated worlds in Saltelli's design of \(rows) base rows; money is total over all pools.",
                "Saltelli 设计共 \(numbers.count(Double(replications))) 次模拟（\(rows) 个基础行）；金额为\(Glossary.allPools.zh)合计。")
        case .condition:
            let rounds = numbers.count(Double(data["rounds"].array.count))
            return language(
                "\(numbers.count(Double(replications))) simulated worlds a round, \(rounds) round\(data["rounds"].array.count == 1 ? "" : "s"); figures are totals over all pools.",
                "每轮 \(numbers.count(Double(replications))) 次模拟，共 \(rounds) 轮；指标为\(Glossary.allPools.zh)合计。")
        default:
            return language(
                "\(numbers.count(Double(replications))) simulated worlds per scenario with common random numbers (replication r is the same world in every run); money is total over all pools.",
                "每个方案 \(numbers.count(Double(replications))) 次模拟，采用共同随机数（各方案第 r 次模拟为同一情景）；金额为\(Glossary.allPools.zh)合计。")
        }
    }

    /// How a figure of the policy JSON is written: its declared unit (``Figures``); for the
    /// commands' own keys (a ruin swing, a solved rate), from the key.
    static func kindOf(_ key: String) -> String {
        if let figure = Figures.find(key) { return figure.unit.reportKind }
        if key.hasSuffix("Yuan") { return "money" }
        if key.contains("Probability") || key == "ruinSwing" { return "percent" }
        if key.hasPrefix("breakEven") || key.hasSuffix("YuanPerOrder") { return "rate" }
        return "ratio"
    }

    /// The words for a headline figure's key, from its declaration; a mean over replications
    /// says so.
    func label(_ key: String) -> String {
        guard let figure = Figures.find(key) else { return key }
        let isMean = figure.perReplication != nil && !figure.isIndicator
        return figure.label(language) + (isMean ? language(", mean", "（均值）") : "")
    }

    func text(_ value: Double?, kind: String) -> String {
        guard let value else { return "—" }
        switch kind {
        case "points": return numbers.points(value)
        case "money": return numbers.money(value)
        case "percent": return numbers.percent(value)
        case "rate": return numbers.rate(value)
        case "count": return numbers.count(value)
        default: return numbers.ratio(value)
        }
    }

    /// A figure cell for the value at `path` of the command's JSON.
    func cell(_ path: String, _ kind: String) -> String {
        HTMLPage.figureCell(text(data.at(path).number, kind: kind), path: path, kind: kind)
    }

    /// "estimate (low – high)" in one cell, all three tied to their paths; the interval under the
    /// estimate, or beside it when `oneLine`.
    func intervalCells(_ path: String, _ kind: String, oneLine: Bool = false) -> String {
        func span(_ field: String) -> String {
            HTMLPage.figureSpan(text(data.at(path + "/" + field).number, kind: kind), path: path + "/" + field, kind: kind)
        }
        return "<td class=\"num\">" + span("estimate") + (oneLine ? " " : "<br/>") + "<span class=\"ci\">(" + span("low95") + " – " + span("high95")
            + ")</span></td>"
    }

    func whatWasRun() -> String {
        let e = ChartStyle.escape
        let seed = manifest["seed"].number.flatMap { Format.fixed($0, 0) } ?? "?"
        let fraction = manifest["sampleFraction"].number.flatMap { Format.fixed($0, 6) } ?? "1"
        var arguments = [kind.rawValue] + manifest["scenarios"].array.map { ($0["name"].string ?? "?") + ".json" }
        for axis in manifest["axes"].array {
            arguments.append("--set " + (axis["path"].string ?? "?") + "=" + axis["values"].array.compactMap(\.string).joined(separator: ","))
        }
        if let target = manifest["target"].string { arguments.append("--target \"\(target)\"") }
        if let sector = manifest["for"].string { arguments.append("--for " + sector) }
        let allOff = !variantUncertainty.isEmpty && variantUncertainty.allSatisfy { !$0.isOn }
        var size = " --replications \(replications)"
        if kind == .sobol {
            size = " --rows \(Int(manifest["baseRows"].number ?? 0)) --by \(manifest["grouping"].string ?? "key")"
        } else if kind == .condition {
            size += " --rounds \(Int(data["maximumRounds"].number ?? 0))"
        }
        let command =
            "injurysim " + arguments.joined(separator: " ") + " --seed \(seed)" + size + " --sample-fraction \(fraction)"
            + (allOff ? " --no-uncertainty" : "")
        var out = "<table>\n<tr><th>\(e(language("Command", "命令")))</th><td>\(e(kind.rawValue))</td></tr>\n"
        for scenario in manifest["scenarios"].array {
            out +=
                "<tr><th>\(e(language("Scenario and content hash", "情景及内容哈希")))</th><td>\(e(scenario["name"].string ?? "?")) — \(e(scenario["contentHash"].string ?? "?"))</td></tr>\n"
        }
        out += "<tr><th>\(e(language("Seed", "随机种子")))</th><td>\(e(seed))</td></tr>\n"
        out += "<tr><th>\(e(language("Replications", "模拟次数")))</th><td>\(e(numbers.count(Double(replications))))</td></tr>\n"
        out += "<tr><th>\(e(language("Sample fraction", "抽样比例")))</th><td>\(e(fraction))</td></tr>\n"
        if let uncertainty = uncertaintyText() {
            out += "<tr><th>\(e(language("Uncertain inputs drawn per replication", "不确定参数按次抽样")))</th><td>\(e(uncertainty))</td></tr>\n"
        }
        out += "</table>\n" + uncertainInputsTable()
        out +=
            "<p>\(e(language("Reproduce (scenario files named after their scenarios; a content hash with +set: records overrides):", "复现（情景文件以情景名称命名；含 +set: 的哈希记录了覆盖参数）：")))<br/><code>\(e(command))</code></p>\n"
        return out
    }
}
