/// Every input a scenario may give as a distribution, declared once (``InputField``), by the
/// object that holds it. Adding an uncertain input is one line here plus the rule that uses it.
extension Scenario {
    /// Shares and probabilities: from 0 to 1.
    package static let shareRange: ClosedRange<Double> = 0...1
    /// Shock multipliers.
    package static let multiplierRange: ClosedRange<Double> = 0...1000

    package static let sectorInputs: [InputField<Sector>] = [
        InputField("ordersPerHour", range: 0.01...200, unit: "orders per on-duty hour", \.ordersPerHour),
        InputField("shiftHours", range: 0.5...16, unit: "hours", \.shiftHours),
        InputField("fullTimeDaysPerWeek", range: 0...7, unit: "days per week", \.fullTimeDaysPerWeek),
        InputField("occasionalDaysPerYear", range: 0...365, unit: "days per year", default: 20, \.occasionalDaysPerYear),
        InputField("occasionalShare", range: shareRange, \.occasionalShare),
        InputField("claimsPerMillionOrders", range: 0...100_000, unit: "claims per million orders", \.claimsPerMillionOrders),
        InputField("recognitionProbability", range: shareRange, default: 0.9, \.recognitionProbability),
        InputField(
            "severity", range: shareRange, members: Severity.allCases.map(\.key), defaults: Severity.allCases.map { _ in 0 }, keyed: \.severity),
        InputField(
            "medicalCostMeanYuan", range: 0...100_000_000, unit: "yuan", members: SeverityGroup.allCases.map(\.key), keyed: \.medicalCostMeanYuan),
        InputField("medicalCostSigma", range: 0...4, default: 1.0, \.medicalCostSigma),
        // The groups that take time off; the list's other groups (grades 1–4, death) hold 0.
        InputField(
            "recoveryDays", range: 0...3650, unit: "days", members: [SeverityGroup.medicalOnly, .grade7to10, .grade5to6].map(\.key),
            defaults: [21, 60, 120], keyed: \.recoveryDays),
        InputField("churnPerMonth", range: shareRange, default: 0.05, \.churnPerMonth),
        InputField("ordersGrowthPerYear", range: -0.9...5, default: 0, \.ordersGrowthPerYear),
        InputField("ordersSaturation", range: 1...1000, unit: "× the starting orders per hour", default: 1, \.ordersSaturation),
        InputField("workersGrowthPerYear", range: -0.9...5, default: 0, \.workersGrowthPerYear),
        InputField("workersSaturation", range: 1...1000, unit: "× the starting workers", default: 1, \.workersSaturation),
        InputField("multiPlatformShare", range: shareRange, default: 0, \.multiPlatformShare)
    ]

    package static let provinceInputs: [InputField<Province>] = [
        InputField("averageMonthlyWageYuan", range: 100...1_000_000, unit: "yuan per month", \.averageMonthlyWageYuan),
        InputField("riskMultiplier", range: 0...100, default: 1, \.riskMultiplier),
        InputField("wageGrowthPremiumPerYear", range: -0.5...0.5, default: 0, \.wageGrowthPremiumPerYear)
    ]

    package static let platformInputs: [InputField<Platform>] = [
        InputField("ratePerOrderYuan", range: 0...100, unit: "yuan per order", \.ratePerOrderYuan),
        InputField("riskMultiplier", range: 0...100, default: 1, \.riskMultiplier)
    ]

    package static let riskInputs: [InputField<Risk>] = [
        InputField("extraRiskPerLongHour", range: 0...5, default: 0.1, \.extraRiskPerLongHour),
        InputField("newWorkerMultiplier", range: 0...20, default: 1.5, \.newWorkerMultiplier)
    ]

    package static let benefitInputs: [InputField<Benefits>] = [
        InputField("urbanIncomeGrowthPerYear", range: -0.5...1, default: 0.045, \.urbanIncomeGrowthPerYear),
        InputField("reportingDelayDays", range: 0...3650, unit: "days", default: 15, \.reportingDelayDays),
        InputField("mortalityLoading", range: 0...10, default: 1.1, \.mortalityLoading),
        InputField("pensionAfterRetirementYuan", range: 0...1_000_000, unit: "yuan a month", default: 582, \.pensionAfterRetirementYuan),
        InputField("childrenPerDeath", range: 0...10, default: 0.9, \.childrenPerDeath),
        InputField("parentsPerDeath", range: 0...4, default: 0.35, \.parentsPerDeath),
        InputField("spousePerDeath", range: shareRange, default: 0.05, \.spousePerDeath)
    ]

    package static let fundInputs: [InputField<Fund>] = [
        InputField("adminCostShare", range: shareRange, default: 0.05, \.adminCostShare)
    ]

    /// The basis's defaults are the financing reference's central values (docs/SOURCES.md).
    package static let basisInputs: [InputField<Basis>] = [
        InputField("investmentReturnPerYear", range: -0.9...1, default: 0.02, \.investmentReturnPerYear),
        InputField("wageGrowthPerYear", range: -0.5...1, default: 0.04, \.wageGrowthPerYear),
        InputField("medicalInflationPerYear", range: -0.5...2, default: 0, \.medicalInflationPerYear),
        InputField("pensionIncreasePerYear", range: -0.5...1, default: 0.02, \.pensionIncreasePerYear),
        InputField("mortalityImprovementPerYear", range: 0...0.2, default: 0.015, \.mortalityImprovementPerYear)
    ]

