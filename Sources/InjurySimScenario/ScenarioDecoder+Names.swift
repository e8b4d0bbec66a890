/// Names and free text checked against ``NameRule``, so that every output can carry them.
extension ScenarioDecoder {
    /// The name the result files give the sum over all pools (`monthly.csv`) and the whole
    /// scheme (a published figure's book); no sector, platform, province or pool may take it.
    static let reservedName = "total"

    /// Logs an issue when `text` breaks `rule`: the field path, the refused character (as
    /// U+XXXX, with its position) and what the rule allows; for an identifier, also when it is
    /// ``reservedName``.
    static func checkName(_ text: String, _ rule: NameRule, path: String, node: JSONNode?, log: IssueLog) {
        if let violation = rule.violation(in: text) {
            log.add(path, node, "\(violation); \(rule.allowed)")
        } else if rule == .identifier && text == reservedName {
            log.add(
                path, node,
                "\"\(reservedName)\" is reserved: the result files use it for the sum over all pools and for the whole scheme; choose another name")
        }
    }
}
