import InjurySimAnalysis
import InjurySimCore

/// The rule a merge applies before reading any replication: the parts come from one study
/// (same scenario content, seed, replication count, options, formats and program version), each
/// holds exactly its shard's replications, and together they hold every replication exactly
/// once. Pure: it judges manifests only, and reports every problem at once, naming the parts
/// and the replications.
package enum PartSetCheck {
    /// The part (index into `parts`) holding each replication 0..<R, or every problem found.
    package static func owners(_ parts: [(label: String, manifest: PartManifest)]) throws(PartError) -> [Int] {
        guard let first = parts.first else { throw PartError(.usage, ["merge needs at least one part folder"]) }
        var problems: [String] = []
        // One study: every field agrees with the first part's.
        let reference = first.manifest.studyFields
        for part in parts.dropFirst() {
            for (mine, theirs) in zip(part.manifest.studyFields, reference) where mine.value != theirs.value {
                problems.append(
                    "part \(part.label) has \(mine.name) \(shown(mine.value)) but part \(first.label) has \(shown(theirs.value)): "
                        + "parts of one study must agree on the scenario, seed, replications, options, formats and program version")
            }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        let total = first.manifest.replications
        let count = first.manifest.shard.count
        // The claimed count bounds everything allocated below (the replication lists, `owners`):
        // refused above the limit before any of it exists.
        guard (1...Scenario.maximumReplications).contains(total) else {
            throw PartError(
                .data, ["part \(first.label) claims \(total) replications; a study has 1 to \(Scenario.maximumReplications) replications"])
        }
        // Each part holds exactly the replications of its shard.
        for part in parts {
            // A list longer than the study is refused as it stands, before sets are built from it.
            guard part.manifest.replicationsHeld.count <= total else {
                problems.append(
                    "part \(part.label) is shard \(part.manifest.shard) of \(total) replications "
                        + "(\(Self.replicationCount(part.manifest.shard, of: total)) of them) but lists \(part.manifest.replicationsHeld.count)")
                continue
            }
            let expected = part.manifest.shard.replications(of: total)
            if part.manifest.replicationsHeld != expected {
                let held = Set(part.manifest.replicationsHeld)
                let lacking = expected.filter { !held.contains($0) }
                let own = Set(expected)
                let foreign = part.manifest.replicationsHeld.filter { !own.contains($0) }
                var what: [String] = []
                if !lacking.isEmpty { what.append("lacks replications \(list(lacking))") }
                if !foreign.isEmpty { what.append("holds replications \(list(foreign)) of other shards") }
                if what.isEmpty { what.append("lists its replications out of order or twice") }
                problems.append("part \(part.label) is shard \(part.manifest.shard) of \(total) replications but \(what.joined(separator: " and "))")
            }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        // Every shard exactly once.
        var byShard = [[Int]](repeating: [], count: count + 1)
        for (index, part) in parts.enumerated() { byShard[part.manifest.shard.index].append(index) }
        for shard in 1...count where byShard[shard].count > 1 {
            let labels = byShard[shard].map { parts[$0].label }
            let doubled = (try? ShardSelection(index: shard, count: count))?.replications(of: total) ?? []
            problems.append(
                "shard \(shard)/\(count) is given \(labels.count) times (parts \(labels.joined(separator: ", "))): "
                    + "replications \(list(doubled)) would be counted twice; give each shard once")
        }
        let missingShards = (1...count).filter { byShard[$0].isEmpty }
        let missing = missingShards.flatMap { shard in (try? ShardSelection(index: shard, count: count))?.replications(of: total) ?? [] }.sorted()
        if !missing.isEmpty {
            let indices = missingShards.filter { !((try? ShardSelection(index: $0, count: count))?.replications(of: total).isEmpty ?? true) }
            problems.append(
                "replications \(list(missing)) are missing: no part of shard \(indices.map { "\($0)/\(count)" }.joined(separator: ", ")) "
                    + "was given; run those tasks again (Slurm array indices \(indices.map { String($0 - 1) }.joined(separator: ","))) and merge all parts"
            )
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        var owners = [Int](repeating: -1, count: total)
        for (index, part) in parts.enumerated() {
            for r in part.manifest.replicationsHeld { owners[r] = index }
        }
        return owners
    }

    /// How many of `total` replications `shard` holds, counted without listing them.
    static func replicationCount(_ shard: ShardSelection, of total: Int) -> Int {
        total >= shard.index ? (total - shard.index) / shard.count + 1 : 0
    }

    /// "0, 4, 8" — at most 20 shown.
    static func list(_ values: [Int]) -> String {
        let shown = values.prefix(20).map(String.init).joined(separator: ", ")
        return values.count > 20 ? shown + " and \(values.count - 20) more" : shown
    }

    static func shown(_ value: String) -> String { value.isEmpty ? "(none)" : value }
}
