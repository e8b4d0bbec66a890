import InjurySimCore

/// The optional `label` objects that give the scenario and each sector, platform and province a
/// display name per report language: `"label": {"en": "Guangdong", "zh": "广东"}`. Names stay the
/// keys of files and command lines; a report shows the label of its language, else the name.
extension ScenarioDecoder {
    /// The languages a label may hold.
    static let labelLanguages = ["en", "zh"]

    /// The scenario's labels: its own (top-level `label`) and those of its named objects.
    static func decodeLabels(_ top: ObjectReader, log: IssueLog) -> Scenario.Labels {
        var labels = Scenario.Labels(scenario: top.node("label").flatMap { label($0, path: "label", log: log) })
        for kind in Scenario.Labels.kinds {
            guard let node = top.node(kind), case .object(let members) = node.value else { continue }
            for member in members {
                guard case .object(let fields) = member.value.value, let value = fields.first(where: { $0.key == "label" })?.value else { continue }
                if let parsed = label(value, path: "\(kind).\(member.key).label", log: log) { labels.names[kind, default: [:]][member.key] = parsed }
            }
        }
        return labels
    }

    /// One `label` object: `en` and `zh`, each 1 to 100 characters of display text.
    static func label(_ node: JSONNode, path: String, log: IssueLog) -> Scenario.Label? {
        guard let reader = ObjectReader(node, path: path, log: log) else { return nil }
        var label = Scenario.Label()
        for language in labelLanguages {
            guard let text = reader.string(language) else { continue }
            if text.isEmpty || text.count > 100 {
                log.add(reader.path(language), reader.node(language), "must be 1 to 100 characters (the name shown in \(language) reports)")
                continue
            }
            checkName(text, .text, path: reader.path(language), node: reader.node(language), log: log)
            if language == "en" { label.en = text } else { label.zh = text }
        }
        reader.finish(allowed: labelLanguages)
        return label
    }
}
