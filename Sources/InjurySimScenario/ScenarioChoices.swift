import InjurySimCore

/// A scenario's `"choices"`: the decisive assumptions the verdict is also shown under, each a
/// setting written as `--set` writes it (`"benefits.grade1to4Allowance=toRetirement"`). Each
/// choice's scenario is the document with that one setting applied, decoded as any scenario is,
/// so a choice is checked as strictly as the file itself.
enum ScenarioChoices {
    /// Fields a choice may not set: they make another study (its worlds, horizon or name), not
    /// another assumption over the same worlds.
    static let fixedFields: Set<String> = [
        "name", "seed", "replications", "sampleFraction", "uncertainty", "startMonth", "months", "choices", "continues", "extends",
        "shardSize", "minimumSampledWorkersPerPool", "reportLanguage", "label", "description", "$schema"
    ]

    /// Takes `"choices"` out of `root` and returns each choice's settings with its node (for
    /// messages). A choice is one setting, or a list of settings applied together (a grade 1–4
    /// share set to nothing is four grades of a severity mix).
    static func take(_ root: inout JSONNode, file: String) throws(ScenarioError) -> [(settings: [String], node: JSONNode)] {
        guard case .object(let members) = root.value, let entry = members.first(where: { $0.key == "choices" }) else { return [] }
        root.value = .object(members.filter { $0.key != "choices" })
        guard case .array(let items) = entry.value.value else {
            throw failure(
                file: file, path: "choices", node: entry.value, "expected a list of settings such as \"benefits.grade1to4Allowance=toRetirement\"")
        }
        guard items.count <= Scenario.maximumChoices else {
            throw failure(
                file: file, path: "choices", node: entry.value,
                "has \(items.count) choices; at most \(Scenario.maximumChoices) are allowed (each one runs the study again)")
        }
        var choices: [([String], JSONNode)] = []
        var issues: [ScenarioIssue] = []
        let expected = "expected a setting in double quotes, PATH=VALUE as --set takes it, or a list of such settings applied together"
        for (index, item) in items.enumerated() {
            switch item.value {
            case .string(let text): choices.append(([text], item))
            case .array(let list) where !list.isEmpty && list.count <= maximumSettings:
                var texts: [String] = []
                for setting in list {
                    if case .string(let text) = setting.value { texts.append(text) }
                }
                guard texts.count == list.count else {
                    issues += failure(file: file, path: "choices[\(index)]", node: item, expected).issues
                    continue
                }
                choices.append((texts, item))
            case .array(let list):
                issues +=
                    failure(file: file, path: "choices[\(index)]", node: item, "has \(list.count) settings; a choice has 1 to \(maximumSettings)")
                    .issues
            default: issues += failure(file: file, path: "choices[\(index)]", node: item, expected).issues
            }
        }
        guard issues.isEmpty else { throw ScenarioError(file: file, issues: issues) }
        return choices
    }

    /// The most settings one choice applies together.
    static let maximumSettings = 32

    /// A choice's name: its settings joined by " & ".
    static func label(_ settings: [String]) -> String { settings.joined(separator: " & ") }

    /// The override a setting of a choice makes, refused when it does not parse or sets a field
    /// that makes another study.
    static func override(_ setting: String, index: Int, node: JSONNode, file: String) throws(ScenarioError) -> ScenarioOverride {
        let override: ScenarioOverride
        do throws(ScenarioError) { override = try ScenarioOverride(parsing: setting) } catch {
            throw failure(file: file, path: "choices[\(index)]", node: node, error.issues.map(\.message).joined(separator: "; "))
        }
        let head = String(override.path.prefix { $0 != "." && $0 != "[" })
        guard !fixedFields.contains(head) else {
            throw failure(
                file: file, path: "choices[\(index)]", node: node,
                "sets \(head), which makes another study rather than another assumption over the same worlds; a choice may set any field but "
                    + fixedFields.sorted().joined(separator: ", "))
        }
        return override
    }

    static func failure(file: String, path: String, node: JSONNode, _ message: String) -> ScenarioError {
        ScenarioError(
            file: file,
            issues: [ScenarioIssue(path: path, value: node.excerpt, message: message, line: node.line, column: node.column, file: node.source)])
    }
}
