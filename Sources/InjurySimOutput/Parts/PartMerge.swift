import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// Merges the parts of a study into the results a single machine would have written, byte for
/// byte: checks the manifests (``PartSetCheck``), then every file's size and checksum, decodes
/// the replications and builds the same ``ResultFiles`` from them in replication order.
package enum PartMerge {
    /// A part to merge: its label (the folder as given), manifest, and readers of its files.
    ///
    /// Parts are untrusted input (they live on a shared file system): a merge asks a file's
    /// ``FileStatus`` and compares its size with the manifest's before reading it, and reads at
    /// most the manifest's byte count + 1, so a file that grew is noticed without reading it whole.
    package struct Part: Sendable {
        package var label: String
        package var manifest: PartManifest
        /// What file `name` of the part is, without reading it.
        package var status: @Sendable (_ name: String) -> FileStatus
        /// At most `limit` bytes from the start of file `name` of the part, nil when it cannot be read.
        package var read: @Sendable (_ name: String, _ limit: Int) -> [UInt8]?

        package init(
            label: String, manifest: PartManifest, status: @escaping @Sendable (String) -> FileStatus,
            read: @escaping @Sendable (String, Int) -> [UInt8]?
        ) {
            self.label = label
            self.manifest = manifest
            self.status = status
            self.read = read
        }

        /// A part whose files are held in memory: `contents` gives a file's bytes, nil when absent.
        package init(label: String, manifest: PartManifest, contents: @escaping @Sendable (String) -> [UInt8]?) {
            self.init(
                label: label, manifest: manifest, status: { name in contents(name).map { .regular(bytes: $0.count) } ?? .missing },
                read: { name, limit in contents(name).map { Array($0.prefix(limit)) } })
        }
    }

    /// What a part's file is, as a merge sees it before reading it.
    package enum FileStatus: Sendable, Equatable {
        /// No such file.
        case missing
        /// A regular file of this many bytes.
        case regular(bytes: Int)
        /// Something a part never holds: "a symbolic link", "a folder", "a device, pipe or socket".
        case other(String)
        /// The file could not be examined (the reason).
        case unreadable(String)
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
        try checkFiles(parts)
        let scenario = try studyScenario(parts)
        let choiceSizes = scenario.choices.map {
            ReplicationMetrics.encodedSize(
                months: $0.scenario.months, years: YearlyCSV.years(start: $0.scenario.startMonth, months: $0.scenario.months).count)
        }
        var tails: [[UInt8]] = []
        let results = try readResults(parts, owners: owners, scenario: scenario, trailing: choiceSizes.reduce(0, +), tails: &tails)
        var choices: [(setting: String, metrics: [ReplicationMetrics])] = scenario.choices.map { ($0.setting, []) }
        var problems: [String] = []
        for (replication, tail) in tails.enumerated() where !choiceSizes.isEmpty {
            guard let decoded = ReplicationMetrics.decodeSequence(tail[...], count: choiceSizes.count),
                zip(decoded, scenario.choices).allSatisfy({ $0.0.netPositionByMonth.count == $0.1.scenario.months })
            else {
                let part = parts[owners[replication]]
                problems.append(
                    "part \(part.label): \(PartManifest.dataFileName(replication)) does not end with the figures of the scenario's "
                        + "\(choiceSizes.count) choices in the ISM3 format; run shard \(part.manifest.shard) again")
                continue
            }
            for (c, metrics) in decoded.enumerated() { choices[c].metrics.append(metrics) }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        let summary = RunSummary(scenario: scenario, results: results, choices: choices)
        let files = ResultFiles(
            scenario: scenario, scenarioFile: study.scenarioFile, contentHash: study.scenarioContentHash,
            results: results, summary: summary, report: report)
        return Merged(scenario: scenario, results: results, summary: summary, files: files)
    }

    /// Every replication's ``ReplicationResult`` (ISR4), in replication order, from the parts
    /// that `owners` names (``PartSetCheck/owners(_:)``; the files already checked against the
    /// manifests by ``checkFiles(_:)``): each one's size, checksum and dimensions verified.
    static func readResults(_ parts: [Part], owners: [Int], scenario: Scenario) throws(PartError) -> [ReplicationResult] {
        var tails: [[UInt8]] = []
        return try readResults(parts, owners: owners, scenario: scenario, trailing: 0, tails: &tails)
    }

    /// As above, each file `trailing` bytes longer than its result: those bytes, by replication, in `tails`.
    static func readResults(
        _ parts: [Part], owners: [Int], scenario: Scenario, trailing: Int, tails: inout [[UInt8]]
    ) throws(PartError) -> [ReplicationResult] {
        let resultSize = ReplicationResult.encodedSize(
            months: scenario.months, poolCount: scenario.poolNames.count, sectorCount: scenario.sectors.count,
            platformCount: scenario.platforms.count)
        let size = resultSize + trailing
        try checkDataSizes(
            parts, expected: size, format: trailing == 0 ? "ISR4" : "ISR4 and the choices' ISM3",
            scenario: dimensions(scenario) + (trailing == 0 ? "" : " with \(scenario.choices.count) choices"))
        var problems: [String] = []
        var results: [ReplicationResult] = []
        results.reserveCapacity(owners.count)
        for (replication, owner) in owners.enumerated() {
            let part = parts[owner]
            let name = PartManifest.dataFileName(replication, command: part.manifest.command)
            guard let file = verifiedBytes(part, name, problems: &problems) else { continue }
            let bytes = Array(file.prefix(resultSize))
            guard let result = ReplicationResult(encoded: bytes), result.replication == replication, result.months == scenario.months,
                result.poolCount == scenario.poolNames.count, result.sectorCount == scenario.sectors.count
            else {
                problems.append(
                    "part \(part.label): \(name) is not replication \(replication) of this scenario in the ISR4 format; "
                        + "run shard \(part.manifest.shard) again")
                continue
            }
            if let problem = outOfRange(result) {
                problems.append("part \(part.label): \(name) holds \(problem), which no run produces; run shard \(part.manifest.shard) again")
                continue
            }
            results.append(result)
            if trailing > 0 { tails.append(Array(file.dropFirst(resultSize))) }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        return results
    }

    /// The bytes of file `name` of `part` when its size and checksum match the manifest's;
    /// otherwise nil, with the problem added to `problems`. The file's size is asked first and
    /// at most the manifest's byte count + 1 bytes are read.
    static func verifiedBytes(_ part: Part, _ name: String, problems: inout [String]) -> [UInt8]? {
        guard let entry = part.manifest.files.first(where: { $0.name == name }) else {
            problems.append("part \(part.label): its manifest lists no \(name)")
            return nil
        }
        if let problem = statusProblem(part, entry) {
            problems.append(problem)
            return nil
        }
        guard let bytes = part.read(name, entry.bytes + 1) else {
            problems.append("part \(part.label): \(name) is missing or unreadable; run shard \(part.manifest.shard) again")
            return nil
        }
        let checksum = ScenarioLoader.contentHash(bytes)
        guard bytes.count == entry.bytes, checksum == entry.checksum else {
            let found = bytes.count > entry.bytes ? "more than \(entry.bytes) bytes" : "\(bytes.count) bytes, checksum \(checksum)"
            problems.append(
                "part \(part.label): \(name) is damaged or truncated (\(found); "
                    + "the manifest says \(entry.bytes) bytes, \(entry.checksum)); run shard \(part.manifest.shard) again")
            return nil
        }
        return bytes
    }
}
