import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// `solve`: a search replication by replication, then the answer read off the thresholds — split
/// so that a sharded study's parts, each holding its replications' thresholds, merge to the
/// same answer.
extension PolicyCommands {
    /// What the search found for some replications of a study.
    package struct SolveShare: Sendable {
        /// The replications searched, ascending.
        package var replications: [Int]
        /// Each replication's smallest multiplier meeting the target's event (∞ beyond the limit).
        package var thresholds: [Double]
        /// Each replication's result at the benchmark rates (for the break-even rates).
        package var atBenchmark: [ReplicationResult]
        /// The bracket-growing rounds and bisection rounds each replication took part in; the
        /// largest of each is the number of such rounds a search over all of them makes.
        package var growthRounds: [Int]
        package var bisectionRounds: [Int]

        package init(replications: [Int], thresholds: [Double], atBenchmark: [ReplicationResult], growthRounds: [Int], bisectionRounds: [Int]) {
            self.replications = replications
            self.thresholds = thresholds
            self.atBenchmark = atBenchmark
            self.growthRounds = growthRounds
            self.bisectionRounds = bisectionRounds
        }
    }

    /// The search's limit on the multiplier of the benchmark rates.
    static let solveLimit = 64.0
    /// The most rounds a search runs: the benchmark, the doublings up to ``solveLimit`` and 12
    /// bisection rounds.
    package static let solveMostRounds = 1 + solveLimit.exponent + 12

    /// Finds, replication by replication, the smallest rate multiplier at which the target's
    /// event holds (each replication's event is monotone in the rate under common random
    /// numbers), then reads the answer off those thresholds: the multiplier that meets the
    /// target is their `requiredShare` quantile, with an order-statistic 95% interval.
    package static func solve(
        _ scenario: Scenario, target: Target, sector: Int?, threads: Int,
        progress: (@Sendable (String) -> Void)? = nil
    ) async -> Solution {
        let share = await solveSearch(
            scenario, target: target, sector: sector, replications: Array(0..<scenario.replications),
            threads: threads, progress: progress)
        return solution(scenario, target: target, sector: sector, share: share)
    }

    /// The search for `replications` only. A replication's brackets depend on its own results
    /// alone, so searching a subset finds the thresholds the search over all would.
    package static func solveSearch(
        _ scenario: Scenario, target: Target, sector: Int?, replications: [Int], threads: Int,
        progress: (@Sendable (String) -> Void)? = nil
    ) async -> SolveShare {
        let n = replications.count
        let limit = solveLimit
        var low = [Double](repeating: 0, count: n)  // event fails at low (or low is 0)
        var high = [Double](repeating: .infinity, count: n)
        var growthRounds = [Int](repeating: 0, count: n)
        var bisectionRounds = [Int](repeating: 0, count: n)
        func evaluate(_ multipliers: [Double?]) async -> [ReplicationMetrics?] {
            var jobs: [(ReplicationCoordinator, Int)] = []
            var owners: [Int] = []
            var coordinators: [Double: ReplicationCoordinator] = [:]
            for (index, m) in multipliers.enumerated() {
                guard let m else { continue }
                let coordinator = coordinators[m] ?? ReplicationCoordinator(scenario: scalingRates(scenario, sector: sector, by: m))
                coordinators[m] = coordinator
                jobs.append((coordinator, replications[index]))
                owners.append(index)
            }
            let results = await MonteCarloRunner.run(jobs: jobs, threads: threads)
            var out = [ReplicationMetrics?](repeating: nil, count: n)
            for (index, result) in results.enumerated() { out[owners[index]] = ReplicationMetrics(result, scenario: scenario) }
            return out
        }
        // Benchmark rates first: also gives the break-even rates.
        progress?("rates × 1")
        let coordinator = ReplicationCoordinator(scenario: scenario)
        let atBenchmark = await MonteCarloRunner.run(jobs: replications.map { (coordinator, $0) }, threads: threads)
        for i in 0..<n {
            if target.isMet(ReplicationMetrics(atBenchmark[i], scenario: scenario)) { high[i] = 1 } else { low[i] = 1 }
        }
        // Grow the bracket for replications that fail at the benchmark.
        var top = 1.0
        while top < limit && high.contains(where: { $0 == .infinity }) {
            top *= 2
            progress?("rates × \(Format.short(top))")
            let results = await evaluate((0..<n).map { high[$0] == .infinity ? top : nil })
            for i in 0..<n {
                if let m = results[i] {
                    growthRounds[i] += 1
                    if target.isMet(m) { high[i] = top } else { low[i] = top }
                }
            }
        }
        // Bisect every bracketed replication to 0.2% of its bracket's top.
        for round in 0..<12 {
            let midpoints: [Double?] = (0..<n).map { i in
                guard high[i].isFinite, high[i] - low[i] > 0.002 * high[i] else { return nil }
                return (low[i] + high[i]) / 2
            }
            if midpoints.allSatisfy({ $0 == nil }) { break }
            progress?("bisection round \(round + 1)")
            let results = await evaluate(midpoints)
            for i in 0..<n {
                if let m = results[i], let mid = midpoints[i] {
                    bisectionRounds[i] += 1
                    if target.isMet(m) { high[i] = mid } else { low[i] = mid }
                }
            }
        }
        return SolveShare(
            replications: replications, thresholds: high, atBenchmark: atBenchmark, growthRounds: growthRounds,
            bisectionRounds: bisectionRounds)
    }

    /// The answer from the search over every replication of the study, in replication order.
    package static func solution(_ scenario: Scenario, target: Target, sector: Int?, share: SolveShare) -> Solution {
        let estimate = PolicyFigures.quantile(share.thresholds, target.requiredShare)
        let summary = RunSummary(scenario: scenario, results: share.atBenchmark)
        let breakEven = scenario.sectors.indices.filter { sector == nil || $0 == sector }.map {
            (scenario.sectors[$0].name, summary.total.breakEvenRate[$0])
        }
        let benchmarks = scenario.platforms.filter { sector == nil || $0.sector == sector }.map { ($0.name, $0.ratePerOrderYuan.central) }
        // One benchmark run, then as many growing and bisection rounds as the replication that needed most.
        let evaluations = 1 + (share.growthRounds.max() ?? 0) + (share.bisectionRounds.max() ?? 0)
        return Solution(
            target: target, sectorName: sector.map { scenario.sectors[$0].name }, multiplier: estimate,
            exceedsLimit: !estimate.mean.isFinite, limit: solveLimit, replications: scenario.replications,
            evaluations: evaluations, benchmarks: benchmarks, breakEven: breakEven, thresholds: share.thresholds)
    }
}
