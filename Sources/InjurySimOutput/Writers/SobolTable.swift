import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The files and the console table of `sobol`: each headline figure's first-order and total
/// indices to every group of inputs and to chance, with bootstrap intervals.
package struct SobolTable: Sendable {
    package var scenario: Scenario
    package var grouping: GlobalSensitivity.Grouping
    /// Base rows of the design (worlds A and B each).
    package var rows: Int
    package var groups: [GlobalSensitivity.Group]
    package var indices: [GlobalSensitivity.Row]

    package init(
        scenario: Scenario, grouping: GlobalSensitivity.Grouping, rows: Int, groups: [GlobalSensitivity.Group], indices: [GlobalSensitivity.Row]
    ) {
        self.scenario = scenario
        self.grouping = grouping
        self.rows = rows
        self.groups = groups
        self.indices = indices
    }

    private static func decimals(_ value: Double) -> String { value.isNaN ? "" : Format.fixed(value, 4) ?? "" }

    package func renderCSV() -> String {
        var lines = ["figure,group,inputs,first_order,first_order_low95,first_order_high95,total,total_low95,total_high95,total_less_chance"]
        let members = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0.inputs.count) })
        for row in indices {
            let cells =
                [row.figure, row.group, String(members[row.group] ?? 0)]
                + [row.firstOrder.estimate, row.firstOrder.low95, row.firstOrder.high95, row.total.estimate, row.total.low95, row.total.high95]
                .map(Self.decimals) + [row.totalLessChance.map(Self.decimals) ?? ""]
            lines.append(CSV.row(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        func index(_ i: SobolIndices.Index) -> JSONOut {
            .object(["estimate": JSONOut.fixed(i.estimate, 4), "low95": JSONOut.fixed(i.low95, 4), "high95": JSONOut.fixed(i.high95, 4)])
        }
        return .object([
            "scenario": .string(scenario.name),
            "grouping": .string(grouping.rawValue),
            "baseRows": .number(String(rows)),
            "replications": .number(String(rows * (groups.count + 3))),
            "groups": .array(
                groups.map { group in .object(["name": .string(group.name), "inputs": .array(group.inputs.map(JSONOut.string))]) }
                    + [.object(["name": .string(GlobalSensitivity.chance), "inputs": .array([])])]),
            "figures": .array(
                GlobalSensitivity.figureKeys.map { key in
                    .object([
                        "figure": .string(key),
                        "indices": .array(
                            indices.filter { $0.figure == key }.map { row in
                                .object([
                                    "group": .string(row.group), "firstOrder": index(row.firstOrder), "total": index(row.total),
                                    "totalLessChance": row.totalLessChance.map { JSONOut.fixed($0, 4) } ?? .null
                                ])
                            })
                    ])
                })
        ])
    }

    package func renderTable() -> String {
        func cell(_ i: SobolIndices.Index) -> String {
            guard !i.estimate.isNaN else { return "— (no spread)" }
            return (Format.fixed(i.estimate, 2) ?? "") + " [" + (Format.fixed(i.low95, 2) ?? "") + ", " + (Format.fixed(i.high95, 2) ?? "") + "]"
        }
        var lines = [
            "InjurySim sobol — \(scenario.name), \(rows) base rows × \(groups.count + 3) worlds = \(rows * (groups.count + 3)) replications, seed \(scenario.seed)",
            "Inputs grouped by \(grouping == .key ? "field (the same field of every sector, province, platform or shock together)" : "input"); "
                + "chance is the world's workers, accidents and shock arrivals.",
            "First-order: the share of the figure's variance the group explains alone; total: with all its interactions, [95% bootstrap];",
            "less chance: the total less chance's total, the least it can be where the group's change redraws the world's chance."
        ]
        for key in GlobalSensitivity.figureKeys {
            let figure = Figures.named(key)
            // Ranked by first-order index, the estimate chance cannot bias.
            let rows = indices.filter { $0.figure == key }.sorted {
                ($0.firstOrder.estimate.isNaN ? -9 : $0.firstOrder.estimate) > ($1.firstOrder.estimate.isNaN ? -9 : $1.firstOrder.estimate)
            }
            lines.append("")
            lines.append(figure.english)
            lines.append("  " + padded("group", 48) + padded("first-order", 22) + padded("total", 22) + "less chance")
            // Groups below 0.005 on both indices are left to sobol.csv; chance is always shown.
            let shown = rows.filter { !($0.total.estimate < 0.005 && $0.firstOrder.estimate < 0.005) || $0.group == GlobalSensitivity.chance }
            for row in shown {
                lines.append(
                    "  " + padded(row.group, 48) + padded(cell(row.firstOrder), 22) + padded(cell(row.total), 22)
                        + (row.totalLessChance.flatMap { Format.fixed($0, 2) } ?? ""))
            }
            let hidden = rows.count - shown.count
            if hidden > 0 { lines.append("  (\(hidden) more groups below 0.005; all in sobol.csv)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
