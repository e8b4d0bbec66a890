import InjurySimAnalysis
import InjurySimCore

/// A what-if answered from a results folder: the run's worlds (their verdict figures, published
/// counterparts and input draws, as `replications.csv` records them) weighted by the likelihood
/// ratios of the what-if's distributions (``WhatIf``) and, when `condition`, by the published
/// figures' observation models; the lines the console prints.
package struct WhatIfAnswer: Sendable {
    package var evidence: Evidence
    package var changed: [String]
    package var lines: [String]

    /// `prior` is the scenario the folder's run was made from, `target` the same with the
    /// what-if's changes.
    package init(prior: Scenario, target: Scenario, results: ResultsFolder, condition: Bool) throws(WhatIfError) {
        let inputs = prior.uncertainInputs
        let recorded = results.manifest["uncertainInputs"].array.map { ($0["path"].string ?? "", $0["distribution"].string ?? "") }
        guard recorded.map(\.0) == inputs.map(\.path), recorded.map(\.1) == inputs.map(\.param.notation) else {
            throw .mismatch(
                "the results folder's uncertain inputs (manifest.json) are not this scenario's: reweight the folder of a run of this "
                    + "scenario file as it is now, without --set")
        }
        guard results.manifest["seed"].number == Double(prior.seed) else {
            throw .mismatch("the results folder was run with seed \(Int(results.manifest["seed"].number ?? -1)), the scenario's is \(prior.seed)")
        }
        let counterparts = PublishedCounterpart.declared(by: prior)
        var worlds: [EvidenceWorld] = []
        for (index, row) in results.replications.enumerated() {
            func flag(_ key: String) throws(WhatIfError) -> Bool {
                guard let text = row[key], text == "true" || text == "false" else { throw Self.missing(key, row: index) }
                return text == "true"
            }
            func number(_ key: String) throws(WhatIfError) -> Double {
                guard let text = row[key] else { throw Self.missing(key, row: index) }
                if text.isEmpty { return .nan }
                guard let value = Double(text) else { throw Self.missing(key, row: index) }
                return value
            }
            var counterpartValues: [Double] = []
            for c in counterparts { counterpartValues.append(try number(c.column)) }
            var draws: [Double] = []
            for input in inputs { draws.append(try number("input:" + input.path)) }
            worlds.append(
                EvidenceWorld(
                    ruined: try flag("ruined"), insolvent: try flag("insolvent_at_end"), reserveTargetMissed: try flag("reserve_target_missed"),
                    capitalShort: try flag("capital_short"), breakEvenRate: try number("break_even_rate"), counterparts: counterpartValues,
                    draws: draws))
        }
        var filled = counterparts
        for index in filled.indices {
            filled[index].values = worlds.map { $0.counterparts[index] }
            if !condition { filled[index].observation = nil }
        }
        let (ratios, changed) = try WhatIf.logWeights(prior: inputs, target: target.uncertainInputs, worlds: worlds)
        let conditioned = filled.contains { $0.observation != nil }
        let logWeights = zip(ratios, worlds).map { ratio, world in ratio + Evidence.logLikelihood(of: world, under: filled) }
        let weights = ImportanceWeights(logWeights: logWeights)
        let weighs = conditioned || !changed.isEmpty
        guard !weighs || weights.effectiveSampleSize >= Evidence.minimumEffectiveSampleSize else {
            throw .tooFewWorlds(effectiveSampleSize: weights.effectiveSampleSize, replications: worlds.count, changed: changed)
        }
        evidence = Evidence(
            worlds: worlds, counterparts: filled, inputs: inputs.map(\.path), weights: weights, conditioned: weighs)
        self.changed = changed
        var what: [String] = []
        if !changed.isEmpty {
            what.append(
                "Reweighted to "
                    + changed.map { path in path + " " + (target.uncertainInputs.first { $0.path == path }?.param.notation ?? "") }.joined(
                        separator: ", "))
        }
        if let observed = EvidenceTable.observedPhrase(evidence) { what.append((what.isEmpty ? "Conditioned on " : "conditioned on ") + observed) }
        lines = EvidenceTable.lines(
            evidence, weightedTitle: changed.isEmpty ? "worlds agreeing with the evidence" : "what-if",
            lead: what.isEmpty ? "Nothing to reweight (no change given, no observed figure): the weights are equal" : what.joined(separator: ", "))
    }

    static func missing(_ column: String, row: Int) -> WhatIfError {
        .mismatch(
            "replications.csv line \(row + 2) has no readable \(column) (a folder of an earlier version, or not this scenario's run); "
                + "re-run the scenario")
    }
}
