/// The parts of docs/VALIDATION.md that must not drift: which checks and calibration figures it
/// lists, in order, and whether each passed. The simulated digits are left out on purpose: any
/// model change moves them, right or wrong, and the checks' own tolerances decide whether they
/// are acceptable. `validate-model --check` compares the committed report's outline with a fresh
/// run's; the debug tests read the committed outline alone.
package struct ValidationOutline: Equatable, Sendable {
    package struct Row: Equatable, Sendable {
        package var name: String
        package var passed: Bool
    }

    /// The analytic checks, in report order.
    package var checks: [Row] = []
    /// The calibration figures, in report order; `passed` is "published inside the interval".
    package var calibration: [Row] = []

    /// Reads the outline of a report written by ``ModelValidation/report(checks:calibration:settings:)``.
    package init(parsing text: String) {
        enum Section { case none, checks, calibration }
        var section = Section.none
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                section = line.hasPrefix("## Analytic") ? .checks : line.hasPrefix("## Calibration") ? .calibration : .none
                continue
            }
            guard section != .none, line.hasPrefix("| "), !line.hasPrefix("|---") else { continue }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            guard let name = cells.first, let verdict = cells.last, cells.count == 6 else { continue }
            if name == "check" || name == "figure" { continue }  // the header rows
            let row = Row(name: name, passed: verdict == "yes")
            if section == .checks { checks.append(row) } else { calibration.append(row) }
        }
    }

    /// What is wrong with the committed report (`self`) next to a fresh run's outline: a check
    /// that fails now, one the report records as failed, and checks or figures added, removed or
    /// reordered without regenerating the report. Empty when the report may stay as it is.
    package func problems(comparedWith fresh: ValidationOutline) -> [String] {
        var out: [String] = []
        for row in fresh.checks where !row.passed { out.append("the check '\(row.name)' fails") }
        for row in fresh.calibration where !row.passed { out.append("the published \(row.name) lies outside the simulated 90% interval") }
        for row in checks where !row.passed { out.append("docs/VALIDATION.md records the check '\(row.name)' as failed") }
        if checks.map(\.name) != fresh.checks.map(\.name) {
            out.append(
                "docs/VALIDATION.md lists the checks " + Self.list(checks) + " but the model has " + Self.list(fresh.checks)
                    + ": run injurysim validate-model")
        }
        if calibration.map(\.name) != fresh.calibration.map(\.name) {
            out.append(
                "docs/VALIDATION.md lists the calibration figures " + Self.list(calibration) + " but the run gives "
                    + Self.list(fresh.calibration) + ": run injurysim validate-model")
        }
        return out
    }

    private static func list(_ rows: [Row]) -> String { "[" + rows.map(\.name).joined(separator: ", ") + "]" }
}
