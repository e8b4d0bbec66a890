import InjurySimCore

/// Decoding the `basis` block: the economic assumptions every figure reads.
extension ScenarioDecoder {
    static func decodeBasis(_ node: JSONNode?, log: IssueLog) -> Scenario.Basis? {
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "basis", log: log, kind: .basis) else { return nil }
        let investment = r.param("investmentReturnPerYear", in: Scenario.basisInputs)
        let discount = r.optionalNumber("discountRatePerYear", range: -0.5...1, unit: "per year")
        let margin = r.number("discountMarginPerYear", default: 0, range: -0.5...0.5, unit: "per year")
        if discount != nil, let node = r.node("discountMarginPerYear") {
            r.log.add(
                r.path("discountMarginPerYear"), node,
                "cannot be given with discountRatePerYear: the discount is either a stated rate or the return plus a margin; delete one")
        }
        let wageGrowth = r.param("wageGrowthPerYear", in: Scenario.basisInputs)
        let medical = r.param("medicalInflationPerYear", in: Scenario.basisInputs)
        let rule: Scenario.Basis.AllowanceIndexation = r.choice("allowanceIndexation", default: .pension)
        let pension = r.param("pensionIncreasePerYear", in: Scenario.basisInputs)
        let lag = r.integer("indexationLagYears", default: 0, range: 0...20)
        let cap = r.optionalNumber("indexationCapPerYear", range: -0.5...1, unit: "per year")
        let improvement = r.param("mortalityImprovementPerYear", in: Scenario.basisInputs)
        let tableYear = r.integer("mortalityTableYear", default: 2020, range: 1950...2100)
        r.finish()
        guard let investment, let margin, let wageGrowth, let medical, let pension, let lag, let improvement, let tableYear else {
            return nil
        }
        return Scenario.Basis(
            investmentReturnPerYear: investment, discountRatePerYear: discount, discountMarginPerYear: margin, wageGrowthPerYear: wageGrowth,
            medicalInflationPerYear: medical, allowanceIndexation: rule, pensionIncreasePerYear: pension, indexationLagYears: lag,
            indexationCapPerYear: cap, mortalityImprovementPerYear: improvement, mortalityTableYear: tableYear)
    }

    /// Keys that moved from `fund` or `benefits` into `basis`: an error that says where.
    static func movedToBasis(_ r: ObjectReader, _ moved: [String: String]) {
        for (old, new) in moved.sorted(by: { $0.key < $1.key }) {
            r.retired.insert(old)
            guard let node = r.node(old) else { continue }
            r.log.add(
                r.path(old), node,
                "moved to basis.\(new): the economic basis (returns, discounting, wage growth, indexation, medical inflation, "
                    + "mortality improvement) is one object now (Scenarios/README.md, \"basis\"); move the value there")
        }
    }
}
