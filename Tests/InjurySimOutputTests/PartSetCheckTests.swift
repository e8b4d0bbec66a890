import InjurySimAnalysis
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A merge accepts parts only of one study, each holding exactly its shard, together holding
/// every replication once; every problem names the parts and the replications.
@Suite struct PartSetCheckTests {
    static func part(_ index: Int, of count: Int, replications: Int = 8, edit: (inout PartManifest) -> Void = { _ in }) -> (
        label: String, manifest: PartManifest
    ) {
        // The tables below only name valid shards.
        let shard = try! ShardSelection(index: index, count: count)
        let held = shard.replications(of: replications)
        let files =
            [PartManifest.FileEntry(name: "scenario.json", bytes: 10, checksum: "fnv1a64:0000000000000001")]
            + held.map { PartManifest.FileEntry(name: PartManifest.dataFileName($0), bytes: 8, checksum: "fnv1a64:00000000000000\($0 + 10)") }
        var manifest = PartManifest(
            scenarioName: "smoke", scenarioFile: "smoke.json", scenarioContentHash: "fnv1a64:abc", seed: 7,
            replications: replications, sampleFraction: 1, uncertainty: true, sets: [], shard: shard,
            replicationsHeld: held, files: files)
        edit(&manifest)
        return ("parts/\(index)", manifest)
    }

    static func problems(_ parts: [(label: String, manifest: PartManifest)]) -> [String]? {
        do throws(PartError) {
            _ = try PartSetCheck.owners(parts)
            return nil
        } catch {
            #expect(error.kind == (parts.isEmpty ? .usage : .data))
            return error.problems
        }
    }

