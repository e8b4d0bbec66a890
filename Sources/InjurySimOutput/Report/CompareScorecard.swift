import InjurySimFormat

/// compare's scorecard: one row per option, one column per headline figure, each cell the option's
/// paired difference from the first with its 95% interval; and the verdict sentence that names
/// the best option per figure (where one is clearly apart) and every difference whose interval
/// excludes zero, or says there is no difference. Pure: the
/// figures in, the words out.
package struct CompareScorecard: Sendable {
    /// A headline figure: its key in `compare.json`, its words, how it is written, which way is better.
    package struct Criterion: Sendable {
        package var key: String
        package var name: Glossary.Term
        package var kind: String
        package var lowerIsBetter: Bool
    }

    /// An option's value of a criterion: its estimate and, for every option but the first, its
    /// paired difference from the first with the 95% interval.
    package struct Value: Sendable {
        package var estimate: Double
        package var difference: (estimate: Double, low: Double, high: Double)?

        package init(estimate: Double, difference: (estimate: Double, low: Double, high: Double)? = nil) {
            self.estimate = estimate
            self.difference = difference
        }

        /// Whether the difference's interval excludes zero.
        package var isClear: Bool {
            guard let d = difference, d.low.isFinite, d.high.isFinite else { return false }
            return d.low > 0 || d.high < 0
        }
    }

    /// The headline figures in column order; a compare folder shows those it holds.
    package static let criteria: [Criterion] = [
        Criterion(key: "anyPoolRuinProbability", name: Glossary.Term("P(any pool short)", "任一统筹地区现金不足概率"), kind: "percent", lowerIsBetter: true),
        Criterion(key: "ruinProbability", name: Glossary.Term("P(fund short)", "基金现金不足概率"), kind: "percent", lowerIsBetter: true),
        Criterion(key: "insolvencyProbability", name: Glossary.Term("P(insolvent at the end)", "期末资不抵债概率"), kind: "percent", lowerIsBetter: true),
        Criterion(
            key: "netPositionAtEndYuan", name: Glossary.Term("end " + Glossary.netPosition.en, "期末" + Glossary.netPosition.zh), kind: "money",
            lowerIsBetter: false),
        Criterion(
            key: "solvencyPositionAtEndYuan", name: Glossary.Term("end " + Glossary.solvencyPosition.en, "期末" + Glossary.solvencyPosition.zh),
            kind: "money", lowerIsBetter: false),
        Criterion(key: "breakEvenRateYuanPerOrder", name: Glossary.breakEvenRate, kind: "rate", lowerIsBetter: true)
    ]

    package var names: [String]
    /// Option names as the page shows them (labels); the keys stay `names`.
    package var shownNames: [String]
    /// Per criterion (in ``criteria`` order, those present), one value per option in `names` order.
    package var columns: [(criterion: Criterion, values: [Value])]
    package var language: ReportLanguage

    package init(names: [String], shownNames: [String]? = nil, columns: [(criterion: Criterion, values: [Value])], language: ReportLanguage) {
        self.names = names
        self.shownNames = shownNames ?? names
        self.columns = columns
        self.language = language
    }

    var numbers: ReportNumbers { ReportNumbers(language) }

    /// A column's heading: the figure, and for amounts the currency ("end net position, yuan").
    package func heading(_ column: Int) -> String {
        let criterion = columns[column].criterion
        return criterion.name(language) + (criterion.kind == "money" ? language(" (yuan)", "") : "")
    }

    /// The money unit of a column: the one that suits its largest amount.
    package func unit(_ column: Int) -> ReportNumbers.MoneyUnit {
        let values = columns[column].values.flatMap { v in [v.estimate] + (v.difference.map { [$0.estimate, $0.low, $0.high] } ?? []) }
        return numbers.unit(for: values.filter(\.isFinite).map(abs).max() ?? 0)
    }

    /// A level (an option's estimate) as its column writes it.
    package func level(_ value: Double, column: Int) -> String {
        switch columns[column].criterion.kind {
        case "percent": return numbers.percent(value)
        case "money": return numbers.money(value, in: unit(column), short: true)
        case "rate": return numbers.rate(value)
        default: return numbers.ratio(value)
        }
    }

    /// A difference as its column writes it: percentage points for shares, signed.
    package func difference(_ value: Double, column: Int) -> String {
        guard value.isFinite else { return "—" }
        switch columns[column].criterion.kind {
        case "percent": return numbers.points(value)
        default:
            let text = level(value, column: column)
            return value > 0 ? "+" + text : text
        }
    }

    /// The index of the best option of a column (the first of equals); nil when none has a value.
    package func best(_ column: Int) -> Int? {
        let (criterion, values) = columns[column]
        let finite = values.indices.filter { values[$0].estimate.isFinite }
        return finite.min { a, b in
            criterion.lowerIsBetter ? values[a].estimate < values[b].estimate : values[a].estimate > values[b].estimate
        }
    }

    /// The option the verdict names as best of a column, or nil when there is none to name: the
    /// best estimate, alone (no other option ties it), clearly apart from the first option — a
    /// variant whose difference from the first excludes zero and is an improvement, or the first
    /// when every variant's difference excludes zero and is worse.
    package func clearBest(_ column: Int) -> Int? {
        let values = columns[column].values
        guard let index = best(column), !values.indices.contains(where: { $0 != index && values[$0].estimate == values[index].estimate })
        else { return nil }
        if index == 0 {
            let variants = values.dropFirst()
            return !variants.isEmpty && variants.allSatisfy { $0.isClear && !isBetter($0, column: column) } ? 0 : nil
        }
        return values[index].isClear && isBetter(values[index], column: column) ? index : nil
    }

    /// Whether a clear difference is an improvement.
    package func isBetter(_ value: Value, column: Int) -> Bool {
        guard let d = value.difference else { return false }
        return columns[column].criterion.lowerIsBetter ? d.estimate < 0 : d.estimate > 0
    }

    /// The verdict: the best option per figure where one is clearly apart (``clearBest(_:)``),
    /// then every difference from the first option whose 95% interval excludes zero (or that
    /// none does, and so that no option is better than another).
    package func verdict() -> String {
        guard let first = shownNames.first else { return "" }
        var bests: [String] = []
        for column in columns.indices {
            guard let index = clearBest(column) else { continue }
            let criterion = columns[column].criterion
            let value = level(columns[column].values[index].estimate, column: column)
            bests.append(
                language(
                    "\(criterion.lowerIsBetter ? "lowest" : "highest") \(criterion.name.en) — \(shownNames[index]) (\(value))",
                    "\(criterion.name.zh)\(criterion.lowerIsBetter ? "最低" : "最高")的是\(shownNames[index])（\(value)）"))
        }
        var clear: [String] = []
        for index in names.indices.dropFirst() {
            for column in columns.indices {
                let value = columns[column].values[index]
                guard value.isClear, let d = value.difference else { continue }
                let criterion = columns[column].criterion
                let interval = difference(d.low, column: column) + language(" to ", " 至 ") + difference(d.high, column: column)
                let word = isBetter(value, column: column) ? language("better", "更优") : language("worse", "更差")
                clear.append(
                    language(
                        "\(shownNames[index]), \(criterion.name.en) \(difference(d.estimate, column: column)) (\(interval); \(word))",
                        "\(shownNames[index])的\(criterion.name.zh) \(difference(d.estimate, column: column))（\(interval)；\(word)）"))
            }
        }
        var text =
            bests.isEmpty
            ? "" : language("Best option per figure: ", "各项指标的最优方案：") + bests.joined(separator: language("; ", "；")) + language(". ", "。")
        if clear.isEmpty {
            text += language(
                "No difference: no difference from \(first) has a 95% interval that excludes zero, so no option is better than another at these replications.",
                "无差异：与\(first)相比，没有任何差值的95%置信区间排除零，在当前模拟次数下没有哪个方案更优。")
        } else {
            text +=
                language("Differences from \(first) whose 95% interval excludes zero: ", "与\(first)相比、95%置信区间不含零的差值：")
                + clear.joined(separator: language("; ", "；")) + language(".", "。")
        }
        return text
    }
}
