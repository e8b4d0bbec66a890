import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// Scenario files in: loading with overrides and the command line's options, warnings said.
extension Program {
    /// Loads a scenario with `--set` overrides and the command-line options applied.
    static func load(_ path: String, _ options: CommandOptions, overrides: [ScenarioOverride], console: Console) throws(ScenarioError) -> (
        Scenario, String
    ) {
        var (scenario, hash) = try ScenarioLoader.load(path: path, overrides: overrides)
        if let replications = options.replications { scenario.replications = replications }
        if let seed = options.seed { scenario.seed = seed }
        if let fraction = options.sampleFraction { scenario.sampleFraction = fraction }
        if let uncertainty = options.uncertainty { scenario.uncertainty = uncertainty }
        if !overrides.isEmpty { hash += "+set:" + overrides.map { $0.path + "=" + $0.text }.joined(separator: ";") }
        // The command line's sample fraction changes the money bound's scaling term.
        let log = IssueLog()
        ScenarioChecks.moneyRange(scenario, root: nil, log: log)
        if !log.issues.isEmpty { throw ScenarioError(file: path, issues: log.issues) }
        for warning in scenario.warnings { console.err("warning: \(path): \(warning)\n") }
        return (scenario, hash)
    }

    static func loadAll(_ options: CommandOptions, overrides: [ScenarioOverride], console: Console) throws(CommandError) -> [(Scenario, String)] {
        var loaded: [(Scenario, String)] = []
        var issues: [ScenarioIssue] = []
        var files: [String] = []
        for file in options.files {
            do throws(ScenarioError) {
                loaded.append(try load(file, options, overrides: overrides, console: console))
            } catch {
                issues.append(contentsOf: error.issues)
                files.append(error.file)
            }
        }
        if !issues.isEmpty { throw .scenario(ScenarioError(file: files.joined(separator: ", "), issues: issues)) }
        return loaded
    }

    /// The one scenario file of `run`, `solve` and `sensitivity`, with its overrides applied.
    static func loadSingle(_ options: CommandOptions, console: Console) throws(CommandError) -> (Scenario, String) {
        try loadAll(options, overrides: parseOverrides(options.sets), console: console)[0]
    }

    /// The scenario of a study over its uncertain inputs in one phase (`sobol`, `condition`): a
    /// scenario that continues another, or has no uncertain input, is refused.
    static func loadInputStudy(_ options: CommandOptions, console: Console) throws(CommandError) -> (Scenario, String) {
        let (scenario, hash) = try loadSingle(options, console: console)
        let command = options.command.rawValue
        guard scenario.earlierPhases.isEmpty else {
            throw .usage(
                "\(command) runs one phase; \(scenario.name) continues \(scenario.continues ?? "an earlier phase") (run it on a scenario without \"continues\")"
            )
        }
        guard scenario.uncertainty, !scenario.uncertainInputs.isEmpty else {
            throw .usage("\(command) needs uncertain inputs; \(scenario.name) has none\(scenario.uncertainty ? "" : " (uncertainty is off)")")
        }
        return (scenario, hash)
    }

    /// A scenario file with `overrides`, as a command that runs nothing reads it (no warnings said).
    static func scenario(_ path: String, overrides: [ScenarioOverride]) throws(CommandError) -> Scenario {
        do throws(ScenarioError) { return try ScenarioLoader.load(path: path, overrides: overrides).0 } catch { throw .scenario(error) }
    }

    static func parseOverrides(_ texts: [String]) throws(CommandError) -> [ScenarioOverride] {
        var overrides: [ScenarioOverride] = []
        for text in texts {
            do throws(ScenarioError) { overrides.append(try ScenarioOverride(parsing: text)) } catch { throw .scenario(error) }
        }
        return overrides
    }
}
