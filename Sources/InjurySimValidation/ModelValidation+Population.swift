import Foundation
import InjurySimCore
import InjurySimEngine

/// The living population against independent computations: a stationary population stays
/// stationary (slots exactly, ages within sampling error of the steady state of hires, geometric
/// tenures and exit at retirement), and a logistic path's covered slots follow m(t).
extension ModelValidation {
    static let stationaryName = "Stationary population, 30 years"
    static let logisticName = "Logistic growth of covered slots"

    /// Ages of the holders on `day`: age at hire (drawn as the claim builder draws it) + time
    /// since. `state` must have been stepped through `day` (its holders are those present).
    static func holderAges(_ state: ShardState, day: Int, bands: [Double], maleShare: Double) -> [Double] {
        let segment = state.segments[0]
        return state.workers.indices.map { i in
            let w = state.workers[i]
            let person = segment.key.child(UInt64(segment.firstSlot + i - segment.range.lowerBound)).child(UInt64(w.generation))
            let hire = WorkerAge.atHire(person: person, hireDay: Int(w.hireDay), bands: bands, maleShare: maleShare)
            return hire.age + Double(day - Int(w.hireDay)) / 365.25
        }
    }

    /// The steady state of slot holders when hires' ages come from `bands` (uniform within each)
    /// and sex from `maleShare`, tenures are geometric (stay probability `q` a day) and a holder
    /// leaves on the first day aged at least the retirement age: a holder of entry age a is present
    /// on elapsed day s < D(a) = max(1, ⌈(R − a)·365.25⌉) with probability qˢ, so the share of time
    /// held by entry age a is f(a)·Σ_{s<D} qˢ (renewal reward). Returns the mean age and the share
    /// of holders in each of `edges`' bands, by sums of geometric series over a grid of entry ages.
    static func steadyState(bands: [Double], maleShare: Double, q: Double, men: Double, women: Double, edges: [Double])
        -> (mean: Double, shares: [Double])
    {
        /// Σ_{s=m}^{n−1} qˢ and Σ_{s=m}^{n−1} s qˢ, for 0 ≤ m ≤ n.
        func sums(_ m: Int, _ n: Int) -> (Double, Double) {
            guard n > m else { return (0, 0) }
            func g(_ n: Int) -> Double { (1 - pow(q, Double(n))) / (1 - q) }
            func h(_ n: Int) -> Double {
                let x = Double(n)
                return q * (1 - x * pow(q, x - 1) + (x - 1) * pow(q, x)) / ((1 - q) * (1 - q))
            }
            return (g(n) - g(m), h(n) - h(m))
        }
        let hireEdges = Scenario.Sector.ageBandEdges
        let total = bands.reduce(0, +)
        let grid = 400
        var weight = 0.0, ageSum = 0.0
        var inBand = [Double](repeating: 0, count: edges.count - 1)
        for (band, share) in bands.enumerated() where share > 0 {
            let width = hireEdges[band + 1] - hireEdges[band]
            for k in 0..<grid {
                let a = hireEdges[band] + (Double(k) + 0.5) / Double(grid) * width
                for (isMale, p) in [(true, maleShare), (false, 1 - maleShare)] where p > 0 {
                    let f = share / total / Double(grid) * p
                    let r = isMale ? men : women
                    let d = max(1, Int(((r - a) * 365.25).rounded(.up)))
                    let (w, s) = sums(0, d)
                    weight += f * w
                    ageSum += f * (a * w + s / 365.25)
                    for b in inBand.indices {
                        let from = min(d, max(0, Int(((edges[b] - a) * 365.25).rounded(.up))))
                        let to = min(d, max(0, Int(((edges[b + 1] - a) * 365.25).rounded(.up))))
                        inBand[b] += f * sums(from, to).0
                    }
                }
            }
        }
        return (ageSum / weight, inBand.map { $0 / weight })
    }

