import InjurySimCore

/// Decoding the `benefits` block and the lists and life table it holds.
extension ScenarioDecoder {
    static func decodeBenefits(_ node: JSONNode?, log: IssueLog) -> Scenario.Benefits? {
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "benefits", log: log, kind: .benefits) else { return nil }
        movedToBasis(r, ["wageGrowthPerYear": "wageGrowthPerYear", "medicalInflationPerYear": "medicalInflationPerYear"])
        var incomes = urbanIncomeDefaults
        if let tableNode = r.node("urbanIncomeByYear"), let map = ObjectReader(tableNode, path: r.path("urbanIncomeByYear"), log: log) {
            incomes = [:]
            for member in map.allMembers() {
                guard let year = Int(member.key), (1990...2200).contains(year) else {
                    log.add(map.path(member.key), member.value, "keys must be years such as \"2024\"")
                    continue
                }
                if let value = number(member.value, path: map.path(member.key), range: 1...10_000_000, unit: "yuan", log: log) {
                    incomes[year] = value
                }
            }
            if incomes.isEmpty { log.add(r.path("urbanIncomeByYear"), tableNode, "needs at least one year") }
        }
        let incomeGrowth = r.param("urbanIncomeGrowthPerYear", in: Scenario.benefitInputs)
        let delay = r.param("reportingDelayDays", in: Scenario.benefitInputs)
        let medicalLag = r.integer("medicalLagMonths", default: 2, range: 0...120)
        let appraisalLag = r.integer("appraisalLagMonths", default: 9, range: 0...120)
        let deathLag = r.integer("deathLagMonths", default: 3, range: 0...120)
        for removed in ["allowanceYears", "dependantsPensionYears", "dependantsPensionShare"] {
            r.retired.insert(removed)
            if let node = r.node(removed) {
                r.log.add(
                    r.path(removed), node,
                    "was removed: allowances and pensions now run with ages and survival "
                        + "(see mortality, retirementAgeMen/Women, pensionAfterRetirementYuan, childrenPerDeath, parentsPerDeath, "
                        + "spousePerDeath in Scenarios/README.md); delete this key")
            }
        }
        let table = lifeTable(r)
        let loading = r.param("mortalityLoading", in: Scenario.benefitInputs)
        let disabledMortality = numberList(
            r, "disabledMortality", count: 4, default: [4, 3, 2, 1.5], range: 1...50,
            what: "hazard multipliers after a grade 1, 2, 3 and 4 disability")
        let retirementMen = r.number("retirementAgeMen", default: 63, range: 40...80, unit: "years")
        let retirementWomen = r.number("retirementAgeWomen", default: 58, range: 40...80, unit: "years")
        let pension = r.param("pensionAfterRetirementYuan", in: Scenario.benefitInputs)
        let children = r.param("childrenPerDeath", in: Scenario.benefitInputs)
        let parents = r.param("parentsPerDeath", in: Scenario.benefitInputs)
        let spouse = r.param("spousePerDeath", in: Scenario.benefitInputs)
        let childAge = r.number("childSupportAge", default: 18, range: 0...30, unit: "years")
        let careNeed = shares4(r, "careNeedProbability", default: [1, 1, 0.5, 0.2])
        let careLevel = shares4(r, "careLevel", default: [0.5, 0.4, 0.3, 0.3])
        // Grades 5–6 allowances are the platform's unless a scenario's list leaves them out.
        var platformPays: Set<BenefitItem> = [.grade5to6Allowance]
        if let names = r.names("platformPays", allowed: DefinedNames(BenefitItem.allCases.map(\.rawValue), what: "benefit item")) {
            platformPays = Set(names.map { BenefitItem.allCases[$0] })
        }
        let suspension: Scenario.SuspensionWagesPayer = r.choice("suspensionWages", default: .none)
        let term = r.node("grade1to4Allowance").map { allowanceTerm($0, path: r.path("grade1to4Allowance"), log: r.log) } ?? .life
        r.finish()
        guard let incomeGrowth, let delay, let medicalLag, let appraisalLag, let deathLag,
            let careNeed, let careLevel, let table, let loading, let disabledMortality, let retirementMen, let retirementWomen,
            let pension, let children, let parents, let spouse, let childAge
        else { return nil }
        var benefits = Scenario.Benefits(
            urbanIncomeByYear: incomes, urbanIncomeGrowthPerYear: incomeGrowth,
            reportingDelayDays: delay, medicalLagMonths: medicalLag, appraisalLagMonths: appraisalLag,
            deathLagMonths: deathLag, careNeedProbability: careNeed, careLevel: careLevel,
            platformPays: platformPays, suspensionWages: suspension, lifeTable: table, mortalityLoading: loading,
            disabledMortality: disabledMortality, retirementAgeMen: retirementMen, retirementAgeWomen: retirementWomen,
            pensionAfterRetirementYuan: pension, childrenPerDeath: children, parentsPerDeath: parents,
            spousePerDeath: spouse, childSupportAge: childAge)
        benefits.grade1to4Allowance = term ?? .life
        return benefits
    }

    /// `benefits.grade1to4Allowance`: "life", "toRetirement" or {"years": n} (1 ≤ n ≤ 80).
    static func allowanceTerm(_ node: JSONNode, path: String, log: IssueLog) -> AllowanceTerm? {
        let allowed = "expected \"life\" (the Regulations), \"toRetirement\" or {\"years\": n} with n from 1 to 80"
        switch node.value {
        case .string("life"): return .life
        case .string("toRetirement"): return .toRetirement
        case .object:
            guard let r = ObjectReader(node, path: path, log: log, kind: .allowanceYears) else { return nil }
            let years = r.number("years", range: 1...80, unit: "years")
            r.finish()
            return years.map(AllowanceTerm.years)
        default:
            log.add(path, node, allowed)
            return nil
        }
    }

    static func shares4(_ r: ObjectReader, _ key: String, default fallback: [Double]) -> [Double]? {
        guard let node = r.node(key) else { return fallback }
        guard case .array(let items) = node.value, items.count == 4 else {
            r.log.add(r.path(key), node, "expected a list of 4 shares from 0 to 1, for grades 1, 2, 3 and 4")
            return nil
        }
        let values = items.enumerated().compactMap { number($1, path: r.path(key) + "[\($0)]", range: share, log: r.log) }
        return values.count == 4 ? values : nil
    }

    /// `{"male": {"a", "b", "c"}, "female": {…}}`: Gompertz–Makeham laws μ(x) = a + b·cˣ.
    static func lifeTable(_ r: ObjectReader) -> LifeTable? {
        guard let node = r.node("mortality") else { return .chinaProxy }
        guard let table = ObjectReader(node, path: r.path("mortality"), log: r.log, kind: .mortality) else { return nil }
        func law(_ sex: String) -> LifeTable.Law? {
            guard let lawNode = table.node(sex, required: true),
                let reader = ObjectReader(lawNode, path: table.path(sex), log: r.log, kind: .mortalityLaw)
            else { return nil }
            let a = reader.number("a", range: 0...1, unit: "per year")
            let b = reader.number("b", range: 0...1, unit: "per year")
            let c = reader.number("c", range: 1...2)
            reader.finish()
            guard let a, let b, let c else { return nil }
            return LifeTable.Law(a: a, b: b, c: c)
        }
        let male = law("male"), female = law("female")
        table.finish()
        guard let male, let female else { return nil }
        return LifeTable(male: male, female: female, loading: 1)
    }

    /// A list of exactly `count` numbers in `range`, or `fallback` when the key is absent.
    static func numberList(
        _ r: ObjectReader, _ key: String, count: Int, default fallback: [Double], range: ClosedRange<Double>,
        what: String
    ) -> [Double]? {
        guard let node = r.node(key) else { return fallback }
        guard case .array(let items) = node.value, items.count == count else {
            r.log.add(r.path(key), node, "expected a list of \(count) numbers: \(what)")
            return nil
        }
        let values = items.enumerated().compactMap { number($1, path: r.path(key) + "[\($0)]", range: range, log: r.log) }
        return values.count == count ? values : nil
    }
}