    @Test func completeSetsAreAcceptedWithEachReplicationOwnedByItsShard() throws {
        for count in [1, 2, 3, 7, 9] {
            let parts = (1...count).reversed().map { Self.part($0, of: count) }
            let owners = try PartSetCheck.owners(parts)
            #expect(owners.count == 8)
            for (r, owner) in owners.enumerated() { #expect(parts[owner].manifest.shard.index == r % count + 1) }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var parts: @Sendable () -> [(label: String, manifest: PartManifest)]
        var phrases: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no parts", parts: { [] }, phrases: ["at least one part"]),
        Case(
            name: "missing shard", parts: { [part(1, of: 3), part(3, of: 3)] },
            phrases: ["replications 1, 4, 7 are missing", "shard 2/3", "array indices 1"]),
        Case(
            name: "two shards missing", parts: { [part(2, of: 4)] },
            phrases: ["replications 0, 2, 3, 4, 6, 7 are missing", "shard 1/4, 3/4, 4/4", "array indices 0,2,3"]),
        Case(
            name: "shard given twice", parts: { [part(1, of: 2), part(2, of: 2), part(2, of: 2)] },
            phrases: ["shard 2/2 is given 2 times", "parts/2, parts/2", "replications 1, 3, 5, 7 would be counted twice"]),
        Case(
            name: "other scenario version", parts: { [part(1, of: 2), part(2, of: 2) { $0.scenarioContentHash = "fnv1a64:def" }] },
            phrases: ["part parts/2 has scenarioContentHash fnv1a64:def but part parts/1 has fnv1a64:abc"]),
        Case(
            name: "other sample fraction", parts: { [part(1, of: 2), part(2, of: 2) { $0.sampleFraction = 0.5 }] },
            phrases: ["sampleFraction 0.5", "has 1.0"]),
        Case(name: "other seed", parts: { [part(1, of: 2), part(2, of: 2) { $0.seed = 8 }] }, phrases: ["seed 8"]),
        Case(name: "other replication count", parts: { [part(1, of: 2), part(2, of: 2, replications: 9)] }, phrases: ["replications 9"]),
        Case(name: "other shard count", parts: { [part(1, of: 2), part(2, of: 3), part(3, of: 3)] }, phrases: ["shardCount 3"]),
        Case(name: "other uncertainty", parts: { [part(1, of: 2), part(2, of: 2) { $0.uncertainty = false }] }, phrases: ["uncertainty false"]),
        Case(name: "other overrides", parts: { [part(1, of: 2), part(2, of: 2) { $0.sets = ["months=6"] }] }, phrases: ["sets months=6"]),
        Case(
            name: "other program version", parts: { [part(1, of: 2), part(2, of: 2) { $0.programVersion = "injurysim 0.1" }] },
            phrases: ["programVersion injurysim 0.1"]),
        Case(name: "other command", parts: { [part(1, of: 2), part(2, of: 2) { $0.command = "compare" }] }, phrases: ["command compare"]),
        Case(
            name: "other sweep axes",
            parts: {
                [
                    part(1, of: 2) { $0.axes = [.init(path: "months", values: ["2", "3"])] },
                    part(2, of: 2) { $0.axes = [.init(path: "months", values: ["2", "4"])] }
                ]
            },
            phrases: ["axes months=2,4", "has months=2,3"]),
        Case(
            name: "other solve target", parts: { [part(1, of: 2) { $0.target = "ruin<=0.1" }, part(2, of: 2) { $0.target = "ruin<=0.2" }] },
            phrases: ["target ruin<=0.2", "has ruin<=0.1"]),
        Case(name: "other results format", parts: { [part(1, of: 2), part(2, of: 2) { $0.resultsFormatVersion = 1 }] }, phrases: ["formatVersion 1"]),
        Case(
            name: "part lacking a replication", parts: { [part(1, of: 2) { $0.replicationsHeld = [0, 2, 4] }, part(2, of: 2)] },
            phrases: ["part parts/1 is shard 1/2 of 8 replications but lacks replications 6"]),
        Case(
            name: "part holding another shard's replication", parts: { [part(1, of: 2) { $0.replicationsHeld = [0, 1, 2, 4, 6] }, part(2, of: 2)] },
            phrases: ["holds replications 1 of other shards"]),
        // Claims checked before anything is sized by them (issue 20, item 5).
        Case(
            name: "a billion replications claimed",
            parts: { [part(1, of: 2) { $0.replications = 1_000_000_000 }, part(2, of: 2) { $0.replications = 1_000_000_000 }] },
            phrases: ["part parts/1 claims 1000000000 replications; a study has 1 to 1000000 replications"]),
        Case(
            name: "no replications claimed", parts: { [part(1, of: 1) { $0.replications = 0 }] },
            phrases: ["part parts/1 claims 0 replications"]),
        Case(
            name: "part listing more replications than the study has", parts: { [part(1, of: 1) { $0.replicationsHeld = Array(0..<20) }] },
            phrases: ["part parts/1 is shard 1/1 of 8 replications (8 of them) but lists 20"])
    ]

    @Test(arguments: cases) func mergeRefusesPartsThatAreNotOneCompleteStudy(_ c: Case) {
        guard let problems = Self.problems(c.parts()) else {
            Issue.record("\(c.name): accepted")
            return
        }
        let text = problems.joined(separator: "\n")
        for phrase in c.phrases { #expect(text.contains(phrase), "\(c.name): \(text)") }
    }

    /// A shard with no replications (R < N) is still a shard of the study: it may be given or not.
    @Test func emptyShardsNeedNotBeGiven() throws {
        let without = try PartSetCheck.owners([Self.part(1, of: 5, replications: 2), Self.part(2, of: 5, replications: 2)])
        #expect(without == [0, 1])
    }

    /// A manifest claiming more replications than a study may have, or a negative file size, is
    /// refused as it is read: nothing is allocated by the claim.
    @Test(arguments: [("\"replications\": 8,", "\"replications\": 1000000000000,"), ("\"scenario.json\": 10", "\"scenario.json\": -5")])
    func manifestClaimsBeyondTheLimitsAreRefused(_ edit: (String, String)) {
        let text = Self.part(1, of: 2).manifest.rendered()
        #expect(text.contains(edit.0))
        do throws(PartError) {
            _ = try PartManifest(parsing: Array(text.replacingOccurrences(of: edit.0, with: edit.1).utf8), part: "parts/1")
            Issue.record("accepted \(edit.1)")
        } catch {
            #expect(error.kind == .data)
            let expected =
                edit.1.hasPrefix("\"replications") ? "\"replications\" is 1000000000000; a study has 1 to 1000000" : "no size for scenario.json"
            #expect(error.description.contains("part parts/1: manifest.json: " + expected), "\(error.description)")
        }
    }

    /// How many replications a shard holds, counted without listing them, agrees with the list.
    @Test func replicationCountsAgreeWithTheShardsLists() throws {
        for total in [1, 2, 7, 8, 100] {
            for count in [1, 2, 3, 8, 9] {
                for index in 1...count {
                    let shard = try ShardSelection(index: index, count: count)
                    #expect(PartSetCheck.replicationCount(shard, of: total) == shard.replications(of: total).count)
                }
            }
        }
    }

    /// The manifest reads back to the same value, and a damaged one is refused naming the part.
    @Test func manifestRoundTripsAndDamageIsRefused() throws {
        let original = Self.part(2, of: 3).manifest
        let text = original.rendered()
        #expect(try PartManifest(parsing: Array(text.utf8), part: "p") == original)
        for damaged in [String(text.prefix(text.count / 2)), text.replacingOccurrences(of: "injurysim part", with: "injurysim"), "[]"] {
            #expect(throws: PartError.self) { try PartManifest(parsing: Array(damaged.utf8), part: "parts/2") }
            do throws(PartError) { _ = try PartManifest(parsing: Array(damaged.utf8), part: "parts/2") } catch {
                #expect(error.kind == .data)
                #expect(error.description.contains("part parts/2: manifest.json"))
            }
        }
    }
}
