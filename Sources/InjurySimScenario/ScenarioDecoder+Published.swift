import InjurySimCore

extension ScenarioDecoder {
    /// `published[]`: figures published for the whole scheme, a platform or a sector at a month
    /// of the horizon.
    static func publishedFigures(
        _ node: JSONNode, log: IssueLog, start: YearMonth?, months: Int?, platformNames: DefinedNames, sectorNames: DefinedNames
    ) -> [Scenario.PublishedFigures] {
        list(node, path: "published", kind: .published, log: log) { r, path in
            let month = r.month("month")
            let insured = r.number("insuredPersons", default: -1, range: -1...1e10)
            let injuries = r.number("recognisedInjuries", default: -1, range: -1...1e10)
            let paid = r.number("benefitsPaidYuan", default: -1, range: -1...1e14, unit: "yuan")
            let contributions = r.number("contributionsYuan", default: -1, range: -1...1e14, unit: "yuan")
            let source = r.string("source", default: "")
            if let source { checkName(source, .text, path: path + ".source", node: r.node("source"), log: log) }
            let platform = r.string("platform", default: "")
            let sector = r.string("sector", default: "")
            let given: [String: Double?] = [
                "insuredPersons": insured, "recognisedInjuries": injuries, "benefitsPaidYuan": paid, "contributionsYuan": contributions
            ]
            let observations = r.node("observation").map { observationModels($0, path: path + ".observation", figures: given, log: log) }
            r.finish()
            guard let month, let insured, let injuries, let paid, let contributions, let source, let platform, let sector else { return nil }
            let platformIndex =
                platform.isEmpty ? nil : platformNames.index(of: platform, path: path + ".platform", node: r.node("platform"), log: log)
            let sectorIndex = sector.isEmpty ? nil : sectorNames.index(of: sector, path: path + ".sector", node: r.node("sector"), log: log)
            if !platform.isEmpty && !sector.isEmpty {
                log.add(
                    path, r.node("sector"),
                    "names a platform and a sector; a figure belongs to one of them (or, with neither, to the whole scheme)")
            }
            if let start, let months, month.months(since: start) < 0 || month.months(since: start) >= months {
                log.add(path + ".month", r.node("month"), "must fall within the horizon \(start) … \(start.adding(months: months - 1))")
            }
            var figures = Scenario.PublishedFigures(
                month: month, insuredPersons: insured >= 0 ? insured : nil,
                recognisedInjuries: injuries >= 0 ? injuries : nil,
                benefitsPaidYuan: paid >= 0 ? paid : nil, source: source)
            figures.contributionsYuan = contributions >= 0 ? contributions : nil
            figures.platform = platformIndex
            figures.sector = sectorIndex
            figures.observations = observations ?? [:]
            return figures
        }
    }

    /// `published[].observation`: for each figure the entry gives, how it was observed —
    /// `{"relativeError": e}` (normal, sd e × the published value) or `{"interval": [low, high]}`.
    static func observationModels(_ node: JSONNode, path: String, figures: [String: Double?], log: IssueLog) -> [String: Observation] {
        guard let r = ObjectReader(node, path: path, log: log, kind: .observation) else { return [:] }
        var models: [String: Observation] = [:]
        let given = figures.filter { ($0.value ?? -1) >= 0 }.keys.sorted()
        for member in r.allMembers() {
            let memberPath = path + "." + member.key
            guard given.contains(member.key) else {
                let named = figures.keys.contains(member.key) ? "is not given in this entry" : "names no published figure"
                log.add(
                    memberPath, member.value,
                    "\(named); an observation belongs to a figure the entry gives: " + (given.isEmpty ? "none" : given.joined(separator: ", ")))
                continue
            }
            guard let m = ObjectReader(member.value, path: memberPath, log: log, kind: .observationModel) else { continue }
            let hasError = m.node("relativeError") != nil, hasInterval = m.node("interval") != nil
            if hasError == hasInterval {
                log.add(memberPath, member.value, "expected exactly one of {\"relativeError\": e} (0 < e ≤ 10) or {\"interval\": [low, high]}")
            } else if hasError {
                if let e = m.number("relativeError", range: 1e-6...10) { models[member.key] = .normal(relativeError: e) }
            } else if let bounds = m.node("interval").flatMap({ pair($0, path: memberPath + ".interval", log: log) }) {
                if bounds[0] < bounds[1] && bounds[0] >= 0 {
                    models[member.key] = .interval(low: bounds[0], high: bounds[1])
                } else {
                    log.add(memberPath + ".interval", m.node("interval"), "expected [low, high] with 0 ≤ low < high")
                }
            }
            m.finish()
        }
        return models
    }

    /// Two numbers `[a, b]`, each ≥ 0 and below 10¹⁴ (logged otherwise).
    static func pair(_ node: JSONNode, path: String, log: IssueLog) -> [Double]? {
        guard case .array(let items) = node.value, items.count == 2 else {
            log.add(path, node, "expected a list of 2 numbers [low, high]")
            return nil
        }
        let values = items.enumerated().compactMap { number($1, path: path + "[\($0)]", range: 0...1e14, log: log) }
        return values.count == 2 ? values : nil
    }
}
