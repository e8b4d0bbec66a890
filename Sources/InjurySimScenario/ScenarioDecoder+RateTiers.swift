import InjurySimCore

/// Decoding the rate rules beside the float: the two-tier assignment (`rateTiers`) and the
/// float's first review per province (`rateFloat.firstReview`).
extension ScenarioDecoder {
    /// The `rateTiers` object (nil when the file has none; issues logged).
    static func decodeRateTiers(_ node: JSONNode, log: IssueLog, sectors: DefinedNames, start: YearMonth?, months: Int?) -> RateTierRule? {
        guard let r = ObjectReader(node, path: "rateTiers", log: log, kind: .rateTiers) else { return nil }
        let month = r.month("month", required: false)
        let from = r.month("windowFrom")
        let to = r.month("windowTo")
        let listed = r.names("sectors", allowed: sectors)
        if let node = r.node("sectors") {
            if case .array(let items) = node.value, items.isEmpty { log.add(r.path("sectors"), node, "needs at least one sector") }
        } else {
            log.add(r.path("sectors"), nil, "is required but missing: the sectors whose platforms the tiers apply to")
        }
        let low = r.number("lowYuanPerOrder", range: 0...100, unit: "yuan per order")
        let high = r.number("highYuanPerOrder", range: 0...100, unit: "yuan per order")
        let threshold = r.param("paidRatioThreshold", in: Scenario.rateTierInputs)
        r.finish()
        if let low, let high, high < low {
            log.add(r.path("highYuanPerOrder"), r.node("highYuanPerOrder"), "must not be below lowYuanPerOrder (\(low))")
        }
        if let from, let to, to < from {
            log.add(r.path("windowTo"), r.node("windowTo"), "is before windowFrom (\(from)); the window runs from windowFrom to windowTo")
        }
        let effective = month ?? start
        if let month, let start, let months, month < start || month >= start.adding(months: months) {
            log.add(
                r.path("month"), r.node("month"),
                "\(month) is outside the horizon (\(start) to \(start.adding(months: months - 1))); leave it out to apply the tiers in the first month"
            )
        }
        if let to, let effective, to >= effective {
            log.add(
                r.path("windowTo"), r.node("windowTo"),
                "must be before the month the tiers apply (\(effective)): the paid ratio is read over closed months")
        }
        guard let from, let to, let listed, !listed.isEmpty, let low, let high, let threshold else { return nil }
        return RateTierRule(
            month: month, windowFrom: from, windowTo: to, sectors: listed, lowYuanPerOrder: low, highYuanPerOrder: high,
            paidRatioThreshold: threshold)
    }

    /// `rateFloat.firstReview`: province name → the first review month that may move its rates.
    static func firstReviews(_ r: ObjectReader, provinces: DefinedNames) -> [Int: YearMonth]? {
        guard let node = r.node("firstReview") else { return [:] }
        guard let map = ObjectReader(node, path: r.path("firstReview"), log: r.log) else { return nil }
        var out: [Int: YearMonth] = [:]
        var ok = true
        for member in map.allMembers() {
            let path = map.path(member.key)
            guard let province = provinces.index(of: member.key, path: path, node: member.value, log: r.log) else {
                ok = false
                continue
            }
            guard case .string(let text) = member.value.value, let month = YearMonth(parsing: text) else {
                r.log.add(path, member.value, "expected a month as \"YYYY-MM\" (for example \"2027-01\")")
                ok = false
                continue
            }
            out[province] = month
        }
        return ok ? out : nil
    }
}
