import Foundation
import InjurySimAnalysis
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim merge` of `compare`, `sweep` and `sensitivity` parts: the folder the command
/// writes, byte for byte.
extension MergeCommand {
    static func mergeVariants(
        _ parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool,
        report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let merged: PartMerge.MergedVariants
        do throws(PartError) { merged = try PartMerge.mergeVariants(parts) } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        switch CommandName(rawValue: merged.command) {
        case .sweep: return mergeSweep(merged, parts: parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
        case .sensitivity: return mergeSensitivity(merged, parts: parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
        default: return mergeCompare(merged, parts: parts, paths: paths, out: out, quiet: quiet, report: report, console: console)
        }
    }

    static func mergeCompare(
        _ merged: PartMerge.MergedVariants, parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool,
        report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let scenarios = merged.scenarios
        let comparison = Comparison(
            entries: zip(scenarios, merged.metrics).map {
                Comparison.Entry(name: $0.0.name, startMonth: $0.0.startMonth, metrics: $0.1)
            })
        // As `compare` publishes it (Program.publish): its files, then the policy manifest.
        let files = [
            ("compare.csv", comparison.renderCSV()), ("compare-monthly.csv", comparison.renderMonthlyCSV()),
            ("compare.json", comparison.renderJSON().rendered())
        ]
        let names = report.names(files.map(\.0))
        let manifest = Program.policyManifest(command: .compare, scenarios: Array(zip(scenarios, merged.hashes)), files: names)
        let directory = out ?? "Results/compare-" + scenarios.map(\.name).joined(separator: "-vs-")
        if let code = write(
            files + [("manifest.json", manifest)], report: report, scenario: scenarios.first, to: directory, paths: paths, console: console)
        {
            return code
        }
        if !quiet {
            let first = scenarios[0]
            console.out(
                "InjurySim compare — \(first.replications) replications, seed \(first.seed), sample fraction "
                    + "\(Format.fixed(first.sampleFraction, 4) ?? "")\n")
            console.out(comparison.renderTable())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }

    static func mergeSweep(
        _ merged: PartMerge.MergedVariants, parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool,
        report: Program.ReportChoice, console: Console
    ) -> Int32 {
        // The grid as `sweep` builds it: the product of the axes, the last one fastest.
        var grid: [[(path: String, value: String)]] = [[]]
        for axis in merged.axes { grid = grid.flatMap { point in axis.values.map { point + [(path: axis.path, value: $0)] } } }
        guard grid.count == merged.scenarios.count, !merged.axes.isEmpty else {
            console.err("injurysim merge: part \(parts[0].label): its axes make \(grid.count) grid points for \(merged.scenarios.count) scenarios\n")
            return ExitCode.dataError
        }
        let points = zip(grid, merged.metrics).map { PolicyCommands.SweepPoint(settings: $0.0, metrics: $0.1) }
        let table = SweepTable(axes: merged.axes.map(\.path), points: points)
        let axesJSON = JSONOut.array(
            merged.axes.map { axis in
                .object(["path": .string(axis.path), "values": .array(axis.values.map(JSONOut.string))])
            })
        let first = merged.scenarios[0]
        let files = [("sweep.csv", table.renderCSV()), ("sweep.json", table.renderJSON().rendered())]
        let names = report.names(files.map(\.0))
        let manifest = Program.policyManifest(
            command: .sweep, scenarios: [(first, merged.hashes[0])],
            variants: zip(grid, merged.scenarios).map { (name: VariantInputs.name(of: $0.0), scenario: $0.1) }, files: names,
            extra: ["axes": axesJSON])
        let directory = out ?? "Results/" + first.name + "-sweep"
        if let code = write(files + [("manifest.json", manifest)], report: report, scenario: first, to: directory, paths: paths, console: console) {
            return code
        }
        if !quiet {
            console.out(
                "InjurySim sweep — \(first.name): \(points.count) grid points × \(first.replications) replications (common random numbers), "
                    + "seed \(first.seed)\n")
            console.out(table.renderTable())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }

    static func mergeSensitivity(
        _ merged: PartMerge.MergedVariants, parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool,
        report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let scenario = merged.scenarios[0]
        let outcome = PolicyCommands.sensitivityOutcome(merged.metrics)
        let table = SensitivityReport(scenario: scenario, outcome: outcome)
        let files = [("sensitivity.csv", table.renderCSV()), ("sensitivity.json", table.renderJSON().rendered())]
        let names = report.names(files.map(\.0))
        let manifest = Program.policyManifest(command: .sensitivity, scenarios: [(scenario, merged.hashes[0])], files: names)
        let directory = out ?? "Results/" + scenario.name + "-sensitivity"
        if let code = write(files + [("manifest.json", manifest)], report: report, scenario: scenario, to: directory, paths: paths, console: console)
        {
            return code
        }
        if !quiet {
            console.out(table.renderTable())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }
}
