import Foundation
import InjurySimCore
import InjurySimEngine

/// Whether a chain flows through its cuts: for every (province, platform) pair that runs on both
/// sides of a cut, the change from the earlier phase's last month to the later phase's first,
/// against what the scenarios themselves say may change there. Pure; table-tested
/// (`ChainContinuityTests`).
///
/// - Slots carry one for one: a change beyond rounding (1% or 1.5 simulated slots) is a jump.
/// - Orders and contributions per day, active workers and persons newly insured, each per
///   covered slot (the rollout's ramp is stated), may change at the cut by no more than they
///   change from month to month around it: the largest change over the `window` months on
///   either side inside the phases, × 1.5, + 5% (noise, growth and month lengths included);
///   persons newly insured, a count of a few persons a month in a small pair at the check's
///   sample, also by 4 SE of Poisson noise in the simulated counts (√(1/a + 1/b) on the log).
/// - The rate charged per order changes only by a rule at its date: in a review month of the
///   later phase's float, or where the later phase's benchmark rate differs from the earlier's
///   (a new rate rule from the cut). Otherwise a change beyond 0.5% is a jump. Contributions
///   may change by what such a rule changes the rate.
/// - A pair not covered before the cut arrives with its ramp and is listed, not checked.
package struct ChainContinuity: Sendable {
    package enum Measure: String, CaseIterable, Sendable {
        case slots, ordersPerDay, activeWorkers, newlyInsured, contributionsPerDay, rate
    }

    package struct Flag: Sendable, Equatable {
        package var pair: String
        package var measure: Measure
        package var before: Double
        package var after: Double
        /// What the change may be, in words ("±12%", "1.5 slots").
        package var allowed: String
    }

    package struct Cut: Sendable {
        package var month: YearMonth
        package var from: String
        package var to: String
        /// Pairs on both sides of the cut, checked.
        package var checked: [String]
        /// Pairs not covered before the cut: they arrive with their ramp.
        package var arrivals: [String]
        package var flags: [Flag]
        /// Each checked pair's last month before the cut and first after it.
        package var pairs: [(before: PairTrace.Row, after: PairTrace.Row)]
    }

    package let cuts: [Cut]

    /// The check of `rows` (one replication's trace); `reviewMonths[k]` is phase k's review
    /// month when its rates float, nil when they do not.
    package init(rows: [PairTrace.Row], reviewMonths: [Int?], window: Int = 6) {
        var byPair: [String: [PairTrace.Row]] = [:]
        var order: [String] = []
        for row in rows {
            let key = row.province + "/" + row.platform
            if byPair[key] == nil { order.append(key) }
            byPair[key, default: []].append(row)
        }
        var firstMonthOfPhase: [Int: (YearMonth, String)] = [:]
        for row in rows where firstMonthOfPhase[row.phase].map({ row.month < $0.0 }) ?? true {
            firstMonthOfPhase[row.phase] = (row.month, row.phaseName)
        }
        var cuts: [Cut] = []
        for phase in firstMonthOfPhase.keys.sorted() where phase > 0 {
            guard let (month, name) = firstMonthOfPhase[phase], let earlier = firstMonthOfPhase[phase - 1] else { continue }
            var cut = Cut(month: month, from: earlier.1, to: name, checked: [], arrivals: [], flags: [], pairs: [])
            for key in order {
                let series = byPair[key]!.sorted { $0.month < $1.month }
                guard let at = series.firstIndex(where: { $0.month == month && $0.phase == phase }) else { continue }
                guard at > 0, series[at - 1].phase == phase - 1, series[at - 1].coverage > 0 else {
                    cut.arrivals.append(key)
                    continue
                }
                cut.checked.append(key)
                cut.pairs.append((series[at - 1], series[at]))
                cut.flags += Self.flags(key: key, series: series, at: at, reviewMonths: reviewMonths, window: window)
            }
            cuts.append(cut)
        }
        self.cuts = cuts
    }

    /// Passes when no cut has a flag.
    package var passed: Bool { cuts.allSatisfy(\.flags.isEmpty) }

    static func value(_ row: PairTrace.Row, _ measure: Measure) -> Double {
        let days = Double(row.month.dayCount)
        let covered = max(row.coverage, 1e-12)
        switch measure {
        case .slots: return row.slots
        case .ordersPerDay: return row.orders / days / covered
        case .activeWorkers: return row.activeWorkers / covered
        case .newlyInsured: return row.newlyInsured / covered
        case .contributionsPerDay: return row.contributionsYuan / days / covered
        case .rate: return row.orders > 0 ? row.contributionsYuan / row.orders : 0
        }
    }

    static func isReview(_ row: PairTrace.Row, _ reviewMonths: [Int?]) -> Bool {
        row.phase < reviewMonths.count && reviewMonths[row.phase] == row.month.month
    }

    static func flags(key: String, series: [PairTrace.Row], at: Int, reviewMonths: [Int?], window: Int) -> [Flag] {
        let before = series[at - 1]
        let after = series[at]
        var out: [Flag] = []
        func flag(_ m: Measure, _ allowed: String) {
            out.append(Flag(pair: key, measure: m, before: value(before, m), after: value(after, m), allowed: allowed))
        }
        // Slots: one for one, to rounding.
        let slack = max(0.01 * before.slots, 1.5 * max(before.scale, after.scale))
        if abs(after.slots - before.slots) > slack { flag(.slots, "± " + String(Int(slack.rounded())) + " slots") }
        // The rate: only by a rule at its date.
        let rateBefore = value(before, .rate)
        let rateAfter = value(after, .rate)
        let ruleChange = isReview(after, reviewMonths) || abs(after.benchmarkYuanPerOrder - before.benchmarkYuanPerOrder) > 1e-9
        let rateChange = rateBefore > 0 && rateAfter > 0 ? PortableMath.log(rateAfter / rateBefore) : 0
        if !ruleChange && abs(rateChange) > 0.005 { flag(.rate, "no rule changes the rate here: ± 0.5%") }
        // Volumes: no more than they move from month to month around the cut.
        for measure in [Measure.ordersPerDay, .activeWorkers, .newlyInsured, .contributionsPerDay] {
            let a = value(before, measure)
            let b = value(after, measure)
            if a <= 0 || b <= 0 {
                // A pair too small to count anyone new in a month at this sample says nothing.
                if measure != .newlyInsured && (a > 0) != (b > 0) { flag(measure, "both sides above zero") }
                continue
            }
            var largest = 0.0
            for t in max(1, at - window)...min(series.count - 1, at + window) where t != at {
                let (x, y) = (series[t - 1], series[t])
                guard x.phase == y.phase, x.coverage > 0, y.coverage > 0 else { continue }
                if measure == .contributionsPerDay && isReview(y, reviewMonths) { continue }
                let (u, v) = (value(x, measure), value(y, measure))
                guard u > 0, v > 0 else { continue }
                largest = max(largest, abs(PortableMath.log(v / u)))
            }
            var band = 1.5 * largest + 0.05
            if measure == .newlyInsured {
                // A pair with few persons new in a month at this sample: the change may also be
                // Poisson noise, 4 SE of the log of a ratio of two counts, √(1/a + 1/b).
                let counts = [before, after].map { max(1, $0.newlyInsured / $0.scale) }
                band = max(band, 4 * (1 / counts[0] + 1 / counts[1]).squareRoot())
            }
            var change = PortableMath.log(b / a)
            if measure == .contributionsPerDay && ruleChange { change -= rateChange }
            if abs(change) > band {
                flag(measure, "± " + String(Int((PortableMath.exp(band) - 1) * 100 + 0.5)) + "% (its month-to-month change around the cut)")
            }
        }
        return out
    }
}
