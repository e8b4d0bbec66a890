import InjurySimCore
import InjurySimFormat

/// compare: each scenario's median month-end net position (total over pools), month by month
/// (`compare.json`'s `netPositionMedianYuan`), as overlaid lines with the zero line and as a
/// table every twelve months.
extension PolicyReport {
    /// The scenarios' medians on one calendar: month labels from the earliest start to the latest
    /// end, and each scenario's values at those months (NaN outside its own horizon).
    func medianNetPositions(names: [String]) -> (months: [String], series: [[Double]])? {
        let entries = names.map { data["netPositionMedianYuan"][$0] }
        let starts = entries.map { YearMonth(parsing: $0["startMonth"].string ?? "") }
        guard !entries.isEmpty, entries.allSatisfy({ !$0["p50"].array.isEmpty }), let first = starts.compactMap({ $0 }).min(),
            starts.allSatisfy({ $0 != nil })
        else { return nil }
        let offsets = starts.map { $0?.months(since: first) ?? 0 }
        let count = zip(entries, offsets).map { $0.0["p50"].array.count + $0.1 }.max() ?? 0
        let months = (0..<count).map { first.adding(months: $0).description }
        let series = zip(entries, offsets).map { entry, offset in
            (0..<count).map { month in entry["p50"][String(month - offset)].number ?? .nan }
        }
        return (months, series)
    }

    func medianNetPositionChart(names: [String]) -> SVGChart? {
        guard let (months, series) = medianNetPositions(names: names) else { return nil }
        let unit = numbers.unit(for: series.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0)
        let lines = zip(names, series).enumerated().map { index, pair in
            BandChart.Line(
                label: shownName(pair.0), values: pair.1.map { $0 / unit.divisor }, colour: ChartStyle.colour(index), dash: ChartStyle.dash(index))
        }
        let negative = zip(names, series).filter { $0.1.contains { $0 < 0 } }.map { shownName($0.0) }
        let ends = zip(names, series).map { name, values in shownName(name) + " " + text(values.last { $0.isFinite }, kind: "money") }
        let reading =
            language("Median at the last month: ", "末月中位数：") + ends.joined(separator: language(", ", "，"))
            + (negative.isEmpty
                ? language(". No scenario's median goes below zero.", "。各方案中位数均未低于零。")
                : language(
                    ". Below zero at some month: \(negative.joined(separator: ", ")).", "。某月低于零的方案：\(negative.joined(separator: "、"))。"))
        return BandChart(
            title: language(
                "Median fund net position by month (all pools), each scenario", "各方案\(Glossary.netPosition.zh)月度中位数（\(Glossary.allPools.zh)）"),
            xLabels: months, xTitle: language("Month", "月份"),
            yTitle: language("Net position (\(unit.name))", "\(Glossary.netPosition.zh)（\(unit.name)）"),
            lines: lines, zeroLine: true, reading: reading
        ).chart()
    }

    /// The medians every twelve months and at the last month, one column per scenario; every
    /// cell tied to its place in `netPositionMedianYuan`.
    func medianNetPositionTable(names: [String]) -> String {
        guard let (months, series) = medianNetPositions(names: names) else { return "" }
        let e = ChartStyle.escape
        let starts = names.map { YearMonth(parsing: data["netPositionMedianYuan"][$0]["startMonth"].string ?? "") }
        guard let first = starts.compactMap({ $0 }).min() else { return "" }
        var out =
            "<table>\n<tr><th>\(e(language("Month", "月份")))</th>"
            + names.map { "<th>\(e(shownName($0)))</th>" }.joined() + "</tr>\n"
        for index in months.indices where (index + 1) % 12 == 0 || index == months.count - 1 {
            out += "<tr><td>\(e(months[index]))</td>"
            for (k, name) in names.enumerated() {
                let own = index - (starts[k]?.months(since: first) ?? 0)
                out += series[k][index].isFinite ? cell("netPositionMedianYuan/\(name)/p50/\(own)", "money") : "<td></td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }
}
