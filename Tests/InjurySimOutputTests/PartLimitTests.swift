import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import Synchronization
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// Parts are untrusted input: a merge compares every file's size with its manifest and with what
/// the scenario's results take before reading it, reads at most the manifest's count + 1 bytes,
/// refuses what is not a regular file, and caps manifests, scenarios and replication counts —
/// exit class "data", naming the part, the file, the value and what was expected. The hostile
/// files are sparse (`truncate`): 3 GiB that cost no disk and, refused unread, no memory.
@Suite(.serialized) struct PartLimitTests {
    static let study = ShardStudy(seed: 11, replications: 4, sets: ["months=2"])
    static let gib3 = 3 * 1_073_741_824

    /// The parts of a 2-way split, written to folders `1` and `2` of a new temporary folder.
    static func partsOnDisk() async throws -> (folder: URL, paths: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-parts-\(UUID().uuidString)")
        var paths: [String] = []
        for (index, files) in try await study.parts(count: 2).enumerated() {
            let part = folder.appendingPathComponent(String(index + 1))
            try FileManager.default.createDirectory(at: part, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: part.appendingPathComponent(name)) }
            paths.append(part.path)
        }
        return (folder, paths)
    }

    /// Makes `path` a sparse file of `bytes` bytes (no data written).
    static func makeSparse(_ path: String, bytes: Int) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(bytes))
        try handle.close()
    }

    /// The problems merging the parts at `paths` reports, or nil when it merges.
    static func refusal(_ paths: [String]) -> PartError? {
        do throws(PartError) {
            _ = try PartMerge.merge(try PartFolderReader.open(paths))
            return nil
        } catch { return error }
    }

    static func expectRefused(_ paths: [String], _ phrases: [String]) {
        guard let error = refusal(paths) else {
            Issue.record("merged, expected a refusal containing \(phrases)")
            return
        }
        #expect(error.kind == .data)
        for phrase in phrases { #expect(error.description.contains(phrase), "\(error.description)") }
    }

    /// Replaces `key`'s value in a manifest's JSON text (a number or a quoted string).
    static func editManifest(_ path: String, _ edit: (String) -> String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent("manifest.json")
        try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    @Test func aReplicationFileGrownToGibibytesIsRefusedBySizeUnread() async throws {
        let (folder, paths) = try await Self.partsOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.refusal(paths) == nil, "the untouched parts merge")
        let name = PartManifest.dataFileName(2)
        let manifest = try PartManifest(parsing: [UInt8](Data(contentsOf: folder.appendingPathComponent("1/manifest.json"))), part: "1")
        let expected = try #require(manifest.files.first { $0.name == name }?.bytes)
        try Self.makeSparse(paths[0] + "/" + name, bytes: Self.gib3)
        Self.expectRefused(
            paths,
            ["part \(paths[0]): \(name) is damaged or truncated: it has 3221225472 bytes but the manifest says \(expected)", "run shard 1/2 again"])
    }

    @Test func anOversizedManifestOrScenarioIsRefusedUnread() async throws {
        let (folder, paths) = try await Self.partsOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        // scenario.json of 3 GiB, the manifest saying so too: refused by the scenario limit.
        try Self.makeSparse(paths[1] + "/scenario.json", bytes: Self.gib3)
        try Self.editManifest(paths[1]) { text in
            text.replacingOccurrences(of: #""scenario.json": \d+"#, with: "\"scenario.json\": \(Self.gib3)", options: .regularExpression)
        }
        Self.expectRefused(paths, ["part \(paths[1]): scenario.json: the manifest says 3221225472 bytes; a scenario file has at most 16777216"])
        // manifest.json of 3 GiB: refused before it is read.
        try Self.makeSparse(paths[0] + "/manifest.json", bytes: Self.gib3)
        Self.expectRefused(paths, ["part \(paths[0]): manifest.json has 3221225472 bytes; a part's manifest has at most 33554432"])
    }

    @Test(arguments: [1_000_000_000, 1_000_000_000_000])
    func aClaimedReplicationCountAboveTheLimitIsRefusedBeforeAllocating(_ claimed: Int) async throws {
        let (folder, paths) = try await Self.partsOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in paths { try Self.editManifest(path) { $0.replacingOccurrences(of: "\"replications\": 4", with: "\"replications\": \(claimed)") } }
        Self.expectRefused(paths, ["part \(paths[0]): manifest.json: \"replications\" is \(claimed); a study has 1 to 1000000 replications"])
    }

    /// A condition part's round lies within its study's rounds, and those within the 20 `--rounds` allows.
    @Test(arguments: [
        ("\"rounds\": 2, \"round\": 5", "\"round\" is 5, not a whole number from 0 to the study's \"rounds\" (2)"),
        ("\"rounds\": 25, \"round\": 1", "\"rounds\" is 25, not a whole number from 0 to 20"),
        ("\"round\": 1", "\"round\" is 1, not a whole number from 0 to the study's \"rounds\" (0)")
    ])
    func aRoundOutsideItsStudysRoundsIsRefused(_ keys: String, _ message: String) async throws {
        let (folder, paths) = try await Self.partsOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.editManifest(paths[0]) { $0.replacingOccurrences(of: "\"command\": \"run\"", with: "\"command\": \"run\", " + keys) }
        Self.expectRefused(paths, ["part \(paths[0]): manifest.json: " + message])
    }

    @Test func aReplicationFileOfTheWrongSizeForTheScenarioIsRefusedUnread() async throws {
        var parts = try await Self.study.parts(count: 2)
        let name = PartManifest.dataFileName(1)
        let size = try #require(parts[1][name]).count
        // The file and its manifest agree (8 bytes more) but no replication of this scenario is that long.
        parts[1][name] = (parts[1][name] ?? []) + [UInt8](repeating: 0, count: 8)
        var manifest = try PartManifest(parsing: parts[1]["manifest.json"] ?? [], part: "parts/2")
        let index = try #require(manifest.files.firstIndex { $0.name == name })
        manifest.files[index].bytes = size + 8
        parts[1]["manifest.json"] = Array(manifest.rendered().utf8)
        let reads = Mutex<[String]>([])
        let loaded = try parts.enumerated().map { index, files in
            let label = "parts/\(index + 1)"
            return PartMerge.Part(
                label: label, manifest: try PartManifest(parsing: files["manifest.json"] ?? [], part: label),
                status: { files[$0].map { .regular(bytes: $0.count) } ?? .missing },
                read: { name, limit in
                    reads.withLock { $0.append(name) }
                    return files[name].map { Array($0.prefix(limit)) }
                })
        }
        do throws(PartError) {
            _ = try PartMerge.merge(loaded)
            Issue.record("merged a replication file of the wrong size")
        } catch {
            #expect(error.kind == .data)
            #expect(
                error.description.contains(
                    "part parts/2: \(name) has \(size + 8) bytes; one replication of this scenario (2 months, 2 pools"),
                "\(error.description)")
            #expect(error.description.contains("takes \(size) in the ISR4 format"), "\(error.description)")
        }
        #expect(reads.withLock { $0 } == ["scenario.json", "scenario.json"], "no replication file is read")
    }

    @Test func everyReadAsksForAtMostTheManifestsCountPlusOne() async throws {
        let parts = try await Self.study.parts(count: 2)
        let asked = Mutex<[String: Int]>([:])
        var loaded: [PartMerge.Part] = []
        for (index, files) in parts.enumerated() {
            let label = "parts/\(index + 1)"
            loaded.append(
                PartMerge.Part(
                    label: label, manifest: try PartManifest(parsing: files["manifest.json"] ?? [], part: label),
                    status: { files[$0].map { .regular(bytes: $0.count) } ?? .missing },
                    read: { name, limit in
                        asked.withLock { $0[label + "/" + name] = limit }
                        // A file that grew after it was examined: one byte more than asked for is never returned.
                        return files[name].map { Array(($0 + [0x20]).prefix(limit)) }
                    }))
        }
        do throws(PartError) {
            _ = try PartMerge.merge(loaded)
            Issue.record("merged files that grew")
        } catch {
            #expect(error.description.contains("scenario.json is damaged or truncated (more than"), "\(error.description)")
        }
        for (index, files) in parts.enumerated() {
            let manifest = try PartManifest(parsing: files["manifest.json"] ?? [], part: "p")
            for entry in manifest.files {
                if let limit = asked.withLock({ $0["parts/\(index + 1)/" + entry.name] }) { #expect(limit == entry.bytes + 1) }
            }
        }
        #expect(!asked.withLock { $0 }.isEmpty)
    }

    @Test func symbolicLinksAndFoldersInAPartAreRefusedNotFollowed() async throws {
        let (folder, paths) = try await Self.partsOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = PartManifest.dataFileName(1)
        let file = paths[1] + "/" + name
        let copy = folder.appendingPathComponent("elsewhere.isr3").path
        try FileManager.default.moveItem(atPath: file, toPath: copy)
        // Same bytes, same size, but through a link: refused (a link could point at /dev/zero or another user's file).
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: copy)
        Self.expectRefused(paths, ["part \(paths[1]): \(name) is a symbolic link, not a regular file"])
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
        Self.expectRefused(paths, ["part \(paths[1]): \(name) is a folder, not a regular file"])
        #expect(PartFolderReader.read(copy, limit: 1 << 20) != nil)
        #expect(PartFolderReader.read(file, limit: 1 << 20) == nil, "a folder is not read")
        #expect(PartFolderReader.read("/dev/zero", limit: 16) == nil, "a device is not read")
        #expect(PartFolderReader.status("/dev/zero") == .other("a device, pipe or socket"))
    }

    /// Figures no run produces (a series summing past an eighth of the Int64 range, a cost that is
    /// not finite) are refused after decoding: the summaries' Int64 sums trapped on them.
    @Test func figuresBeyondTheModelsRangeAreRefused() async throws {
        let study = ShardStudy(seed: 3, replications: 1, sets: ["months=2"])
        let bytes = try #require(try await study.part(ShardSelection(index: 1, count: 1))[PartManifest.dataFileName(0)])
        let real = try #require(ReplicationResult(encoded: bytes))
        #expect(PartMerge.outOfRange(real) == nil)
        var huge = real
        huge.monthly[0] = Int64.max / 8
        huge.monthly[huge.monthly.count / 2] = Int64.max / 8  // the same series in the second month
        #expect(PartMerge.outOfRange(huge)?.contains("monthly series") == true)
        var notFinite = real
        notFinite.incurredBySector[0] = .nan
        #expect(PartMerge.outOfRange(notFinite)?.contains("not a finite number") == true)
        var count = real
        count.simulatedAccidents = -Int64.max
        #expect(PartMerge.outOfRange(count)?.contains("count") == true)
    }

    /// A replication file's header whose dimensions multiply past Int.max decodes to nil; it trapped.
    @Test func anISR4HeaderWhoseProductsOverflowIsNotAResult() {
        var words = [UInt64](repeating: 0, count: 16)
        words[0] = 0x3452_5349  // ISR4
        (words[2], words[3], words[4]) = (1 << 39, 1 << 39, 1)  // months, pools, sectors
        (words[5], words[6], words[7]) = (1 << 39, 1 << 39, 1 << 39)
        let bytes = words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) } }
        #expect(ReplicationResult(encoded: bytes) == nil)
        let result = ReplicationResult(replication: 3, months: 2, poolCount: 2, sectorCount: 3, platformCount: 2)
        #expect(result.encoded().count == ReplicationResult.encodedSize(months: 2, poolCount: 2, sectorCount: 3, platformCount: 2))
        #expect(ReplicationResult(encoded: result.encoded())?.replication == 3)
    }
}
