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
            return figures
        }
    }
}
