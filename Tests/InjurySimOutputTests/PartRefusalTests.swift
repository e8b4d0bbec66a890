import InjurySimAnalysis
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A merge refuses parts that do not make one complete, intact study, with exit class "data"
/// and a message naming the part and the replications or the file.
@Suite(.serialized) struct PartRefusalTests {
    static let study = ShardStudy(seed: 7, replications: 5, sets: ["months=3"])

    static func expectRefused(_ parts: [[String: [UInt8]]], _ phrases: [String]) {
        guard let error = ShardStudy.refusal(parts) else {
            Issue.record("merged, expected a refusal containing \(phrases)")
            return
        }
        #expect(error.kind == .data)
        for phrase in phrases { #expect(error.description.contains(phrase), "\(error.description)") }
    }

    @Test func refusesAPartFromAnotherScenarioVersion() async throws {
        var parts = try await Self.study.parts(count: 3)
        var edited = Self.study
        edited.sets.append("sectors.food-delivery.claimsPerMillionOrders=300")
        parts[1] = try await edited.part(ShardSelection(index: 2, count: 3))
        Self.expectRefused(parts, ["part parts/2 has scenarioContentHash", "part parts/1 has"])
    }

    @Test func refusesAMissingShard() async throws {
        let parts = try await Self.study.parts(count: 3)
        Self.expectRefused([parts[0], parts[2]], ["replications 1, 4 are missing", "shard 2/3"])
    }

    @Test func refusesAShardGivenTwice() async throws {
        let parts = try await Self.study.parts(count: 3)
        Self.expectRefused([parts[0], parts[1], parts[2], parts[1]], ["shard 2/3 is given 2 times", "parts/2, parts/4"])
    }

    @Test func refusesDifferentSampleFractions() async throws {
        var parts = try await Self.study.parts(count: 2)
        var half = Self.study
        half.sampleFraction = 0.5
        parts[1] = try await half.part(ShardSelection(index: 2, count: 2))
        Self.expectRefused(parts, ["part parts/2 has sampleFraction 0.5 but part parts/1 has 1.0"])
    }

    @Test func refusesATruncatedOrCorruptedReplication() async throws {
        let parts = try await Self.study.parts(count: 2)
        let name = PartManifest.dataFileName(3)
        let original = try #require(parts[1][name])
        var truncated = parts
        truncated[1][name] = Array(original.prefix(original.count - 8))
        Self.expectRefused(truncated, ["part parts/2: \(name) is damaged or truncated", "run shard 2/2 again"])
        // One bit flipped, same size: only the checksum can tell.
        var flipped = parts
        var bytes = original
        bytes[bytes.count / 2] ^= 0x01
        flipped[1][name] = bytes
        Self.expectRefused(flipped, ["part parts/2: \(name) is damaged or truncated"])
        var missing = parts
        missing[1][name] = nil
        Self.expectRefused(missing, ["part parts/2: \(name) is missing"])
        // The untouched parts merge (the refusals above are about the damage, not the setup).
        #expect(ShardStudy.refusal(parts) == nil)
    }

    @Test func refusesATruncatedManifestOrScenario() async throws {
        let parts = try await Self.study.parts(count: 2)
        var cut = parts
        cut[0]["manifest.json"] = Array((parts[0]["manifest.json"] ?? []).prefix(200))
        Self.expectRefused(cut, ["part parts/1: manifest.json: not valid JSON"])
        var scenario = parts
        scenario[1]["scenario.json"] = Array((parts[1]["scenario.json"] ?? []).dropLast(10))
        Self.expectRefused(scenario, ["part parts/2: scenario.json is damaged or truncated"])
    }
}
