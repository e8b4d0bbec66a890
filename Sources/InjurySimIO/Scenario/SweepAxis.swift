import InjurySimAnalysis

/// One axis of a sweep: a scenario path and the values it takes.
package struct SweepAxis: Sendable {
    package var path: String
    package var values: [String]

    /// Parses `PATH=a,b,c` or `PATH=low:high:step` (inclusive of high, within rounding).
    package init(parsing argument: String) throws(ScenarioError) {
        let single = try ScenarioOverride(parsing: argument)
        path = single.path
        let text = single.text
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3, let low = Double(parts[0]), let high = Double(parts[1]), let step = Double(parts[2]) {
            guard step > 0, high >= low, (high - low) / step <= 1000 else {
                throw ScenarioOverride.error(path, text, "a range is low:high:step with step > 0, high ≥ low and at most 1,000 points")
            }
            let count = Int(((high - low) / step + 1e-9).rounded(.down)) + 1
            values = (0..<count).map { PolicyCommands.shortText(low + Double($0) * step) }
        } else if text.hasPrefix("{") || text.hasPrefix("[") || text.hasPrefix("\"") {
            values = [text]
        } else {
            values = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if values.contains(where: \.isEmpty) {
                throw ScenarioOverride.error(path, text, "a list of values is written a,b,c with no empty entries")
            }
        }
    }

    /// True when the axis has more than one value.
    package var isAxis: Bool { values.count > 1 }
}
