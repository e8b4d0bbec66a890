import InjurySimFormat

/// One axis of a sweep: a scenario path and the values it takes.
package struct SweepAxis: Sendable {
    package var path: String
    package var values: [String]

    /// The most values one axis may take, as a range or as a list.
    package static let maximumPoints = 1000

    /// Parses `PATH=a,b,c` or `PATH=low:high:step` (inclusive of high, within rounding).
    package init(parsing argument: String) throws(ScenarioError) {
        let single = try ScenarioOverride(parsing: argument)
        path = single.path
        let text = single.text
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3, let low = Double(parts[0]), let high = Double(parts[1]), let step = Double(parts[2]) {
            // Points counted before conversion, so a huge or non-finite count is refused, not trapped.
            let points = ((high - low) / step + 1e-9).rounded(.down) + 1
            guard step > 0, high >= low, points <= Double(Self.maximumPoints) else {
                throw ScenarioOverride.error(
                    path, text, "a range is low:high:step with step > 0, high ≥ low and at most \(Self.maximumPoints) points")
            }
            values = (0..<Int(points)).map { Format.short(low + Double($0) * step) }
        } else if text.hasPrefix("{") || text.hasPrefix("[") || text.hasPrefix("\"") {
            values = [text]
        } else {
            values = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if values.contains(where: \.isEmpty) {
                throw ScenarioOverride.error(path, text, "a list of values is written a,b,c with no empty entries")
            }
            if values.count > Self.maximumPoints {
                throw ScenarioOverride.error(
                    path, String(text.prefix(60)) + "…",
                    "a list has \(values.count) values; an axis takes at most \(Self.maximumPoints) (as for a range low:high:step)")
            }
        }
    }

    /// True when the axis has more than one value.
    package var isAxis: Bool { values.count > 1 }
}
