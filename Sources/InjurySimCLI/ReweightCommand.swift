import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// `injurysim reweight SCENARIO DIR [--set PATH=DISTRIBUTION …] [--no-condition]`: the worlds of
/// a finished run reweighted to other input distributions and to the published figures'
/// observation models, printed beside the verdict over all worlds. Runs nothing.
struct ReweightCommand: Command {
    static let name = CommandName.reweight
    var scenarioFile: String
    var folder: String
    var sets: [String]
    var condition: Bool

    init(_ parsed: ParsedArguments) throws(UsageError) {
        scenarioFile = parsed.operands[0]
        folder = parsed.operands[1]
        sets = parsed.values("--set")
        condition = !parsed.has("--no-condition")
    }

    func run(console: Console) -> Int32 {
        let prior: Scenario, target: Scenario
        do throws(Program.CommandError) {
            prior = try Program.scenario(scenarioFile, overrides: [])
            target = try Program.scenario(scenarioFile, overrides: Program.parseOverrides(sets))
        } catch {
            console.err("injurysim reweight: " + MergeCommand.message(error) + "\n")
            return ExitCode.usage
        }
        let results: ResultsFolder
        do throws(ReportError) {
            results = try ResultsFolder(texts: ResultsFolder.texts(in: folder, names: ResultsFolder.requiredFiles), folder: folder)
        } catch {
            console.err("injurysim reweight: \(error.description)\n")
            return ExitCode.dataError
        }
        do throws(WhatIfError) {
            let answer = try WhatIfAnswer(prior: prior, target: target, results: results, condition: condition)
            console.out(answer.lines.joined(separator: "\n") + "\n")
            return ExitCode.success
        } catch {
            console.err("injurysim reweight: \(error.description)\n")
            return ExitCode.dataError
        }
    }
}
