import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

/// Merging the parts of `condition`: every round's worlds, checked round by round as a `run`'s
/// replications are, then the rounds replayed in order (``EvidenceRounds/replay(_:results:most:target:)``)
/// — each round's proposal is a function of the rounds before it, so the replayed rounds are those
/// one machine runs.
extension PartMerge {
    /// A conditioned study's rounds from its parts.
    package struct MergedCondition: Sendable {
        /// The study's scenario (round 0's).
        package var scenario: Scenario
        package var rounds: [EvidenceRounds.Round]
        /// The most rounds after the first (`--rounds`).
        package var most: Int
        /// The effective sample size the rounds stop at: half the worlds.
        package var target: Double
        /// The next round's scenario when the study is not done (its effective sample size is
        /// below the target with rounds left), else nil.
        package var next: Scenario?
    }

    /// The effective sample size at which a study of `scenario` stops: half its worlds.
    package static func conditionTarget(_ scenario: Scenario) -> Double { Double(scenario.replications) / 2 }

    /// The rounds the parts hold: every round from 0 up, each with all of its worlds exactly
    /// once, all from one study (every study field but the shard count agrees across rounds).
    package static func mergeCondition(_ parts: [Part]) throws(PartError) -> MergedCondition {
        guard let first = parts.first else { throw PartError(.usage, ["merge needs at least one part folder"]) }
        var problems: [String] = []
        for part in parts where part.manifest.command != "condition" || part.manifest.round == nil || part.manifest.rounds == nil {
            problems.append(
                "part \(part.label) holds replications of `\(part.manifest.command)`\(part.manifest.command == "condition" ? " without its round" : ""), "
                    + "not a round of `condition` like part \(first.label)")
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        let byRound = Dictionary(grouping: parts.indices) { parts[$0].manifest.round ?? 0 }
        let last = byRound.keys.max() ?? 0
        let missing = (0...last).filter { byRound[$0] == nil }
        guard missing.isEmpty else {
            throw PartError(
                .data,
                [
                    "no part of round\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) was given, "
                        + "but parts of round \(last) were: give every round's parts, from round 0"
                ])
        }
        // One study across the rounds: each round's first part against round 0's.
        let reference = first.manifest.studyFields.filter { $0.name != "shardCount" }
        for round in 0...last {
            guard let index = byRound[round]?.first else { continue }
            let fields = parts[index].manifest.studyFields.filter { $0.name != "shardCount" }
            for (mine, theirs) in zip(fields, reference) where mine.value != theirs.value {
                problems.append(
                    "part \(parts[index].label) (round \(round)) has \(mine.name) \(mine.value) but part \(first.label) has \(theirs.value): "
                        + "the rounds of one study must agree on the scenario, seed, replications, options, formats and program version")
            }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
        try checkFiles(parts)
        let scenario = try studyScenario(parts)
        var results: [[ReplicationResult]] = []
        for round in 0...last {
            let members = (byRound[round] ?? []).map { parts[$0] }
            let owners = try PartSetCheck.owners(members.map { ($0.label, $0.manifest) })
            results.append(try readResults(members, owners: owners, scenario: scenario))
        }
        let most = first.manifest.rounds ?? 0
        let target = conditionTarget(scenario)
        do throws(EvidenceRounds.ExtraRound) {
            let (rounds, next) = try EvidenceRounds.replay(scenario, results: results, most: most, target: target)
            return MergedCondition(scenario: scenario, rounds: rounds, most: most, target: target, next: next)
        } catch {
            let reason =
                error.effectiveSampleSize >= target
                ? "its effective sample size, \(error.effectiveSampleSize), reached the target \(target) (half the worlds)"
                : error.endedBy >= most ? "it was the last of the study's \(most) rounds after the first" : "no world agreed with the evidence"
            throw PartError(
                .data,
                [
                    "the study ended with round \(error.endedBy) (\(reason)), but parts of round \(error.endedBy + 1) were given: "
                        + "leave out the parts of rounds after \(error.endedBy)"
                ])
        }
    }
}
