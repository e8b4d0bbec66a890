import InjurySimScenario

/// `injurysim show SCENARIO [--set PATH=VALUE …]`: the scenario as one resolved JSON document —
/// its `extends` merged, the phases it `continues` inlined and the overrides applied — on
/// stdout; when that scenario is not valid, its problems on stderr and exit 64.
struct ShowCommand: Command {
    static let name = CommandName.show
    var file: String
    var sets: [String]

    init(_ parsed: ParsedArguments) throws(UsageError) {
        file = parsed.operands[0]
        sets = parsed.values("--set")
    }

    func run(console: Console) -> Int32 {
        do throws(ScenarioError) {
            let overrides = try sets.map { text throws(ScenarioError) in try ScenarioOverride(parsing: text) }
            console.out(try ScenarioLoader.resolvedText(path: file, overrides: overrides))
            // Checked as run would load it, so problems point into the files as written.
            _ = try ScenarioLoader.load(path: file, overrides: overrides)
            return ExitCode.success
        } catch {
            console.err(error.description + "\n")
            return ExitCode.usage
        }
    }
}
