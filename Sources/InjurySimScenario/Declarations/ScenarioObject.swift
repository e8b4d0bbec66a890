import InjurySimCore
import InjurySimFormat

/// Every kind of object a scenario file holds, with the keys each may have: the declarations
/// the decoder's unknown-key check, `--set` and `injurysim schema` read. The declared inputs
/// (``InputField``, `Scenario+Inputs.swift`) join each table from their own declarations; the
/// plain settings are declared here, by shape (their ranges and the rules between them are the
/// decoder's, which names them in its messages). The decoder asks only for declared keys (checked in debug
/// builds by ``ObjectReader``), so a key added to the decoder without a line here fails the tests.
package enum ScenarioObject: String, Sendable, CaseIterable {
    case scenario, sector, platform, province, risk, benefits, mortality, mortalityLaw, fund, basis, financing, rateFloat
    case rateTiers, phase, shock, published, observation, observationModel, allowanceYears

    private static func choices<T: RawRepresentable & CaseIterable>(_: T.Type) -> ScenarioKey.Kind where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }

    /// The keys of this kind of object, in the order the documentation lists them.
    package var keys: [ScenarioKey] {
        typealias K = ScenarioKey
        switch self {
        case .scenario:
            return [
                K("$schema", .string), K("extends", .string), K("continues", .fileOrDocument), K("name", .string, required: true), K("label", .label),
                K("description", .string), K("startMonth", .month, required: true), K("months", .integer, required: true),
                K("seed", .integer), K("replications", .integer),
                K("sampleFraction", .number), K("uncertainty", .bool), K("shardSize", .integer),
                K("minimumSampledWorkersPerPool", .integer), K("pooling", Self.choices(Scenario.Pooling.self)),
                K("reportLanguage", Self.choices(ReportLanguage.self)), K("sectors", .namedMap(.sector), required: true),
                K("platforms", .namedMap(.platform), required: true), K("provinces", .namedMap(.province), required: true),
                K("risk", .object(.risk)), K("benefits", .object(.benefits)), K("fund", .object(.fund)), K("basis", .object(.basis)),
                K("financing", .object(.financing)), K("rateFloat", .object(.rateFloat)), K("rateTiers", .object(.rateTiers)),
                K("rollout", .objectList(.phase)), K("shocks", .objectList(.shock)), K("published", .objectList(.published)),
                K("choices", .list(.string))
            ]
        case .sector:
            return [K("label", .label)] + K.inputs(Scenario.sectorInputs, required: ["severity"]) + [
                K("shiftHoursSpread", .number), K("ageBands", .list(.number, count: 5)), K("maleShare", .number),
                K("drawnAs", .string)
            ]
        case .platform:
            return [K("label", .label), K("sector", .string, required: true)] + K.inputs(Scenario.platformInputs) + [
                K("shareOfSector", .number)
            ]
        case .province:
            return [K("label", .label)] + K.inputs(Scenario.provinceInputs) + [
                K("workers", .map(.integer), required: true), K("platformShares", .map(.number)),
                K("initialBalanceYuan", .number), K("pool", .string)
            ]
        case .risk:
            return [K("longShiftHours", .number), K("newWorkerDays", .integer)] + K.inputs(Scenario.riskInputs)
        case .benefits:
            return [K("urbanIncomeByYear", .map(.number))] + K.inputs(Scenario.benefitInputs) + [
                K("medicalLagMonths", .integer), K("appraisalLagMonths", .integer), K("deathLagMonths", .integer),
                K("mortality", .object(.mortality)), K("disabledMortality", .list(.number, count: 4)),
                K("retirementAgeMen", .number), K("retirementAgeWomen", .number), K("childSupportAge", .number),
                K("careNeedProbability", .list(.number, count: 4)), K("careLevel", .list(.number, count: 4)),
                K("platformPays", .list(Self.choices(BenefitItem.self))), K("suspensionWages", Self.choices(Scenario.SuspensionWagesPayer.self)),
                K("grade1to4Allowance", .choiceOrObject(["life", "toRetirement"], .allowanceYears))
            ]
        case .mortality:
            return [K("male", .object(.mortalityLaw), required: true), K("female", .object(.mortalityLaw), required: true)]
        case .mortalityLaw:
            return [K("a", .number, required: true), K("b", .number, required: true), K("c", .number, required: true)]
        case .fund:
            return [K("chargeAdminCost", .bool)] + K.inputs(Scenario.fundInputs) + [K("shortfall", Self.choices(Scenario.Shortfall.self))]
        case .basis:
            return K.inputs(Scenario.basisInputs) + [
                K("discountRatePerYear", .number), K("discountMarginPerYear", .number),
                K("allowanceIndexation", Self.choices(Scenario.Basis.AllowanceIndexation.self)), K("indexationLagYears", .integer),
                K("indexationCapPerYear", .number), K("mortalityTableYear", .integer)
            ]
        case .financing:
            return [
                K("method", Self.choices(Scenario.Financing.Method.self)), K("reserveTargetMonths", .number),
                K("closingReserveYears", .number), K("gapYears", .list(.integer))
            ]
        case .rateFloat:
            return [
                K("enabled", .bool), K("reviewMonth", .integer), K("basis", Self.choices(RateFloatRule.Basis.self)),
                K("windowMonths", .integer), K("targetLossRatio", .number), K("lossRatioPerStep", .number),
                K("stepShare", .number), K("maxShare", .number), K("minMonthsOfContributions", .integer),
                K("firstReview", .map(.month))
            ]
        case .rateTiers:
            return [
                K("month", .month), K("windowFrom", .month, required: true), K("windowTo", .month, required: true),
                K("sectors", .list(.string), required: true), K("lowYuanPerOrder", .number, required: true),
                K("highYuanPerOrder", .number, required: true)
            ] + K.inputs(Scenario.rateTierInputs)
        case .phase:
            return [
                K("startMonth", .month, required: true), K("provinces", .list(.string)), K("sectors", .list(.string)),
                K("platforms", .list(.string)), K("rampMonths", .integer), K("takeUp", .number)
            ]
        case .shock:
            return [
                K("name", .string, required: true), K("startMonth", .month), K("probabilityPerYear", .number),
                K("months", .integer, required: true), K("provinces", .list(.string)), K("sectors", .list(.string)),
                K("platforms", .list(.string))
            ] + K.inputs(Scenario.shockInputs)
        case .published:
            return [
                K("month", .month, required: true), K("insuredPersons", .number), K("recognisedInjuries", .number),
                K("benefitsPaidYuan", .number), K("contributionsYuan", .number), K("source", .string),
                K("platform", .string), K("sector", .string), K("observation", .object(.observation))
            ]
        case .observation:
            return ["insuredPersons", "recognisedInjuries", "benefitsPaidYuan", "contributionsYuan"].map { K($0, .object(.observationModel)) }
        case .observationModel:
            return [K("relativeError", .number), K("interval", .list(.number, count: 2))]
        case .allowanceYears:
            return [K("years", .number, required: true)]
        }
    }

    /// The names of ``keys``.
    package var keyNames: [String] { keys.map(\.name) }

    /// The declaration of `name`, or nil when this kind of object has no such key.
    package func key(_ name: String) -> ScenarioKey? { keys.first { $0.name == name } }
}