    /// 20,000 slots, constant churn and exit at retirement, no growth, 30 years stepped by the
    /// real shard kernel: covered slots every month, and the holders' mean age and age bands every
    /// five years, against the steady state (``steadyState``).
    package static func stationaryPopulation() -> Check {
        let churn = 0.05, slots = 20_000, years = 30
        var s = baseScenario(workers: slots, months: years * 12, replications: 1, claimsPerMillion: 0)
        s.sectors[0].churnPerMonth = .fixed(churn)
        s.sectors[0].ageBands = Scenario.Sector.deliveryAgeBands
        s.sectors[0].maleShare = 0.93
        // Ages that are no reform's target hold for every cohort, so the steady state is one.
        s.benefits.retirementAgeMen = 60
        s.benefits.retirementAgeWomen = 50
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        var state = coordinator.shardState(index: 0, inputs: inputs)
        let q = 1 - coordinator.hireProfile(inputs: inputs, sector: 0).dailyLeaveProbability
        let edges: [Double] = [18, 20, 30, 40, 50, 60, 70]
        let steady = steadyState(bands: s.sectors[0].ageBands, maleShare: 0.93, q: q, men: 60, women: 50, edges: edges)
        var coveredCounts: [Int] = []
        var worst = 0.0  // the largest deviation in standard errors
        var means: [String] = []
        func snapshot(day: Int) {
            let ages = holderAges(state, day: day, bands: s.sectors[0].ageBands, maleShare: 0.93)
            let n = Double(ages.count)
            let mean = Statistics.mean(ages)
            let sd = (ages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            worst = max(worst, abs(mean - steady.mean) / (sd / n.squareRoot()))
            for b in steady.shares.indices {
                let share = Double(ages.filter { $0 >= edges[b] && $0 < edges[b + 1] }.count) / n
                let p = steady.shares[b]
                if p > 0 { worst = max(worst, abs(share - p) / (p * (1 - p) / n).squareRoot()) } else if share > 0 { worst = .infinity }
            }
            means.append(text(mean, 2))
        }
        snapshot(day: 0)
        let calendar = coordinator.calendar
        for month in 0..<s.months {
            let contexts = coordinator.monthContexts(inputs: inputs, month: month)[0]
            let rules = SegmentRules(segment: state.segments[0], context: contexts[0], province: 0, firstDay: 0, dayCount: 1)
            coveredCounts.append(state.workers.filter { rules.isCovered($0) }.count)
            let first = calendar.firstDays[month]
            _ = state.step(month: month, firstDay: first, dayCount: calendar.firstDays[month + 1] - first, contexts: contexts)
            if (month + 1) % 60 == 0 { snapshot(day: calendar.firstDays[month + 1] - 1) }
        }
        let constant = coveredCounts.allSatisfy { $0 == slots }
        let shares = steady.shares.dropLast().map { text($0 * 100, 1) }.joined(separator: "/")
        return Check(
            name: stationaryName, quantity: "covered slots every month; holders' mean age and age bands every 5 years",
            expected: "\(slots) slots; mean age " + text(steady.mean, 2) + ", bands 18–19/20s/30s/40s/50s " + shares + "% (steady state)",
            simulated: "slots \(coveredCounts.min() ?? 0)–\(coveredCounts.max() ?? 0); mean ages " + means.joined(separator: ", ")
                + "; largest deviation " + text(worst, 1) + " SE",
            tolerance: "slots exact; ages 4 SE", passed: constant && worst <= 4,
            method: "20,000 slots, 5% monthly churn, delivery age bands, 93% men, retirement at 60 (men) and 50 (women) for every "
                + "cohort, no growth; steady state by renewal reward: entry age a held on elapsed day s < ⌈(R − a)·365.25⌉ with "
                + "probability qˢ, q the daily stay probability, summed as geometric series over 400 entry ages per band")
    }

    /// Workers growing logistically toward 3× in 20 years: the active workers the engine records
    /// each January (everyone covered works every day) against N₀·m(t).
    package static func logisticGrowth(threads: Int) async -> Check {
        let start = 10_000, growth = 0.2, ceiling = 3.0
        var s = baseScenario(workers: start, months: 240, replications: 1, claimsPerMillion: 0)
        s.sectors[0].workersGrowthPerYear = .fixed(growth)
        s.sectors[0].workersSaturation = .fixed(ceiling)
        s.sectors[0].ageBands = [1, 0, 0, 0, 0]
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<1, threads: threads)
        let active = results[0].series(.activeWorkers, pool: results[0].poolCount)
        let slots = Double(start) * ceiling
        var worst = 0.0
        var pairs: [String] = []
        for year in stride(from: 0, to: 20, by: 4) {
            let m = GrowthPath.multiple(years: Double(year), growthPerYear: growth, saturation: ceiling)
            let p = m / ceiling
            let expected = slots * p
            worst = max(worst, abs(Double(active[year * 12]) - expected) / max(1, (slots * p * (1 - p)).squareRoot()))
            pairs.append("\(year): " + text(expected, 0) + " / \(active[year * 12])")
        }
        return Check(
            name: logisticName, quantity: "active workers each fourth January (expected / simulated)",
            expected: "10,000 × 3 / (1 + 2e^(−rt)), r = 1.5 ln 1.2", simulated: pairs.joined(separator: "; ") + "; largest " + text(worst, 1) + " SE",
            tolerance: "4 SE (binomial in 30,000 slots)", passed: worst <= 4,
            method: "10,000 starting workers, 20% initial yearly growth, ceiling 3×, everyone covered works every day, hires aged 18–19")
    }
}
