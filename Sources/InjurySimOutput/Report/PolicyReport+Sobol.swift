import InjurySimAnalysis
import InjurySimFormat

/// sobol: for each headline figure, the groups' first-order and total indices with their
/// bootstrap intervals (a chart and a table, ranked by first-order), a lead sentence naming the
/// groups that carry most of the figure's variance, and how the design was made.
extension PolicyReport {
    /// The most groups a figure's chart and table show (chance always among them); the rest are in sobol.csv.
    static let sobolShownGroups = 8
    /// A group is named in the lead sentence when it explains at least this share alone (at most three are).
    static let sobolLeadShare = 0.05

    /// A figure's name as the page's sentences use it.
    func sobolFigureName(_ key: String) -> String {
        switch key {
        case "insolvencyProbability": return language("P(insolvent at the horizon)", "期末资不抵债概率")
        case "ruinProbability": return language("P(short of cash)", "现金不足概率")
        case "breakEvenRateYuanPerOrder": return language("the break-even rate", "盈亏平衡费率")
        case "solvencyPositionAtEndYuan": return language("assets − liabilities at the horizon", "期末资产减负债")
        default: return key
        }
    }

    /// One index of a figure's group: the value at `path` (…/firstOrder, …/total) of sobol.json.
    struct SobolEntry {
        var figure: Int
        var index: Int
        var group: String
        var node: ResultJSON
        var path: String { "figures/\(figure)/indices/\(index)" }
        var firstOrder: Double? { node.at("firstOrder/estimate").number }
        var rankKey: Double { firstOrder ?? -9 }
    }

    /// A figure's groups ranked by first-order index (the estimate chance cannot bias), ties in file order.
    func sobolRanked(_ figure: Int) -> [SobolEntry] {
        data["figures"][String(figure)]["indices"].array.enumerated().map {
            SobolEntry(figure: figure, index: $0.offset, group: $0.element["group"].string ?? "?", node: $0.element)
        }
        .sorted { $0.rankKey != $1.rankKey ? $0.rankKey > $1.rankKey : $0.index < $1.index }
    }

    func sobol() -> (verdict: String, body: String) {
        let e = ChartStyle.escape
        let figures = data["figures"].array
        var leads: [String] = []
        var body = ""
        for (number, figure) in figures.enumerated() {
            let key = figure["figure"].string ?? "?"
            let ranked = sobolRanked(number)
            let lead = sobolLead(key, ranked)
            leads.append(lead.text)
            body += "<section>\n<h2>\(e(Self.capitalised(sobolFigureName(key))))</h2>\n<p>" + lead.html + "</p>\n"
            if ranked.contains(where: { $0.firstOrder != nil }) {
                let shown = sobolShown(ranked)
                let reading = language(
                    "Ranked by first-order index: each dot an estimate, each line its 95% bootstrap interval; the pale bar runs from the total less chance's total to the total.",
                    "按一阶指数排序：圆点为估计值，线段为 95% 自助区间；浅色条自“总效应减随机性总效应”至“总效应”。")
                body += sobolChart(key, shown, reading: reading) + sobolTable(shown, hidden: ranked.count - shown.count)
            }
            body += "</section>\n"
        }
        body += "<section>\n<h2>\(e(language("How the indices were made", "指数的计算方法")))</h2>\n" + sobolMethods() + "</section>\n"
        return (leads.joined(separator: language(" ", "")), body)
    }

    /// The groups a figure's chart and table show: those at 0.5% or more on either index, and chance, at most ``sobolShownGroups``.
    func sobolShown(_ ranked: [SobolEntry]) -> [SobolEntry] {
        let chance = GlobalSensitivity.chance
        let kept = ranked.filter { entry in
            entry.group == chance || (entry.firstOrder ?? 0) >= 0.005 || (entry.node.at("total/estimate").number ?? 0) >= 0.005
        }
        var shown = Array(kept.filter { $0.group != chance }.prefix(Self.sobolShownGroups - 1))
        if let entry = kept.first(where: { $0.group == chance }) {
            shown.append(entry)
            shown.sort { $0.rankKey != $1.rankKey ? $0.rankKey > $1.rankKey : $0.index < $1.index }
        }
        return shown
    }

