import InjurySimCore

/// Decoding the `financing` block: the method the verdict judges by, its reserve target and the
/// general average premium's periods (Scenarios/README.md, "financing").
extension ScenarioDecoder {
    static func decodeFinancing(_ node: JSONNode?, log: IssueLog) -> Scenario.Financing? {
        let standard = Scenario.Financing.standard
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "financing", log: log, kind: .financing) else { return nil }
        let method: Scenario.Financing.Method = r.choice("method", default: standard.method)
        let target = r.number("reserveTargetMonths", default: standard.reserveTargetMonths, range: 0...240, unit: "months")
        let closing = r.number("closingReserveYears", default: standard.closingReserveYears, range: 0...20, unit: "years")
        let periods = r.node("gapYears").map { gapYears($0, path: r.path("gapYears"), log: log) } ?? standard.gapYears
        r.finish()
        guard let target, let closing, let periods else { return nil }
        return Scenario.Financing(method: method, reserveTargetMonths: target, closingReserveYears: closing, gapYears: periods)
    }

    /// Whole years from 1 to 100, strictly ascending, at least one.
    static func gapYears(_ node: JSONNode, path: String, log: IssueLog) -> [Int]? {
        let allowed = "a list of whole numbers of years from 1 to 100, ascending, for example [10, 20, 30]"
        guard case .array(let items) = node.value, !items.isEmpty else {
            log.add(path, node, "expected \(allowed)")
            return nil
        }
        var years: [Int] = []
        for (position, item) in items.enumerated() {
            guard let value = integer(item, path: path + "[\(position)]", range: 1...100, log: log) else { return nil }
            if let last = years.last, value <= last {
                log.add(path + "[\(position)]", item, "is \(value) after \(last); expected \(allowed)")
                return nil
            }
            years.append(value)
        }
        return years
    }
}
