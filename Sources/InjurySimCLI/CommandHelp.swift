import InjurySimOutput
import InjurySimScenario

/// The help, generated from ``CommandName`` and ``CommandLineOption``'s declarations: each
/// command's (`injurysim COMMAND --help`, `injurysim help COMMAND`) and the general one.
enum CommandHelp {
    /// `injurysim 1.17.0 (results format 4, parts 3)`: the one version parts and checkpoints record
    /// (``ProgramVersion/current``) and the formats this build writes.
    static var versionText: String {
        "\(ProgramVersion.current) (results format \(ResultFiles.formatVersion), parts \(PartManifest.partFormatVersion))\n"
    }

    /// The help of `command`: usage, what it does, its options with their defaults, an example.
    static func text(_ command: CommandName) -> String {
        if command == .help { return general }
        return "usage: injurysim \(command.synopsis)\n\n\(command.description)\n\noptions:\n"
            + optionLines(CommandLineOption.declared(for: command), command: command) + "\nexample:\n  \(command.example)\n"
    }

    /// The options' help lines, names in one column and help in the next.
    static func optionLines(_ options: [CommandLineOption], command: CommandName) -> String {
        let heads = options.map { option in "  " + option.names.joined(separator: ", ") + (option.value.map { " " + $0 } ?? "") }
        let width = (heads.map(\.count).max() ?? 0) + 2
        var text = ""
        for (head, option) in zip(heads, options) {
            let lines = option.help.replacingOccurrences(of: "{out}", with: command.defaultOut).split(
                separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let left = index == 0 ? head : ""
                text += left + String(repeating: " ", count: width - left.count) + line + "\n"
            }
        }
        return text
    }

    /// `injurysim help`: every command's synopsis and summary, the simulation options' names.
    static let general: String = {
        let commands = CommandName.allCases.filter { $0 != .help }
        var usage = commands.map { "injurysim " + $0.synopsis }
        let shardLine = "injurysim " + CommandName.simulation.map(\.rawValue).joined(separator: "|") + " … --shard K/N|auto/N --out PART [options]"
        usage.insert(shardLine, at: (usage.firstIndex { $0.hasPrefix("injurysim merge") } ?? usage.endIndex))
        usage.append("injurysim " + CommandName.help.synopsis)
        var text = "usage: " + usage.joined(separator: "\n       ") + "\n\n"
        let width = (commands.map(\.rawValue.count).max() ?? 0) + 2
        for command in commands {
            let lines = command.summary.split(separator: "\n")
            for (index, line) in lines.enumerated() {
                let left = index == 0 ? command.rawValue : ""
                text += left + String(repeating: " ", count: width - left.count) + line + "\n"
            }
        }
        // The options every simulation command takes, by name; each command's help describes them.
        var shared: [CommandLineOption] = []
        for option in CommandLineOption.all where option.name != "-h" && !shared.contains(where: { $0.name == option.name }) {
            if CommandName.simulation.allSatisfy({ CommandLineOption.lookup(option.name, for: $0) != nil }) { shared.append(option) }
        }
        var line = "options of " + CommandName.simulation.map(\.rawValue).joined(separator: ", ") + ":"
        var lines: [String] = []
        for option in shared {
            let item = option.names.joined(separator: ", ") + (option.value.map { " " + $0 } ?? "") + (option.repeatable ? " (repeatable)" : "")
            if line.count + 2 + item.count > 100 {
                lines.append(line)
                line = "        "
            } else if !line.hasSuffix(" ") {
                line += "  "
            }
            line += item
        }
        lines.append(line)
        text += "\n" + lines.joined(separator: "\n") + "\n"
        text += "(injurysim help COMMAND, or injurysim COMMAND --help, describes a command and its options)\n\n"
        text += """
            Exit codes: 0 ok, 64 bad arguments, scenario or a run too big for memory, 65 data that cannot
            be used (merge: parts damaged, mismatched, missing or doubled; report: a damaged results
            file), 73 results folder refused or not writable, 130 interrupted (--resume continues);
            validate-model 1 when a check fails; diff 1 when the scenarios differ; bench 70 when a workload fails.

            """
        return text
    }()
}