    /// The sentence naming the few groups that carry most of the figure's variance, as text and
    /// as XHTML with every number tied to its place in sobol.json.
    func sobolLead(_ key: String, _ ranked: [SobolEntry]) -> (text: String, html: String) {
        let e = ChartStyle.escape
        let name = sobolFigureName(key)
        guard ranked.contains(where: { $0.firstOrder != nil }) else {
            let text = language(
                "\(Self.capitalised(name)) is the same in every world of the design: it has no variance to share.", "\(name)在设计的所有世界中都相同，没有可分解的方差。")
            return (text, e(text))
        }
        let chance = GlobalSensitivity.chance
        var top = ranked.filter { $0.group != chance && ($0.firstOrder ?? 0) >= Self.sobolLeadShare }.prefix(3)
        let noneLarge = top.isEmpty
        if noneLarge, let first = ranked.first(where: { $0.group != chance && $0.firstOrder != nil }) { top = [first] }
        func share(_ entry: SobolEntry) -> (text: String, html: String) {
            let field = { (f: String) in entry.node.at("firstOrder/" + f).number ?? .nan }
            let (estimate, low, high) = (numbers.percent(field("estimate")), numbers.percent(field("low95")), numbers.percent(field("high95")))
            let span = { (f: String, t: String) in HTMLPage.figureSpan(t, path: entry.path + "/firstOrder/" + f, kind: "percent") }
            return (
                estimate + " [" + low + ", " + high + "]",
                span("estimate", estimate) + " [" + span("low95", low) + ", " + span("high95", high) + "]"
            )
        }
        var text = "", html = ""
        func add(_ plain: String) {
            text += plain
            html += e(plain)
        }
        func add(_ part: (text: String, html: String)) {
            text += part.text
            html += part.html
        }
        add(language(Self.capitalised(name) + ": ", name + "："))
        for (position, entry) in top.enumerated() {
            if position > 0 { add(language(", ", "，")) }
            let words = sobolGroupWords(entry.group)
            if language == .en {
                add(words + (position == 0 ? " carry " : " "))
                add(share(entry))
                if position == 0 { add(" of its variance alone") }
            } else {
                add(words + (position == 0 ? "单独解释其方差的 " : " "))
                add(share(entry))
            }
        }
        if let entry = ranked.first(where: { $0.group == chance }), entry.firstOrder != nil {
            add(language("; chance ", "；随机性 "))
            add(share(entry))
        }
        add(language(".", "。"))
        if noneLarge {
            add(
                language(
                    " No group explains \(numbers.percent(Self.sobolLeadShare)) or more alone.",
                    "没有任何一组单独解释 \(numbers.percent(Self.sobolLeadShare)) 或以上。"))
        }
        return (text, html)
    }

    func sobolChart(_ key: String, _ shown: [SobolEntry], reading: String) -> String {
        func triple(_ node: ResultJSON) -> (low: Double, estimate: Double, high: Double) {
            (node["low95"].number ?? .nan, node["estimate"].number ?? .nan, node["high95"].number ?? .nan)
        }
        let rows = shown.map { entry in
            SobolChart.Row(
                label: sobolGroupWords(entry.group), firstOrder: triple(entry.node["firstOrder"]), total: triple(entry.node["total"]),
                totalLessChance: entry.node["totalLessChance"].number)
        }
        return SobolChart(
            title: language("Share of the variance of ", "各组参数对") + sobolFigureName(key) + language(" each group carries", "方差的贡献"),
            valueTitle: language("Share of the figure's variance (%)", "占该指标方差的比例（%）"), rows: rows,
            firstOrderLabel: language("First-order index (95% interval)", "一阶指数（95%区间）"),
            totalLabel: language("Total index (95% interval)", "总效应指数（95%区间）"),
            lessChanceLabel: language("Total less chance's total … total", "总效应减随机性总效应 … 总效应"), reading: reading
        ).chart().html()
    }

