import InjurySimCore

/// What a policy command's variants drew: each variant's name, whether its uncertain inputs were
/// drawn per replication, and those inputs with their distributions — `manifest.json`'s
/// `variants`, which the policy pages' *What was run* lists (once when shared).
package enum VariantInputs {
    /// One object per variant, in the order run: `name`, `label` (the scenario's display names, when
    /// it has them), `description` (the scenario's), `uncertainty`, `uncertainInputs` (each
    /// `path` and `distribution`, in the notation of a run's manifest).
    package static func json(_ variants: [(name: String, scenario: Scenario)]) -> JSONOut {
        .array(
            variants.map { name, scenario in
                var object: [String: JSONOut] = [
                    "name": .string(name), "description": .string(scenario.description), "uncertainty": .bool(scenario.uncertainty),
                    "uncertainInputs": .array(
                        scenario.uncertainInputs.map(ResultFiles.manifestEntry))
                ]
                // A sweep's grid points share the base scenario's label: their name is their settings.
                if let label = scenario.labels.scenario, name == scenario.name { object["label"] = LabelsJSON.label(label) }
                return .object(object)
            })
    }

    /// A sweep grid point's name: its settings as `PATH=VALUE`, joined by ", ".
    package static func name(of settings: [(path: String, value: String)]) -> String {
        settings.map { $0.path + "=" + $0.value }.joined(separator: ", ")
    }
}
