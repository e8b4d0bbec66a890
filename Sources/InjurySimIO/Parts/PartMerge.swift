import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

/// Merges the parts of a study into the results a single machine would have written, byte for
/// byte: checks the manifests (``PartSetCheck``), then every file's size and checksum, decodes
/// the replications and builds the same ``ResultFiles`` from them in replication order.
package enum PartMerge {
    /// A part to merge: its label (the folder as given), manifest, and a reader of its files.
    package struct Part: Sendable {
        package var label: String
        package var manifest: PartManifest
        /// The bytes of a file of the part, nil when it cannot be read.
        package var read: @Sendable (String) -> [UInt8]?

        package init(label: String, manifest: PartManifest, read: @escaping @Sendable (String) -> [UInt8]?) {
            self.label = label
            self.manifest = manifest
            self.read = read
        }
    }

    /// What a merge produces.
    package struct Merged: Sendable {
        package var scenario: Scenario
        package var results: [ReplicationResult]
        package var summary: RunSummary
        package var files: ResultFiles
    }

    /// The study's scenario: every part's `scenario.json` verified against its manifest, the
    /// first one decoded with the study's options.
    static func studyScenario(_ parts: [Part]) throws(PartError) -> Scenario {
        var problems: [String] = []
        let texts = parts.map { verifiedBytes($0, PartManifest.scenarioFileName, problems: &problems) }
        guard problems.isEmpty, let text = texts.first ?? nil else { throw PartError(.data, problems) }
        let study = parts[0].manifest
        do throws(ScenarioError) {
            return try PartFiles.scenario(
                text: text, file: "\(parts[0].label)/\(PartManifest.scenarioFileName)", seed: study.seed,
                replications: study.replications, sampleFraction: study.sampleFraction, uncertainty: study.uncertainty)
        } catch {
            throw PartError(.data, ["part \(parts[0].label): its scenario.json does not decode with this build: \(error.description)"])
        }
    }

    /// `report`: the manifest lists `report.html` (the caller renders it from the files).
    package static func merge(_ parts: [Part], report: Bool = false) throws(PartError) -> Merged {
        let owners = try PartSetCheck.owners(parts.map { ($0.label, $0.manifest) })
        guard parts[0].manifest.command == "run" else {  // the other commands' parts: mergeVariants, mergeSolve
            throw PartError(.data, ["part \(parts[0].label) holds replications of `\(parts[0].manifest.command)`, not `run`"])
        }
        let study = parts[0].manifest
        let scenario = try studyScenario(parts)
        var problems: [String] = []
        func verified(_ part: Part, _ name: String) -> [UInt8]? { verifiedBytes(part, name, problems: &problems) }
        var results: [ReplicationResult] = []
        results.reserveCapacity(owners.count)
        for (replication, owner) in owners.enumerated() {
            let part = parts[owner]
            let name = PartManifest.dataFileName(replication)
            guard let bytes = verified(part, name) else { continue }
            guard let result = ReplicationResult(encoded: bytes), result.replication == replication, result.months == scenario.months,
                result.poolCount == scenario.poolNames.count, result.sectorCount == scenario.sectors.count
            else {
                problems.append(
                    "part \(part.label): \(name) is not replication \(replication) of this scenario in the ISR3 format; "
                        + "run shard \(part.manifest.shard) again")
                continue
            }
            results.append(result)
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(
            scenario: scenario, scenarioFile: study.scenarioFile, contentHash: study.scenarioContentHash,
            results: results, summary: summary, report: report)
        return Merged(scenario: scenario, results: results, summary: summary, files: files)
    }

    /// The bytes of file `name` of `part` when its size and checksum match the manifest's;
    /// otherwise nil, with the problem added to `problems`.
    static func verifiedBytes(_ part: Part, _ name: String, problems: inout [String]) -> [UInt8]? {
        guard let entry = part.manifest.files.first(where: { $0.name == name }) else {
            problems.append("part \(part.label): its manifest lists no \(name)")
            return nil
        }
        guard let bytes = part.read(name) else {
            problems.append("part \(part.label): \(name) is missing or unreadable; run shard \(part.manifest.shard) again")
            return nil
        }
        let checksum = ScenarioLoader.contentHash(bytes)
        guard bytes.count == entry.bytes, checksum == entry.checksum else {
            problems.append(
                "part \(part.label): \(name) is damaged or truncated (\(bytes.count) bytes, checksum \(checksum); "
                    + "the manifest says \(entry.bytes) bytes, \(entry.checksum)); run shard \(part.manifest.shard) again")
            return nil
        }
        return bytes
    }
}