    func sobolTable(_ shown: [SobolEntry], hidden: Int) -> String {
        let e = ChartStyle.escape
        var out =
            "<table class=\"compact\">\n<tr><th>\(e(language("Group of inputs", "参数组")))</th><th>\(e(language("Inputs", "参数个数")))</th>"
            + "<th>\(e(language("First-order (95% interval)", "一阶指数（95%区间）")))</th><th>\(e(language("Total (95% interval)", "总效应指数（95%区间）")))</th>"
            + "<th>\(e(language("Total less chance's", "总效应减随机性")))</th></tr>\n"
        let members = Dictionary(
            data["groups"].array.map { ($0["name"].string ?? "", $0["inputs"].array.count) }, uniquingKeysWith: { first, _ in first })
        for entry in shown {
            let words = sobolGroupWords(entry.group)
            let name = entry.group == GlobalSensitivity.chance || words == entry.group ? e(words) : e(words) + "<br/><code>\(e(entry.group))</code>"
            let less = entry.node["totalLessChance"].number != nil ? cell(entry.path + "/totalLessChance", "percent") : "<td class=\"num\">—</td>"
            out +=
                "<tr><td>\(name)</td><td class=\"num\">\(entry.group == GlobalSensitivity.chance ? "—" : String(members[entry.group] ?? 0))</td>"
                + sobolIndexCell(entry.path + "/firstOrder") + sobolIndexCell(entry.path + "/total") + less + "</tr>\n"
        }
        out += "</table>\n"
        if hidden > 0 {
            out +=
                "<p class=\"note\">"
                + e(
                    language(
                        "\(hidden) more groups below 0.5% on both indices (or beyond the first \(Self.sobolShownGroups)): all in sobol.csv.",
                        "另有 \(hidden) 组两项指数均低于 0.5%（或排在前 \(Self.sobolShownGroups) 组之后），完整结果见 sobol.csv。")) + "</p>\n"
        }
        return out
    }

    /// "estimate (low – high)" of an index, or "—" for an index without spread.
    func sobolIndexCell(_ path: String) -> String {
        data.at(path + "/estimate").number == nil ? "<td class=\"num\">—</td>" : intervalCells(path, "percent", oneLine: true)
    }

    /// The design in words: its size, the groups and the grouping, chance as a group, and the caution on totals.
    func sobolMethods() -> String {
        let e = ChartStyle.escape
        let rows = numbers.count(data["baseRows"].number ?? 0), replications = numbers.count(data["replications"].number ?? 0)
        let groups = data["groups"].array.filter { $0["name"].string != GlobalSensitivity.chance }
        let inputs = numbers.count(Double(groups.reduce(0) { $0 + $1["inputs"].array.count }))
        let groupCount = numbers.count(Double(groups.count))
        let byKey = (data["grouping"].string ?? "key") == "key"
        var out = "<p>"
        out += e(
            language(
                "Saltelli's design run over the simulator: \(rows) base rows, each with worlds A and B and one world per group in which that group's inputs come from B, for \(inputs) uncertain inputs in \(groupCount) groups and chance: \(replications) replications. "
                    + (byKey
                        ? "Inputs are grouped by field: the same field of every sector, province, platform or shock is one group, whose indices are those of its inputs together. "
                        : "Each input is its own group. ")
                    + "Chance (the world's workers, accidents and shock arrivals) is one more group: A's inputs with B's chance. ",
                "在模拟器上运行 Saltelli 设计：\(rows) 个基础行，每行包含世界 A、B，以及每组参数各一个世界（该组参数取自 B）；共 \(inputs) 个不确定参数，分为 \(groupCount) 组，另加随机性一组，合计 \(replications) 次模拟。"
                    + (byKey ? "参数按字段分组：各行业、省份、平台或冲击的同一字段为一组，组的指数即组内参数合起来的指数。" : "每个参数各为一组。")
                    + "随机性（该世界的从业人员、事故和冲击发生）另为一组：取 A 的参数、B 的随机性。"))
        out += e(
            language(
                "The first-order index (Saltelli's estimator) is the share of the figure's variance a group explains alone; the page ranks by it. The total index (Jansen's estimator) adds everything the group does together with others. The intervals are 95% bootstrap percentiles over the base rows.",
                "一阶指数（Saltelli 估计量）是某组参数单独解释的指标方差比例，本页按其排序；总效应指数（Jansen 估计量）还包括该组与其他参数的交互作用。区间为对基础行自助抽样得到的 95% 百分位区间。"))
        out += "</p>\n<p>"
        out += e(
            language(
                "Caution on totals: a group that changes how many random draws a world makes (how many workers, days, orders, accidents) redraws part of the world's chance, so its total takes in up to chance's own total. Its total lies between the total less chance's total and the total (the pale bar). With few base rows the intervals are wide and an estimate may fall below 0% or above 100%.",
                "关于总效应指数的提示：改变世界中随机抽样次数的参数组（从业人数、工作天数、订单数、事故数）会同时重抽部分随机性，其总效应因而可能包含至多等于随机性自身的总效应。该组的总效应介于“总效应减随机性总效应”与“总效应”之间（浅色条）。基础行较少时区间很宽，估计值可能低于 0% 或高于 100%。"
            ))
        return out + "</p>\n"
    }

