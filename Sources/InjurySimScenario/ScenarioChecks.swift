import InjurySimCore
import InjurySimFormat

/// Checks on a whole decoded scenario: things no single field can show. Each either rejects the
/// scenario (an issue) or, when the scenario is valid but part of it cannot matter, warns.
package enum ScenarioChecks {
    /// The node at a dotted path of names (`provinces.north.platformShares`), for locating an issue.
    static func node(_ root: JSONNode, _ names: [String]) -> JSONNode? {
        var current = root
        for name in names {
            guard case .object(let members) = current.value, let next = members.first(where: { $0.key == name }) else { return nil }
            current = next.value
        }
        return current
    }

    /// Every province's platform shares of a sector with workers sum to 1: the province's
    /// `platformShares` where given, each platform's `shareOfSector` otherwise.
    static func populationShares(_ scenario: Scenario, root: JSONNode, log: IssueLog) {
        for province in scenario.provinces {
            for (sector, definition) in scenario.sectors.enumerated() where province.workers[sector] > 0 {
                let members = scenario.platforms.indices.filter { scenario.platforms[$0].sector == sector }
                let shares = members.map { province.platformShares[$0] ?? scenario.platforms[$0].shareOfSector }
                let total = shares.reduce(0, +)
                guard abs(total - 1) > 1e-9 else { continue }
                let parts = zip(members, shares).map { scenario.platforms[$0].name + " " + Format.plain($1) }
                let given = !province.platformShares.isEmpty
                let path = "provinces." + province.name + (given ? ".platformShares" : "")
                let at = node(root, given ? ["provinces", province.name, "platformShares"] : ["platforms"])
                log.add(
                    path, at,
                    "the platforms' shares of sector \"\(definition.name)\" sum to \(Format.plain(total)) "
                        + "(\(parts.joined(separator: ", "))); they must sum to 1, so that every worker is counted once"
                        + (given ? " (a platform not named here takes its shareOfSector)" : ""))
            }
        }
    }

    /// Shocks and rollout phases against the horizon: a rollout that insures nobody within the
    /// horizon is an error; a phase or a fixed-date shock that starts after it is a warning.
    static func horizon(_ scenario: Scenario, root: JSONNode, log: IssueLog) -> [String] {
        let last = scenario.startMonth.adding(months: scenario.months - 1)
        let horizon = "\(scenario.startMonth) … \(last)"
        var warnings: [String] = []
        let late = scenario.rollout.indices.filter { scenario.rollout[$0].start.months(since: scenario.startMonth) >= scenario.months }
        if scenario.rollout.isEmpty {
            log.add(
                "rollout", node(root, ["rollout"]),
                "is empty, so nobody would be insured; list at least one phase, or leave rollout out to cover everyone from startMonth")
        } else if late.count == scenario.rollout.count {
            log.add(
                "rollout", node(root, ["rollout"]),
                "no phase starts within the horizon \(horizon), so nobody would be insured; "
                    + "start a phase by \(last) or lengthen months")
        } else if scenario.rollout.allSatisfy({ $0.takeUp == 0 }) {
            log.add("rollout", node(root, ["rollout"]), "every phase has takeUp 0, so nobody would be insured")
        } else {
            for index in late {
                warnings.append(
                    "rollout[\(index)]: starts \(scenario.rollout[index].start), after the horizon \(horizon); it has no effect in this run")
            }
        }
        for (index, shock) in scenario.shocks.enumerated() {
            if let start = shock.start, start.months(since: scenario.startMonth) >= scenario.months {
                warnings.append("shocks[\(index)] \"\(shock.name)\": starts \(start), after the horizon \(horizon); it has no effect in this run")
            }
        }
        return warnings
    }

    /// Refuses a scenario one of whose months could move more money than the 64-bit fen
    /// counters hold (see ``MoneyRange``); what accumulates over the months is checked as the
    /// run goes instead.
    package static func moneyRange(_ scenario: Scenario, root: JSONNode?, log: IssueLog) {
        let bound = MoneyRange.monthBoundFen(scenario)
        guard !(bound < MoneyRange.limitFen) else { return }
        log.add(
            "months", root.flatMap { node($0, ["months"]) },
            "with this horizon, growth and population one month's money could reach about \(Format.scientific(bound / 100)) yuan, "
                + "beyond what the model counts exactly (\(Format.scientific(MoneyRange.limitFen / 100)) yuan); "
                + "shorten the horizon or lower the growth rates, the workers or the rates per order")
    }
}
