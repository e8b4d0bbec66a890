import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimScenario

/// The `manifest.json` of a part: what study it belongs to, which shard it is, the replications
/// it holds and a checksum per file. Documented in Results/README.md ("Parts").
///
/// It is also an ordinary injurysim manifest (`generator`, `formatVersion`, `files`), so a part
/// folder can be replaced by the next run of the same task (see ``FolderOwnership``).
package struct PartManifest: Sendable, Equatable {
    /// Bumped whenever the part layout changes (2: the ISM2 figures of compare, sweep and
    /// sensitivity, with the break-even rate and the monthly net positions; 3: the pools'
    /// benefits by item and long-term awards, 45 monthly figures a pool in a `run` replication;
    /// 4: a `run` replication's discount rate and opening reserves (ISR4), the ISM3 figures of
    /// compare, sweep and sensitivity with the financing methods' figures).
    package static let partFormatVersion = 4
    package static let generator = "injurysim part"
    package static let scenarioFileName = "scenario.json"
    /// The largest `manifest.json` a merge reads, in bytes (32 MiB). A manifest takes about 140
    /// bytes per replication its part holds (27,728 bytes for 200), so this holds some 240,000
    /// replications per part; a larger study is split into more shards.
    package static let maximumBytes = 32 * 1_048_576
    /// The largest `scenario.json` a merge reads: the scenario loader's limit (16 MiB).
    package static let maximumScenarioBytes = ScenarioLoader.maximumFileBytes

    /// A data file and its checksum.
    package struct FileEntry: Sendable, Equatable {
        package var name: String
        package var bytes: Int
        /// `fnv1a64:` and 16 hex digits of FNV-1a 64 over the file's bytes.
        package var checksum: String
    }

    // The study: every part of one study agrees on all of these.
    package var partFormatVersion = PartManifest.partFormatVersion
    package var resultsFormatVersion = ResultFiles.formatVersion
    package var programVersion = ProgramVersion.current
    /// The command whose replications the part holds (`run`).
    package var command = "run"
    package var scenarioName: String
    /// The scenario file's name as given to the command (written to the merged manifest).
    package var scenarioFile: String
    package var scenarioContentHash: String
    package var seed: UInt64
    package var replications: Int
    package var sampleFraction: Double
    package var uncertainty: Bool
    /// The `--set` overrides, as given (also part of the content hash).
    package var sets: [String]
    // This part.
    package var shard: ShardSelection
    package var replicationsHeld: [Int]
    /// `scenario.json` and one file per replication, in that order.
    package var files: [FileEntry]
    /// Each variant's content hash (parts of `compare` and `sweep`; empty for `run`).
    package var variantHashes: [String] = []
    /// A sweep's axes, each with its values; the grid is their product, the last axis fastest.
    package var axes: [Axis] = []
    /// A solve's `--target` and `--for` (nil for other commands).
    package var target: String?
    package var forSector: String?
    /// A sobol study's grouping (`--by`; nil for other commands).
    package var grouping: String?
    /// A condition study's most rounds after the first (`--rounds`), and this part's round (nil
    /// for other commands). The round is the part's, not the study's: a study's parts span its rounds.
    package var rounds: Int?
    package var round: Int?

    /// One axis of a sweep.
    package struct Axis: Sendable, Equatable {
        package var path: String
        package var values: [String]

        package init(path: String, values: [String]) {
            self.path = path
            self.values = values
        }
    }

    package init(
        scenarioName: String, scenarioFile: String, scenarioContentHash: String, seed: UInt64, replications: Int,
        sampleFraction: Double, uncertainty: Bool, sets: [String], shard: ShardSelection, replicationsHeld: [Int], files: [FileEntry]
    ) {
        self.scenarioName = scenarioName
        self.scenarioFile = scenarioFile
        self.scenarioContentHash = scenarioContentHash
        self.seed = seed
        self.replications = replications
        self.sampleFraction = sampleFraction
        self.uncertainty = uncertainty
        self.sets = sets
        self.shard = shard
        self.replicationsHeld = replicationsHeld
        self.files = files
    }

    /// The data file of replication `replication`: its ``ReplicationResult`` (`.isr3`) in a part of
    /// `run` or `condition` (a round's world), its threshold and benchmark result (`.iss1`) in a
    /// part of `solve`, its ``ReplicationMetrics`` for every run (`.ism3`) in a part of `compare`,
    /// `sweep`, `sensitivity` and `sobol` (a world of the design).
    package static func dataFileName(_ replication: Int, command: String = "run") -> String {
        let digits = String(replication)
        let suffix = command == "run" || command == "condition" ? ".isr3" : command == "solve" ? ".iss1" : ".ism3"
        return "replication-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + suffix
    }

    /// The study fields by name, as written: two parts belong to one study when these agree.
    package var studyFields: [(name: String, value: String)] {
        [
            ("partFormatVersion", String(partFormatVersion)), ("formatVersion", String(resultsFormatVersion)),
            ("programVersion", programVersion), ("command", command), ("scenario", scenarioName), ("scenarioFile", scenarioFile),
            ("scenarioContentHash", scenarioContentHash), ("scenarioChecksum", files.first?.checksum ?? ""),
            ("seed", String(seed)), ("replications", String(replications)), ("sampleFraction", String(sampleFraction)),
            ("uncertainty", String(uncertainty)), ("sets", sets.joined(separator: " ")), ("shardCount", String(shard.count)),
            ("axes", axes.map { $0.path + "=" + $0.values.joined(separator: ",") }.joined(separator: " ")),
            ("target", target ?? ""), ("for", forSector ?? ""), ("grouping", grouping ?? ""),
            ("rounds", rounds.map(String.init) ?? "")
        ]
    }

    package func rendered() -> String {
        var object: [String: JSONOut] = [
            "generator": .string(Self.generator),
            "formatVersion": .number(String(resultsFormatVersion)),
            "partFormatVersion": .number(String(partFormatVersion)),
            "programVersion": .string(programVersion),
            "command": .string(command),
            "scenario": .string(scenarioName),
            "scenarioFile": .string(scenarioFile),
            "scenarioContentHash": .string(scenarioContentHash),
            "seed": .number(String(seed)),
            "replications": .number(String(replications)),
            // Shortest text that reads back to the same double: fractions that differ in any bit differ here.
            "sampleFraction": .number(String(sampleFraction)),
            "uncertainty": .bool(uncertainty),
            "sets": .array(sets.map(JSONOut.string)),
            "shard": .string(shard.description),
            "shardIndex": .number(String(shard.index)),
            "shardCount": .number(String(shard.count)),
            "replicationsHeld": .array(replicationsHeld.map { .number(String($0)) }),
            "checksums": .object(Dictionary(uniqueKeysWithValues: files.map { ($0.name, JSONOut.string($0.checksum)) })),
            "bytes": .object(Dictionary(uniqueKeysWithValues: files.map { ($0.name, JSONOut.number(String($0.bytes))) })),
            "files": .array((["manifest.json"] + files.map(\.name)).map(JSONOut.string))
        ]
        // Command-specific keys, only where they apply.
        if !variantHashes.isEmpty { object["scenarioContentHashes"] = .array(variantHashes.map(JSONOut.string)) }
        if !axes.isEmpty {
            object["axes"] = .array(axes.map { .object(["path": .string($0.path), "values": .array($0.values.map(JSONOut.string))]) })
        }
        if let target { object["target"] = .string(target) }
        if let forSector { object["for"] = .string(forSector) }
        if let grouping { object["grouping"] = .string(grouping) }
        if let rounds { object["rounds"] = .number(String(rounds)) }
        if let round { object["round"] = .number(String(round)) }
        return JSONOut.object(object).rendered()
    }

    /// The manifest as written, for the toolchain's JSON decoder; ``init(parsing:part:)`` then
    /// checks what the types cannot say.
    private struct Wire: Decodable {
        struct Axis: Decodable {
            var path: String
            var values: [String]
        }

        var formatVersion: Int
        var programVersion: String
        var command: String
        var scenario: String
        var scenarioFile: String
        var scenarioContentHash: String
        var seed: UInt64
        var replications: Int
        var sampleFraction: Double
        var uncertainty: Bool
        var sets: [String]
        var shardIndex: Int
        var shardCount: Int
        var replicationsHeld: [Int]
        var checksums: [String: String]
        var bytes: [String: Int]
        var scenarioContentHashes: [String]?
        var axes: [Axis]?
        var target: String?
        var `for`: String?
        var grouping: String?
        var rounds: Int?
        var round: Int?
    }

    /// The two fields read first, so that another folder's manifest is named as such.
    private struct Header: Decodable {
        var generator: String?
        var partFormatVersion: Int?
    }

    /// A decoding error as a message naming the field and what it must be.
    private static func message(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "\"\($0.stringValue)\"" }.joined(separator: " ")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return path(context.codingPath + [key]) + " is missing"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            return path(context.codingPath) + " is not "
                + (type == String.self ? "a string" : type == Bool.self ? "true/false" : "a whole number or a list or object of the right kind")
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON; the part is damaged or truncated — run its task again"
                : path(context.codingPath) + " is not a value of the right kind (" + context.debugDescription + ")"
        default: return "not readable (\(error))"
        }
    }

    /// Reads a part's manifest; `part` names the part in messages.
    package init(parsing bytes: [UInt8], part: String) throws(PartError) {
        func fail(_ message: String) -> PartError { PartError(.data, ["part \(part): manifest.json: \(message)"]) }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let header: Header
        do { header = try decoder.decode(Header.self, from: data) } catch { throw fail(Self.message(error)) }
        guard header.generator == Self.generator else {
            throw fail(
                "generator is \(header.generator.map { "\"\($0)\"" } ?? "missing"), not \"\(Self.generator)\": this folder is not a part written by `run --shard`"
            )
        }
        guard header.partFormatVersion == Self.partFormatVersion else {
            throw fail(
                "partFormatVersion \(header.partFormatVersion.map(String.init) ?? "missing"); this build reads \(Self.partFormatVersion) — make the parts and merge them with the same build"
            )
        }
        let wire: Wire
        do { wire = try decoder.decode(Wire.self, from: data) } catch { throw fail(Self.message(error)) }
        func counted(_ value: Int, _ key: String) throws(PartError) -> Int {
            guard value >= 0 else { throw fail("\"\(key)\" is \(value), not a whole number ≥ 0") }
            return value
        }
        partFormatVersion = Self.partFormatVersion
        resultsFormatVersion = try counted(wire.formatVersion, "formatVersion")
        programVersion = wire.programVersion
        command = wire.command
        scenarioName = wire.scenario
        scenarioFile = wire.scenarioFile
        scenarioContentHash = wire.scenarioContentHash
        seed = wire.seed
        replications = wire.replications
        // Checked before anything is sized by it (the replication lists, the merge's owners).
        guard (1...Scenario.maximumReplications).contains(replications) else {
            throw fail("\"replications\" is \(replications); a study has 1 to \(Scenario.maximumReplications) replications")
        }
        guard wire.sampleFraction > 0, wire.sampleFraction <= 1 else {
            throw fail("\"sampleFraction\" is \(wire.sampleFraction), not a number above 0 and at most 1")
        }
        sampleFraction = wire.sampleFraction
        uncertainty = wire.uncertainty
        sets = wire.sets
        let (shardIndex, shardCount) = (try counted(wire.shardIndex, "shardIndex"), try counted(wire.shardCount, "shardCount"))
        do throws(ShardSelection.Problem) {
            shard = try ShardSelection(index: shardIndex, count: shardCount)
        } catch { throw fail("shard: \(error.message)") }
        replicationsHeld = []
        for r in wire.replicationsHeld { replicationsHeld.append(try counted(r, "replicationsHeld")) }
        variantHashes = wire.scenarioContentHashes ?? []
        axes = (wire.axes ?? []).map { Axis(path: $0.path, values: $0.values) }
        target = wire.target
        forSector = wire.for
        grouping = wire.grouping
        // A condition study has at most 20 rounds after the first (`--rounds`).
        if let rounds = wire.rounds, !(0...20).contains(rounds) { throw fail("\"rounds\" is \(rounds), not a whole number from 0 to 20") }
        if let round = wire.round, !(0...(wire.rounds ?? 0)).contains(round) {
            throw fail("\"round\" is \(round), not a whole number from 0 to the study's \"rounds\" (\(wire.rounds ?? 0))")
        }
        rounds = wire.rounds
        round = wire.round
        files = []
        for name in [Self.scenarioFileName] + replicationsHeld.map({ Self.dataFileName($0, command: command) }) {
            guard let checksum = wire.checksums[name] else { throw fail("no checksum for \(name)") }
            guard let size = wire.bytes[name], size >= 0 else { throw fail("no size for \(name), or not a whole number ≥ 0") }
            files.append(FileEntry(name: name, bytes: size, checksum: checksum))
        }
    }
}
