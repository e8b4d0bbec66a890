/// One problem in a scenario file: where, what was found, and what is allowed.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// Field path such as `sectors.food-delivery.claimsPerMillionOrders`.
    public var path: String
    /// The offending value as written (empty when a field is missing).
    package var value: String
    /// What is wrong and what is allowed.
    public var message: String
    package var line: Int
    package var column: Int
    /// The file the value came from when it is a base scenario named by `extends`; empty for
    /// the scenario file itself.
    package var file: String = ""

    package init(path: String, value: String, message: String, line: Int, column: Int, file: String = "") {
        self.path = path
        self.value = value
        self.message = message
        self.line = line
        self.column = column
        self.file = file
    }

    public var description: String {
        let place =
            line > 0
            ? (file.isEmpty ? "" : file + ", ") + "line \(line), column \(column): " : (line == ScenarioOverride.commandLine ? "--set: " : "")
        let found = value.isEmpty ? "" : " (found \(value))"
        // A name may hold the very characters an issue reports; they are shown as \u{XXXX}.
        return place + NameRule.visible((path.isEmpty ? "" : path + ": ") + message + found)
    }
}
