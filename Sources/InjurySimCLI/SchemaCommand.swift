import InjurySimScenario

/// `injurysim schema`: the JSON Schema of scenario files, generated from the decoder's
/// declarations (docs/scenario.schema.json is a copy).
struct SchemaCommand: Command {
    static let name = CommandName.schema

    init(_ parsed: ParsedArguments) throws(UsageError) {}

    func run(console: Console) -> Int32 {
        console.out(ScenarioSchema.text)
        return ExitCode.success
    }
}