    /// A group's name in words where the field is a known one (`sectors.*.claimsPerMillionOrders`
    /// → "claim rates"); chance as chance; else the name as written.
    func sobolGroupWords(_ group: String) -> String {
        if group == GlobalSensitivity.chance { return language("chance", "随机性") }
        let words: [String: (String, String)] = [
            "claimsPerMillionOrders": ("claim rates", "事故率"), "severity": ("severity mixes", "伤残等级构成"),
            "fullTimeDaysPerWeek": ("full-time work days", "全职每周工作天数"), "occasionalDaysPerYear": ("occasional work days", "兼职年工作天数"),
            "occasionalShare": ("occasional workers' share", "兼职人员占比"), "ordersPerHour": ("orders per hour", "每小时订单数"),
            "shiftHours": ("shift hours", "班次时长"), "churnPerMonth": ("worker turnover", "从业人员流动率"),
            "recognitionProbability": ("recognition rates", "工伤认定率"), "medicalCostMeanYuan": ("medical costs", "医疗费用"),
            "medicalCostSigma": ("medical cost spread", "医疗费用离散度"), "recoveryDays": ("recovery times", "停工留薪天数"),
            "averageMonthlyWageYuan": ("wages", "平均月工资"), "riskMultiplier": ("provincial risk", "省份风险系数"),
            "ratePerOrderYuan": ("platforms' rates", "平台费率"), "platformPayment": ("platform payments", "平台支付"),
            "wageGrowthPerYear": ("wage growth", "工资增长率"), "investmentReturnPerYear": ("investment return", "投资收益率"),
            "investmentReturn": ("investment return", "投资收益率"), "medicalInflationPerYear": ("medical inflation", "医疗费用增长率"),
            "pensionIncreasePerYear": ("pension increases", "养老金调整率"), "urbanIncomeGrowthPerYear": ("urban income growth", "城镇收入增长率"),
            "mortalityLoading": ("mortality", "死亡率"), "mortalityImprovementPerYear": ("mortality improvement", "死亡率改善"),
            "childrenPerDeath": ("dependent children", "供养子女数"), "spousePerDeath": ("dependent spouses", "供养配偶数"),
            "parentsPerDeath": ("dependent parents", "供养父母数"), "claimFrequency": ("shocks' claim frequency", "冲击期事故倍数"),
            "multiPlatformShare": ("multi-platform work", "多平台接单比例"), "adminCostShare": ("administration cost", "管理费用比例"),
            "reportingDelayDays": ("reporting delays", "报案延迟"), "extraRiskPerLongHour": ("long-hour risk", "超时工作风险"),
            "newWorkerMultiplier": ("new workers' risk", "新从业人员风险"), "ordersGrowthPerYear": ("order growth", "订单增长率"),
            "workersGrowthPerYear": ("worker growth", "从业人数增长率"), "pensionAfterRetirementYuan": ("pension after retirement", "退休后养老金")
        ]
        let parts = group.split(separator: ".").map(String.init)
        guard let field = parts.last(where: { words[$0] != nil }), let pair = words[field] else { return group }
        let scope = parts.count >= 3 && parts[1] != "*" ? " (\(parts[1]))" : ""
        return language(pair.0, pair.1) + scope
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
