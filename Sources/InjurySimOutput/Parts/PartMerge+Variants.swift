import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// Merging the parts of a variant command (`compare`, `sweep`, `sensitivity`): the same checks as for `run`, then each
/// variant's figures for every replication in replication order.
extension PartMerge {
    /// The variants and their figures, replication by replication.
    package struct MergedVariants: Sendable {
        package var command: String
        package var scenarios: [Scenario]
        /// Each variant's content hash, as its manifest records it.
        package var hashes: [String]
        /// `metrics[v][r]`.
        package var metrics: [[ReplicationMetrics]]
        /// A sweep's axes (empty for `compare`).
        package var axes: [PartManifest.Axis]
        /// The runs each replication holds figures of: the variants, sensitivity's runs, or
        /// sobol's design (``sobolDesign(_:study:label:)``).
        package var runs: [Scenario]
    }

    package static func mergeVariants(_ parts: [Part]) throws(PartError) -> MergedVariants {
        let owners = try PartSetCheck.owners(parts.map { ($0.label, $0.manifest) })
        let study = parts[0].manifest
        try checkFiles(parts)
        var problems: [String] = []
        let texts = parts.map { verifiedBytes($0, PartManifest.scenarioFileName, problems: &problems) }
        guard problems.isEmpty, let text = texts.first ?? nil else { throw PartError(.data, problems) }
        let scenarios: [Scenario]
        do throws(ScenarioError) {
            scenarios = try PartFiles.variantScenarios(
                text: text, file: "\(parts[0].label)/\(PartManifest.scenarioFileName)", seed: study.seed,
                replications: study.replications, sampleFraction: study.sampleFraction)
        } catch {
            throw PartError(.data, ["part \(parts[0].label): its scenario.json does not decode with this build: \(error.description)"])
        }
        guard study.variantHashes.count == scenarios.count else {
            throw PartError(
                .data, ["part \(parts[0].label): its manifest names \(study.variantHashes.count) scenario hashes for \(scenarios.count) scenarios"])
        }
        // A sweep's grid is the product of its axes: counted (without overflow) before anyone
        // builds it, so that axes claiming a vast grid are refused, not enumerated.
        if study.command == "sweep" {
            var points = study.axes.isEmpty ? 0 : 1
            for axis in study.axes {
                let (product, overflow) = points.multipliedReportingOverflow(by: axis.values.count)
                points = overflow ? Int.max : product
            }
            guard points == scenarios.count else {
                let counted = points == Int.max ? "more grid points than can be counted" : "\(points) grid points"
                throw PartError(.data, ["part \(parts[0].label): its axes make \(counted) for \(scenarios.count) scenarios"])
            }
        }
        // Sensitivity: one scenario, its runs derived from it; sobol: the design of its one scenario.
        let runScenarios: [Scenario]
        switch study.command {
        case "sensitivity": runScenarios = PolicyCommands.sensitivityRuns(scenarios[0]).map(\.scenario)
        case "sobol": runScenarios = [try sobolDesign(scenarios[0], study: study, label: parts[0].label)]
        default: runScenarios = scenarios
        }
        let runs = runScenarios.count
        let size = runScenarios.reduce(0) {
            $0 + ReplicationMetrics.encodedSize(months: $1.months, years: YearlyCSV.years(start: $1.startMonth, months: $1.months).count)
        }
        try checkDataSizes(parts, expected: size, format: "ISM3", scenario: "the study's \(runs) runs")
        var metrics = [[ReplicationMetrics]](repeating: [], count: runs)
        for (replication, owner) in owners.enumerated() {
            let part = parts[owner]
            let name = PartManifest.dataFileName(replication, command: study.command)
            guard let bytes = verifiedBytes(part, name, problems: &problems) else { continue }
            guard let decoded = ReplicationMetrics.decodeSequence(bytes[...], count: runs),
                zip(decoded, runScenarios).allSatisfy({ $0.0.netPositionByMonth.count == $0.1.months })
            else {
                problems.append(
                    "part \(part.label): \(name) does not hold \(runs) runs' figures in the ISM3 format; "
                        + "run shard \(part.manifest.shard) again")
                continue
            }
            for (run, value) in decoded.enumerated() { metrics[run].append(value) }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        return MergedVariants(
            command: study.command, scenarios: scenarios, hashes: study.variantHashes, metrics: metrics, axes: study.axes, runs: runScenarios)
    }

    /// A sobol part's design: its scenario's groups under the recorded grouping, with as many base
    /// rows as the study's worlds fill (``GlobalSensitivity/design(_:groups:rows:)``).
    static func sobolDesign(_ scenario: Scenario, study: PartManifest, label: String) throws(PartError) -> Scenario {
        guard let text = study.grouping, let grouping = GlobalSensitivity.Grouping(rawValue: text) else {
            throw PartError(
                .data,
                [
                    "part \(label): manifest.json: \"grouping\" is \(study.grouping.map { "\"\($0)\"" } ?? "missing"); "
                        + "a sobol part records key or input"
                ])
        }
        let groups = GlobalSensitivity.groups(scenario, by: grouping)
        let columns = groups.count + 3
        guard study.replications % columns == 0, study.replications / columns >= 2 else {
            throw PartError(
                .data,
                [
                    "part \(label): \(study.replications) worlds are not whole base rows of the design (\(columns) worlds a row, "
                        + "at least 2 rows) for the scenario's \(groups.count) input groups"
                ])
        }
        return GlobalSensitivity.design(scenario, groups: groups, rows: study.replications / columns)
    }
}
