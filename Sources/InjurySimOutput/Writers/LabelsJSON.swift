import InjurySimCore

/// The scenario's display labels as manifests write them (``Scenario/Labels``): `labels` of a
/// run's manifest (`scenario`, then `sectors`, `platforms`, `provinces` keyed by name), `label` of
/// a policy command's variant. Each label holds its `en` and `zh` when given.
package enum LabelsJSON {
    package static func label(_ label: Scenario.Label) -> JSONOut {
        var object: [String: JSONOut] = [:]
        if let en = label.en { object["en"] = .string(en) }
        if let zh = label.zh { object["zh"] = .string(zh) }
        return .object(object)
    }

    package static func labels(_ labels: Scenario.Labels) -> JSONOut {
        var object: [String: JSONOut] = [:]
        if let scenario = labels.scenario { object["scenario"] = label(scenario) }
        for (kind, names) in labels.names where !names.isEmpty {
            object[kind] = .object(names.mapValues(label))
        }
        return .object(object)
    }
}
