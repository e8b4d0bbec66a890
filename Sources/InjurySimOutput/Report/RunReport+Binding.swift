import InjurySimAnalysis
import InjurySimFormat

/// The charts that lead a run's page: those of the binding test first — the solvency position
/// (assets − liabilities) and funded-ratio fans when solvency binds, the cash (net position) fan
/// when liquidity does, the financing method's own charts when its reserve target or capital
/// test binds — each fan with a few sample worlds drawn over it (`solvency-paths.csv`).
extension RunReport {
    /// The test that binds, as the method's verdict in `summary.json` names it.
    var binding: FinancingOutcome.Binding {
        MethodVerdictFigures(summary: summary, fullFunding: Self.verdictFigures(summary)).binding
    }

    /// The lead charts in the order of the binding test.
    func leadCharts() -> [SVGChart] {
        let cash = [fan(pool: "total")], solvency = solvencyCharts(), method = methodCharts()
        switch binding {
        case .liquidity, .exhaustion: return cash + solvency + method
        case .reserveTarget, .capital: return method + cash + solvency
        case .solvency: return solvency + cash + method
        case .neither: return method.isEmpty ? solvency + cash : method + cash + solvency
        }
    }

    /// The line style of sample world `index`: thin, dark grey, its own dash.
    func sampleWorldLines(_ column: SolvencyPaths.Column, divisor: Double) -> [BandChart.Line] {
        guard let paths = folder.solvencyPaths, paths.months == folder.monthly.months else { return [] }
        return paths.sampleWorlds.enumerated().map { index, world in
            BandChart.Line(
                label: language("Sample world (replication \(world))", "样本情景（第 \(world) 次模拟）"),
                values: paths.series(column, world: world).map { $0 / divisor }, colour: "#555555", dash: ChartStyle.dash(index + 1),
                width: 1.1)
        }
    }

    /// The solvency position and funded-ratio fans (none for a folder without `solvency-paths.csv`).
    func solvencyCharts() -> [SVGChart] {
        guard let paths = folder.solvencyPaths, paths.months == folder.monthly.months else { return [] }
        return [solvencyFan(paths), fundedRatioFan(paths)]
    }

    func solvencyFan(_ paths: SolvencyPaths) -> SVGChart {
        let p = SolvencyPaths.percentileNames.map { paths.series(.solvencyPosition, world: $0) }
        let (v, unit) = scaled(p)
        let month = paths.months.last ?? ""
        let insolvent = summary.at("total/insolvencyProbabilityAtHorizon/estimate").number ?? .nan
        let reading = language(
            "In \(month) the median solvency position is \(numbers.money(p[2].last ?? .nan)); assets fall short of all the fund owes in \(numbers.percent(insolvent)) of worlds.",
            "\(month) \(Glossary.solvencyPosition.zh)中位数为 \(numbers.money(p[2].last ?? .nan))；\(numbers.percent(insolvent)) 的情景资产不足以抵偿全部负债。")
        return BandChart(
            title: language(
                "Solvency position — assets − liabilities (all pools)", "\(Glossary.solvencyPosition.zh) — 资产 − 负债（\(Glossary.allPools.zh)）"),
            xLabels: paths.months, xTitle: monthTitle,
            yTitle: language("Solvency position (\(unit.name))", "\(Glossary.solvencyPosition.zh)（\(unit.name)）"),
            bands: fanBands(low: v[0], p25: v[1], p75: v[3], high: v[4], colour: ChartStyle.colour(3)),
            lines: [.init(label: language("Median", "中位数"), values: v[2], colour: "#000", dash: "")]
                + sampleWorldLines(.solvencyPosition, divisor: unit.divisor),
            zeroLine: true, reading: reading
        ).chart()
    }

    func fundedRatioFan(_ paths: SolvencyPaths) -> SVGChart {
        let p = SolvencyPaths.percentileNames.map { paths.series(.fundedRatio, world: $0) }
        let month = paths.months.last ?? ""
        let reading = language(
            "In \(month) the median fund holds \(numbers.ratio(p[2].last ?? .nan)) yuan of assets for every yuan it owes; one world in twenty holds under \(numbers.ratio(p[0].last ?? .nan)).",
            "\(month) 基金每欠 1 元负债，资产中位数为 \(numbers.ratio(p[2].last ?? .nan)) 元；每二十个情景中有一个低于 \(numbers.ratio(p[0].last ?? .nan)) 元。")
        return BandChart(
            title: language("Funded ratio — assets ÷ liabilities (all pools)", "\(Glossary.fundedRatio.zh) — 资产 ÷ 负债（\(Glossary.allPools.zh)）"),
            xLabels: paths.months, xTitle: monthTitle, yTitle: language("Funded ratio", Glossary.fundedRatio.zh),
            bands: fanBands(low: p[0], p25: p[1], p75: p[3], high: p[4], colour: ChartStyle.colour(2)),
            lines: [
                .init(label: language("Median", "中位数"), values: p[2], colour: "#000", dash: ""),
                .init(
                    label: language("Fully funded (1.0)", "完全覆盖（1.0）"), values: Array(repeating: 1, count: paths.months.count),
                    colour: ChartStyle.colour(3),
                    dash: "4 3", width: 1.2)
            ] + sampleWorldLines(.fundedRatio, divisor: 1),
            includeZero: false, reading: reading
        ).chart()
    }

    /// The 5th–95th and 25th–75th percentile bands of a fan.
    func fanBands(low: [Double], p25: [Double], p75: [Double], high: [Double], colour: String) -> [BandChart.Band] {
        [
            .init(label: language("5th–95th percentile", "第5–95百分位"), low: low, high: high, colour: colour, opacity: 0.2),
            .init(label: language("25th–75th percentile", "第25–75百分位"), low: p25, high: p75, colour: colour, opacity: 0.45)
        ]
    }
}
