import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// A bad command line: what is wrong, in one line, and perhaps the name meant.
struct UsageError: Error {
    var message: String
    /// A declared option or command within a small edit distance of what was given.
    var suggestion: String?

    init(message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    /// The line printed: the message and, when there is one, the suggestion.
    var line: String { message + (suggestion.map { "; did you mean \($0)?" } ?? "") }
}

/// A command line read against ``CommandLineOption``'s declarations: the operands (files or
/// folders) and every option given, in order. Values are checked by the typed accessors.
struct ParsedArguments {
    var command: CommandName
    var operands: [String] = []
    /// Each option as given: its canonical name and its value (nil for a flag).
    var given: [(name: String, value: String?)] = []

    func has(_ name: String) -> Bool { given.contains { $0.name == name } }

    /// The value of a single-valued option, if given.
    func value(_ name: String) -> String? { given.last { $0.name == name }?.value }

    /// Every value of a repeatable option, in order.
    func values(_ name: String) -> [String] { given.filter { $0.name == name }.compactMap(\.value) }

    /// A whole number in `range`, if the option is given.
    func integer(_ name: String, _ range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// `--lang en|zh`, if given.
    func language() throws(UsageError) -> ReportLanguage? {
        guard let text = value("--lang") else { return nil }
        guard let chosen = ReportLanguage(rawValue: text) else { throw UsageError(message: "--lang must be en or zh, got '\(text)'") }
        return chosen
    }
}

/// The one argument reader every command shares: operands, options by their declarations,
/// `--` ending the options, duplicates refused, and the operand count checked.
enum ArgumentParser {
    static func parse(_ arguments: [String], for command: CommandName) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: command)
        var seen: [String: String] = [:]
        var optionsEnded = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.operands.append(argument)
                continue
            }
            if argument == "--" {
                // Everything after `--` is an operand, even when it starts with a dash.
                optionsEnded = true
                continue
            }
            guard let option = CommandLineOption.lookup(argument, for: command) else { throw unknownOption(argument, command) }
            if !option.repeatable {
                if let earlier = seen[option.name] {
                    throw UsageError(message: "\(argument) is given twice (\(earlier) and \(argument)); give it once")
                }
                seen[option.name] = argument
            }
            var value: String?
            if let placeholder = option.value {
                guard index < arguments.count else { throw UsageError(message: "\(argument) needs a value (\(argument) \(placeholder))") }
                value = arguments[index]
                index += 1
            }
            parsed.given.append((option.name, value))
        }
        try checkOperands(parsed.operands, command)
        return parsed
    }

    static func unknownOption(_ argument: String, _ command: CommandName) -> UsageError {
        let names = CommandLineOption.declared(for: command).flatMap(\.names).filter { $0.count > 2 }
        if let near = nearest(argument, among: names) { return UsageError(message: "unknown option '\(argument)'", suggestion: near) }
        let others = CommandName.allCases.filter { CommandLineOption.lookup(argument, for: $0) != nil }
        if !others.isEmpty {
            return UsageError(
                message: "unknown option '\(argument)' (an option of \(others.map(\.rawValue).joined(separator: ", ")), not of \(command.rawValue))")
        }
        let hint = command.operands.range.upperBound > 0 ? " (a file whose name starts with '-' goes after '--')" : ""
        return UsageError(message: "unknown option '\(argument)'" + hint)
    }

    static func checkOperands(_ operands: [String], _ command: CommandName) throws(UsageError) {
        let (range, noun) = command.operands
        let name = command.rawValue
        if range.lowerBound > 1 && range.lowerBound == range.upperBound && operands.count != range.lowerBound {
            throw UsageError(message: "\(name) needs \(noun), got \(operands.count) operand\(operands.count == 1 ? "" : "s")")
        }
        if operands.count < range.lowerBound {
            let count =
                range == 1...1
                ? "a" : range.lowerBound == 1 ? "at least one" : range.lowerBound == 2 ? "at least two" : "at least \(range.lowerBound)"
            throw UsageError(message: "\(name) needs \(count) \(noun)\(range.lowerBound > 1 ? "s" : "")")
        }
        if operands.count > range.upperBound {
            if range.upperBound == 0 { throw UsageError(message: "\(name) takes no \(noun)s, got '\(operands[0])'") }
            let count = range.upperBound == 1 ? "one" : "\(range.upperBound)"
            throw UsageError(message: "\(name) takes \(count) \(noun)\(range.upperBound == 1 ? "" : "s"), got \(operands.count)")
        }
    }

    /// The name in `names` nearest to `given` (``NearestName``'s rule).
    static func nearest(_ given: String, among names: [String]) -> String? {
        NearestName.suggestion(for: given, among: names)
    }
}
