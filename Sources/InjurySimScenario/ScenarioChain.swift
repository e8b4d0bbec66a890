import Foundation
import InjurySimCore
import InjurySimFormat

/// `"continues": "pilot-2022.json"`: a scenario that starts where an earlier phase of the rollout
/// left off.
///
/// The earlier file (path relative to the continuing file, as for `extends`) is loaded as it
/// stands — its own `extends` and `continues` resolved, no `--set` — and checked against this
/// one: it must start before this scenario and run at least until this scenario's first month
/// (it is cut there), and every one of its provinces and platforms must be in this scenario
/// (matched by name), because its funds, claims and workers carry over. The engine runs it first
/// in every replication (``Scenario/phasesToRun``).
enum ScenarioChain {
    static let maximumDepth = 8

    /// Takes `continues` out of `root`, the document of `file`: the earlier phase's path as
    /// written (empty when the earlier phase is given inline, as a part's resolved document
    /// carries it) and its node, or nil without one.
    static func take(_ root: inout JSONNode, file: String) throws(ScenarioError) -> (path: String, node: JSONNode)? {
        guard case .object(let members) = root.value, let entry = members.first(where: { $0.key == "continues" }) else { return nil }
        root.value = .object(members.filter { $0.key != "continues" })
        if case .object = entry.value.value { return ("", entry.value) }
        guard case .string(let relative) = entry.value.value, !relative.isEmpty else {
            throw failure(file: file, node: entry.value, "expected the path of the earlier phase's scenario file, in double quotes")
        }
        return (relative, entry.value)
    }

    /// The earlier phase named in `file` as one resolved document (its `extends` resolved, its
    /// own `continues` inlined the same way), for a part's self-contained scenario.
    static func inline(_ root: JSONNode, file: String) throws(ScenarioError) -> JSONNode {
        guard case .object(var members) = root.value, let index = members.firstIndex(where: { $0.key == "continues" }),
            case .string(let relative) = members[index].value.value, !relative.isEmpty
        else { return root }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let path = URL(fileURLWithPath: relative, relativeTo: directory).standardizedFileURL.path
        let text = try ScenarioLoader.resolvedText(path: path)
        do {
            members[index].value = try JSONCParser.parse(Array(text.utf8))
        } catch {
            throw failure(file: file, node: members[index].value, "the earlier phase's file \(relative) cannot be inlined: \(error.message)")
        }
        var out = root
        out.value = .object(members)
        return out
    }

    static func failure(file: String, node: JSONNode, _ message: String) -> ScenarioError {
        ScenarioError(
            file: file,
            issues: [
                ScenarioIssue(
                    path: "continues", value: node.excerpt, message: message, line: node.line, column: node.column, file: node.source)
            ])
    }

    /// Loads the earlier phase named in `file` and links it to `scenario`; `bytes` collects the
    /// earlier files' bytes for the content hash, `chain` the files already in the chain.
    static func link(
        _ scenario: inout Scenario, continues: (path: String, node: JSONNode), file: String, chain: [String],
        bytes: inout [UInt8]
    ) throws(ScenarioError) {
        let here = URL(fileURLWithPath: file).standardizedFileURL.path
        if chain.count >= maximumDepth {
            throw failure(file: file, node: continues.node, "continues is chained more than \(maximumDepth) deep")
        }
        var earlierBytes: [UInt8] = []
        let earlier: Scenario
        if continues.path.isEmpty {
            earlier = try ScenarioLoader.decode(root: continues.node, file: file, baseBytes: &earlierBytes, chain: chain + [here])
        } else {
            let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
            let path = URL(fileURLWithPath: continues.path, relativeTo: directory).standardizedFileURL.path
            if (chain + [here]).contains(path) {
                throw failure(
                    file: file, node: continues.node, "continues forms a cycle (\((chain + [here, path]).joined(separator: " → ")))")
            }
            let data: [UInt8]
            switch ScenarioLoader.read(path) {
            case .success(let contents): data = contents
            case .failure(let problem):
                throw failure(file: file, node: continues.node, "the earlier phase's file \(continues.path): \(problem.message)")
            }
            bytes.append(contentsOf: data)
            earlier = try ScenarioLoader.decode(bytes: data, file: path, overrides: [], baseBytes: &earlierBytes, chain: chain + [here])
        }
        bytes.append(contentsOf: earlierBytes)
        var problems: [String] = []
        let gap = scenario.startMonth.months(since: earlier.startMonth)
        if gap <= 0 {
            problems.append(
                "the earlier phase \(earlier.name) starts \(earlier.startMonth); this scenario must start after it (it starts \(scenario.startMonth))"
            )
        } else if gap > earlier.months {
            let end = earlier.startMonth.adding(months: earlier.months)
            problems.append(
                "the earlier phase \(earlier.name) ends \(earlier.startMonth.adding(months: earlier.months - 1)) but this scenario starts "
                    + "\(scenario.startMonth); the phases must meet: start no later than \(end), or lengthen the earlier phase's months")
        }
        let missingProvinces = earlier.provinces.map(\.name).filter { name in !scenario.provinces.contains { $0.name == name } }
        if !missingProvinces.isEmpty {
            problems.append(
                "every province of the earlier phase \(earlier.name) must be in this scenario (its funds and claims carry over); missing: "
                    + missingProvinces.joined(separator: ", "))
        }
        let missingPlatforms = earlier.platforms.map(\.name).filter { name in !scenario.platforms.contains { $0.name == name } }
        if !missingPlatforms.isEmpty {
            problems.append(
                "every platform of the earlier phase \(earlier.name) must be in this scenario (its ledger and workers carry over); missing: "
                    + missingPlatforms.joined(separator: ", "))
        }
        if !problems.isEmpty {
            throw ScenarioError(
                file: file,
                issues: problems.map {
                    ScenarioIssue(
                        path: "continues", value: continues.node.excerpt, message: $0, line: continues.node.line, column: continues.node.column,
                        file: continues.node.source)
                })
        }
        var own = earlier
        own.earlierPhases = []
        scenario.earlierPhases = earlier.earlierPhases + [own]
        scenario.continues = earlier.name
        // The month money bound of the whole chain (each file's own bound, checked as it is read,
        // leaves out the earlier phases' flows and the growth since the chain's start); what
        // accumulates over the months is checked as the run goes (``MoneyRange``).
        let bound = MoneyRange.monthBoundFen(scenario)
        guard !(bound < MoneyRange.limitFen) else { return }
        throw ScenarioError(
            file: file,
            issues: [
                ScenarioIssue(
                    path: "months", value: String(scenario.months),
                    message: "with the earlier phases it continues, this horizon's growth and population could move about "
                        + "\(Format.scientific(bound / 100)) yuan in one month, beyond what the model counts exactly "
                        + "(\(Format.scientific(MoneyRange.limitFen / 100)) yuan); shorten the horizon or lower the growth rates, the workers "
                        + "or the rates per order", line: continues.node.line, column: continues.node.column, file: continues.node.source)
            ])
    }
}
