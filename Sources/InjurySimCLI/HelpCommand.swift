/// `injurysim help [COMMAND]`: the general help, or a command's (the same text as `COMMAND --help`).
struct HelpCommand: Command {
    static let name = CommandName.help
    var topic: CommandName?

    init(_ parsed: ParsedArguments) throws(UsageError) {
        guard let name = parsed.operands.first else { return }
        guard let topic = CommandName(rawValue: name) else { throw Program.unknownCommand(name) }
        self.topic = topic
    }

    func run(console: Console) -> Int32 {
        console.out(topic.map(CommandHelp.text) ?? Program.usage)
        return ExitCode.success
    }
}
