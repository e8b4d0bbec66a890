import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import InjurySimOutput

/// `injurysim merge` of `sobol` and `condition` parts: the folder the command writes on one
/// machine, byte for byte.
extension MergeCommand {
    static func mergeSobol(
        _ parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool, report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let merged: PartMerge.MergedVariants
        do throws(PartError) { merged = try PartMerge.mergeVariants(parts) } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        // mergeVariants built the design from the recorded grouping (PartMerge.sobolDesign).
        let scenario = merged.scenarios[0]
        guard let grouping = parts[0].manifest.grouping.flatMap(GlobalSensitivity.Grouping.init(rawValue:)) else {
            console.err("injurysim merge: part \(parts[0].label): manifest.json: \"grouping\" is not key or input\n")
            return ExitCode.dataError
        }
        let groups = GlobalSensitivity.groups(scenario, by: grouping)
        let design = merged.runs[0]
        let rows = design.replications / (groups.count + 3)
        let table = SobolTable(
            scenario: scenario, grouping: grouping, rows: rows, groups: groups,
            indices: GlobalSensitivity.indices(merged.metrics[0], groups: groups, seed: scenario.seed))
        let choice = report
        let files = SobolCommand.files(table)
        let names = choice.names(files.map(\.0))
        let manifest = Program.policyManifest(
            command: .sobol, scenarios: [(design, merged.hashes[0])], files: names, extra: SobolCommand.manifestExtra(table))
        let directory = out ?? "Results/" + scenario.name + "-sobol"
        if let code = write(files + [("manifest.json", manifest)], report: choice, scenario: scenario, to: directory, paths: paths, console: console)
        {
            return code
        }
        if !quiet {
            console.out(table.renderTable())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }

    static func mergeCondition(
        _ parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool, report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let merged: PartMerge.MergedCondition
        do throws(PartError) { merged = try PartMerge.mergeCondition(parts) } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        let study = parts[0].manifest
        let scenario = merged.scenario
        guard merged.next == nil else {
            let round = merged.rounds.count
            let ess = merged.rounds.last.flatMap { Format.fixed($0.effectiveSampleSize, 2) } ?? ""
            // The parts were given as ROOT/round-R/PART when their parent is named round-R.
            let parent = URL(fileURLWithPath: parts[0].label).deletingLastPathComponent()
            let root = parent.lastPathComponent.hasPrefix("round-") ? parent.deletingLastPathComponent().relativePath : "DIR"
            console.err(
                "injurysim merge: the study is not done: round \(round - 1)'s effective sample size is \(ess), below the target "
                    + "\(Format.fixed(merged.target, 1) ?? "") (half the \(scenario.replications) worlds), and --rounds \(merged.most) "
                    + "allows more. Run round \(round) — injurysim condition \(study.scenarioFile) --shard K/N --round \(round) "
                    + "--after \(root) with the study's other options — then merge every round's parts\n")
            return ExitCode.moreRounds
        }
        let table = ConditionReport(scenario: scenario, rounds: merged.rounds, maximumRounds: merged.most, target: merged.target)
        let choice = report
        let files = ConditionCommand.files(table)
        let names = choice.names(files.map(\.0))
        let manifest = Program.policyManifest(
            command: .condition, scenarios: [(scenario, study.scenarioContentHash)], files: names, extra: ConditionCommand.manifestExtra(table))
        let directory = out ?? "Results/" + scenario.name + "-conditioned"
        if let code = write(files + [("manifest.json", manifest)], report: choice, scenario: scenario, to: directory, paths: paths, console: console)
        {
            return code
        }
        if !quiet {
            console.out(table.renderTable())
            console.out(
                "\nMerged \(parts.count) parts of \(merged.rounds.count) rounds; results written to \(directory)/ (\(names.joined(separator: ", ")))\n"
            )
        }
        return ExitCode.success
    }
}
