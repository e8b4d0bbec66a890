import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// The continuity of a chain of phases (`continues`) around its cuts: one replication of the
/// chain at central inputs, every (province, platform) pair traced month by month, checked by
/// ``ChainContinuity``.
extension ModelValidation {
    /// The shipped chain that `validate-model` checks unless told otherwise.
    package static let shippedChain = "Scenarios/national-2026-chained.json"

    /// How the chain is run for the check.
    package struct ChainRun: Sendable {
        package var sampleFraction: Double = 0.01
        package var minimumSampledWorkersPerPool = 20_000
        package init() {}
    }

    /// The chain in `scenarioPath` traced at central inputs and checked.
    package static func chainContinuity(scenarioPath: String, settings: ChainRun) async throws(ScenarioError) -> (
        continuity: ChainContinuity, rows: [PairTrace.Row], scenario: Scenario
    ) {
        var scenario = try ScenarioLoader.load(path: scenarioPath).scenario
        scenario.uncertainty = false
        scenario.sampleFraction = settings.sampleFraction
        scenario.minimumSampledWorkersPerPool = settings.minimumSampledWorkersPerPool
        let trace = await ReplicationCoordinator(scenario: scenario).trace(replication: 0)
        let reviews = (scenario.phasesToRun + [scenario]).map { $0.rateFloat.enabled ? Optional($0.rateFloat.reviewMonth) : nil }
        return (ChainContinuity(rows: trace.rows, reviewMonths: reviews), trace.rows, scenario)
    }

    /// The continuity as a row of the checks table.
    package static func chainCheck(_ c: ChainContinuity, scenario: Scenario, settings: ChainRun) -> Check {
        let flags = c.cuts.reduce(0) { $0 + $1.flags.count }
        let checked = c.cuts.reduce(0) { $0 + $1.checked.count }
        return Check(
            name: chainCheckName, quantity: "jumps at the cuts", expected: "0",
            simulated: "\(flags) over \(checked) pairs at \(c.cuts.count) cut\(c.cuts.count == 1 ? "" : "s")",
            tolerance: "the continuity rule", passed: c.passed && !c.cuts.isEmpty,
            method:
                "\(scenario.name) and the phases it continues, one replication at central inputs on a \(text(settings.sampleFraction * 100, 0))% sample "
                + "(pools of at least \(settings.minimumSampledWorkersPerPool) simulated slots); every (province, platform) pair that runs on both sides of a "
                + "cut is checked as the section below says")
    }

    static let chainCheckName = "Continuity of the shipped chain"

    /// The section of docs/VALIDATION.md: per cut, the pairs' totals by province on both sides
    /// and every flag.
    static func chainSection(_ c: ChainContinuity, path: String) -> [String] {
        var lines = [
            "## Continuity of the shipped chain",
            "",
            "`\(path)` run through every phase on one clock (`ChainContinuity`). For each (province, platform) pair",
            "on both sides of a cut: slots carry one for one (to 1% or 1.5 simulated slots); orders and contributions",
            "per day, active workers and persons newly insured, each per covered slot, change at the cut by no more",
            "than 1.5 × their largest month-to-month change within 6 months on either side, + 5%; the rate per order",
            "changes only in a review month of the later phase or where its benchmark rate changes (a rule at its",
            "date). Pairs not covered before the cut arrive with their rollout ramp and are not checked.",
            "`injurysim validate-model --pairs FILE` writes every pair's months around each cut as CSV."
        ]
        func m(_ x: Double) -> String { text(x / 1_000_000, 2) }
        for cut in c.cuts {
            lines += [
                "",
                "### \(cut.month): \(cut.from) → \(cut.to)",
                "",
                "\(cut.checked.count) pairs checked, \(cut.arrivals.count) arriving with their ramp, \(cut.flags.count) flagged.",
                "Totals of the checked pairs by province, the last month before the cut → the first after it:",
                "",
                "| province | slots (M) | orders per day (M) | active workers (M) | newly insured (k) | contributions per day (¥ k) |",
                "|---|---|---|---|---|---|"
            ]
            var provinces: [String] = []
            var sums: [String: [Double]] = [:]
            for (before, after) in cut.pairs {
                if sums[before.province] == nil { provinces.append(before.province) }
                let b = before, a = after
                let add = [
                    b.slots, a.slots, b.orders / Double(b.month.dayCount), a.orders / Double(a.month.dayCount), b.activeWorkers, a.activeWorkers,
                    b.newlyInsured, a.newlyInsured, b.contributionsYuan / Double(b.month.dayCount), a.contributionsYuan / Double(a.month.dayCount)
                ]
                sums[before.province] = zip(sums[before.province] ?? Array(repeating: 0, count: add.count), add).map { $0 + $1 }
            }
            for province in provinces {
                let s = sums[province]!
                lines.append(
                    "| \(province) | \(m(s[0])) → \(m(s[1])) | \(m(s[2])) → \(m(s[3])) | \(m(s[4])) → \(m(s[5])) | "
                        + "\(text(s[6] / 1000, 1)) → \(text(s[7] / 1000, 1)) | \(text(s[8] / 1000, 1)) → \(text(s[9] / 1000, 1)) |")
            }
            if !cut.flags.isEmpty {
                lines += ["", "| pair | measure | before | after | allowed |", "|---|---|---|---|---|"]
                for f in cut.flags {
                    lines.append("| \(f.pair) | \(f.measure.rawValue) | \(text(f.before, 4)) | \(text(f.after, 4)) | \(f.allowed) |")
                }
            }
        }
        return lines
    }

    /// Every pair's months within `window` months of each cut, as CSV (full scale; money in yuan).
    package static func pairsCSV(_ rows: [PairTrace.Row], cuts: [YearMonth], window: Int = 6) -> String {
        var lines = [
            "phase,scenario,month,province,platform,slots,coverage,orders,active_workers,newly_insured,contributions_booked_yuan,rate_yuan_per_order,benchmark_yuan_per_order"
        ]
        for row in rows where cuts.contains(where: { abs(row.month.months(since: $0)) <= window }) {
            let rate = row.orders > 0 ? row.contributionsYuan / row.orders : 0
            let cells = [
                String(row.phase), row.phaseName, row.month.description, row.province, row.platform, text(row.slots, 0), text(row.coverage, 4),
                text(row.orders, 0), text(row.activeWorkers, 0), text(row.newlyInsured, 0), text(row.contributionsYuan, 2), text(rate, 4),
                text(row.benchmarkYuanPerOrder, 4)
            ]
            lines.append(CSV.row(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
