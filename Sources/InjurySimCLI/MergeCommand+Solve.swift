import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimOutput
import InjurySimScenario

/// `injurysim merge` of `solve --shard` parts: the folder `solve` writes, byte for byte.
extension MergeCommand {
    static func mergeSolve(
        _ parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool,
        report: Program.ReportChoice, console: Console
    ) -> Int32 {
        let merged: (scenario: Scenario, share: PolicyCommands.SolveShare)
        do throws(PartError) { merged = try PartMerge.mergeSolve(parts) } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        let study = parts[0].manifest
        let scenario = merged.scenario
        let targetText = study.target ?? ""
        let forSector = study.forSector ?? "all"
        let sector = scenario.sectors.firstIndex { $0.name == forSector }
        guard let target = PolicyCommands.Target(parsing: targetText), forSector == "all" || sector != nil else {
            console.err(
                "injurysim merge: part \(parts[0].label): manifest.json: target '\(targetText)' or for '\(forSector)' is not one this build reads\n")
            return ExitCode.dataError
        }
        let solution = PolicyCommands.solution(scenario, target: target, sector: sector, share: merged.share)
        let table = SolveReport(solution: solution)
        // As `solve` publishes it (Program.publish): its file, then the policy manifest.
        let files = [("solve.json", table.renderJSON().rendered())]
        let names = report.names(files.map(\.0))
        let manifest = Program.policyManifest(
            command: .solve, scenarios: [(scenario, study.scenarioContentHash)], files: names,
            extra: ["target": .string(targetText), "for": .string(forSector)])
        let directory = out ?? "Results/" + scenario.name + "-solve"
        if let code = write(files + [("manifest.json", manifest)], report: report, scenario: scenario, to: directory, paths: paths, console: console)
        {
            return code
        }
        if !quiet {
            console.out("InjurySim solve — \(scenario.name), \(scenario.replications) replications, seed \(scenario.seed)\n")
            console.out(table.renderText())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }
}