    /// The tier rule's threshold: no source publishes it (domain-part2 §6.2), so it is an assumption
    /// and has no default.
    package static let rateTierInputs: [InputField<RateTierRule>] = [
        InputField("paidRatioThreshold", range: 0...100, \.paidRatioThreshold)
    ]

    package static let shockInputs: [InputField<Shock>] = [
        InputField("orders", range: multiplierRange, default: 1, \.orders),
        InputField("claimFrequency", range: multiplierRange, default: 1, \.claimFrequency),
        InputField("severity", range: multiplierRange, default: 1, \.severity),
        InputField("medicalCost", range: multiplierRange, default: 1, \.medicalCost),
        InputField("platformPayment", range: shareRange, default: 1, \.platformPayment),
        InputField("investmentReturn", range: -100...100, default: 1, \.investmentReturn)
    ]

    /// The field of `owner`'s declarations with `key` (a declaration that is not there is a
    /// programming error, caught by the tests that read every field).
    package static func field<Owner>(_ key: String, in fields: [InputField<Owner>]) -> InputField<Owner> {
        guard let field = fields.first(where: { $0.key == key }) else { preconditionFailure("no input declared as \(key)") }
        return field
    }

    /// The inputs given as distributions (after `extends`, `--set` and any change a command makes,
    /// such as a sensitivity run's fixed value), in the order of ``inputs``: what `manifest.json`
    /// and the report list.
    package var uncertainInputs: [UncertainInput] {
        inputs.filter { !$0.param.isFixed }.map { input in
            let stream = streamPath(input.path)
            return UncertainInput(path: input.path.text, param: input.param, drawnAs: stream == input.path ? nil : stream.text)
        }
    }

    /// The path of the stream the input at `path` is drawn on: its own, or for a sector drawn as
    /// another (``Sector/drawnAs``) the same field of that sector.
    package func streamPath(_ path: InputPath) -> InputPath {
        guard case .sector(let name) = path.scope, let sector = sectors.first(where: { $0.name == name }), let other = sector.drawnAs else {
            return path
        }
        var stream = path
        stream.scope = .sector(other)
        return stream
    }

    /// Every declared input of this scenario with its path and value, in the order a scenario file
    /// is read: sectors, platforms, provinces, risk, benefits, fund, basis, rateTiers, shocks, each in declaration
    /// order. A sector drawn as another (``Sector/drawnAs``) is listed under its own name.
    package var inputs: [(path: InputPath, param: Param)] {
        func list<Owner>(_ owner: Owner, _ scope: InputPath.Scope, _ fields: [InputField<Owner>]) -> [(path: InputPath, param: Param)] {
            fields.flatMap { field -> [(path: InputPath, param: Param)] in
                if let single = field.single { return [(InputPath(scope, field.key), owner[keyPath: single])] }
                guard let keyed = field.keyed else { return [] }
                return zip(field.members, owner[keyPath: keyed]).map { (InputPath(scope, field.key, member: $0), $1) }
            }
        }
        return sectors.flatMap { list($0, .sector($0.name), Self.sectorInputs) }
            + platforms.flatMap { list($0, .platform($0.name), Self.platformInputs) }
            + provinces.flatMap { list($0, .province($0.name), Self.provinceInputs) }
            + list(risk, .risk, Self.riskInputs) + list(benefits, .benefits, Self.benefitInputs) + list(fund, .fund, Self.fundInputs)
            + list(basis, .basis, Self.basisInputs)
            + (rateTiers.map { list($0, .rateTiers, Self.rateTierInputs) } ?? [])
            + shocks.flatMap { list($0, .shock($0.name), Self.shockInputs) }
    }
}

extension Scenario {
    /// The scenario with every declared input whose path `matches` replaced by `change` of it:
    /// how commands (sensitivity, solve) vary inputs by the same declarations the file is read by.
    package func changingInputs(where matches: (InputPath) -> Bool, _ change: (Param) -> Param) -> Scenario {
        func update<Owner>(_ owner: inout Owner, _ scope: InputPath.Scope, _ fields: [InputField<Owner>]) {
            for field in fields {
                if let single = field.single, matches(InputPath(scope, field.key)) {
                    owner[keyPath: single] = change(owner[keyPath: single])
                } else if let keyed = field.keyed {
                    for (index, member) in field.members.enumerated()
                    where index < owner[keyPath: keyed].count && matches(InputPath(scope, field.key, member: member)) {
                        owner[keyPath: keyed][index] = change(owner[keyPath: keyed][index])
                    }
                }
            }
        }
        var copy = self
        for index in copy.sectors.indices { update(&copy.sectors[index], .sector(copy.sectors[index].name), Self.sectorInputs) }
        for index in copy.platforms.indices { update(&copy.platforms[index], .platform(copy.platforms[index].name), Self.platformInputs) }
        for index in copy.provinces.indices { update(&copy.provinces[index], .province(copy.provinces[index].name), Self.provinceInputs) }
        update(&copy.risk, .risk, Self.riskInputs)
        update(&copy.benefits, .benefits, Self.benefitInputs)
        update(&copy.fund, .fund, Self.fundInputs)
        update(&copy.basis, .basis, Self.basisInputs)
        if copy.rateTiers != nil { update(&copy.rateTiers!, .rateTiers, Self.rateTierInputs) }
        for index in copy.shocks.indices { update(&copy.shocks[index], .shock(copy.shocks[index].name), Self.shockInputs) }
        return copy
    }
}
