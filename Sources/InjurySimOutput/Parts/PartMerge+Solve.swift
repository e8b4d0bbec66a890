import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

/// Merging the parts of `solve`: every replication's threshold, rounds and benchmark result, in
/// replication order — what the search over all of them would have found.
extension PartMerge {
    package static func mergeSolve(_ parts: [Part]) throws(PartError) -> (scenario: Scenario, share: PolicyCommands.SolveShare) {
        let owners = try PartSetCheck.owners(parts.map { ($0.label, $0.manifest) })
        try checkFiles(parts)
        let scenario = try studyScenario(parts)
        // Three words (threshold, growing and bisection rounds), then the ISR4 result.
        let size =
            24
            + ReplicationResult.encodedSize(
                months: scenario.months, poolCount: scenario.poolNames.count, sectorCount: scenario.sectors.count,
                platformCount: scenario.platforms.count)
        try checkDataSizes(parts, expected: size, format: "ISS1", scenario: dimensions(scenario))
        var problems: [String] = []
        var share = PolicyCommands.SolveShare(replications: [], thresholds: [], atBenchmark: [], growthRounds: [], bisectionRounds: [])
        for (replication, owner) in owners.enumerated() {
            let part = parts[owner]
            let name = PartManifest.dataFileName(replication, command: "solve")
            guard let bytes = verifiedBytes(part, name, problems: &problems) else { continue }
            let words = bytes.count >= 24 ? (0..<3).map { w in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[w * 8 + $1]) << UInt64(8 * $1) } } : []
            guard words.count == 3, words[1] < 64, words[2] < 64, let result = ReplicationResult(encoded: Array(bytes[24...])),
                result.replication == replication, result.months == scenario.months, result.poolCount == scenario.poolNames.count,
                result.sectorCount == scenario.sectors.count
            else {
                problems.append(
                    "part \(part.label): \(name) is not replication \(replication)'s threshold and result in the ISS1 format; "
                        + "run shard \(part.manifest.shard) again")
                continue
            }
            if let problem = outOfRange(result) {
                problems.append("part \(part.label): \(name) holds \(problem), which no run produces; run shard \(part.manifest.shard) again")
                continue
            }
            share.replications.append(replication)
            share.thresholds.append(Double(bitPattern: words[0]))
            share.growthRounds.append(Int(words[1]))
            share.bisectionRounds.append(Int(words[2]))
            share.atBenchmark.append(result)
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        return (scenario, share)
    }
}
