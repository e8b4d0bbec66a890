import Foundation
import InjurySimCore
import InjurySimEngine

/// The library behind `compare`, `sweep`, `solve` and `sensitivity`: each runs scenario
/// variants with common random numbers (replication r of every variant uses the same streams
/// for the same workers) and returns values the CLI renders.
public enum PolicyCommands {
    /// Runs `scenario`'s replications and returns their headline figures.
    package static func metrics(_ scenario: Scenario, threads: Int, progress: (@Sendable (Int) -> Void)?) async -> [ReplicationMetrics] {
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: threads, progress: progress)
        return results.map { ReplicationMetrics($0) }
    }

    // MARK: Sweep

    /// A number with up to 10 significant digits and no float noise ("0.07", not "0.07000000000000001").
    package static func shortText(_ value: Double) -> String {
        var text = String(format: "%.10g", value)
        if text.contains("e") { text = String(value) }
        return text
    }

    /// One grid point of a sweep.
    public struct SweepPoint: Sendable {
        public var settings: [(path: String, value: String)]
        public var metrics: [ReplicationMetrics]

        package init(settings: [(path: String, value: String)], metrics: [ReplicationMetrics]) {
            self.settings = settings
            self.metrics = metrics
        }
    }

    // MARK: Solve

    /// What `solve` must achieve.
    public enum Target: Sendable, Equatable, CustomStringConvertible {
        /// Total fund short at most this probability.
        case ruin(Double)
        /// Any pool short at most this probability.
        case poolRuin(Double)
        /// Total fund insolvent (assets below all liabilities) at the horizon at most this probability.
        case insolvency(Double)
        /// Median funded ratio at the horizon at least this.
        case funded(Double)

        public init?(parsing text: String) {
            let compact = text.replacingOccurrences(of: " ", with: "")
            func number(_ s: Substring) -> Double? {
                s.hasSuffix("%") ? Double(s.dropLast()).map { $0 / 100 } : Double(s)
            }
            if compact.hasPrefix("ruin<="), let p = number(compact.dropFirst(6)), (0...1).contains(p) { self = .ruin(p) }
            else if compact.hasPrefix("poolruin<="), let p = number(compact.dropFirst(10)), (0...1).contains(p) { self = .poolRuin(p) }
            else if compact.hasPrefix("insolvency<="), let p = number(compact.dropFirst(12)), (0...1).contains(p) { self = .insolvency(p) }
            else if compact.hasPrefix("funded>="), let x = number(compact.dropFirst(8)), x >= 0 { self = .funded(x) }
            else { return nil }
        }

        public var description: String {
            switch self {
            case .ruin(let p): return "P(total fund short) ≤ \(PolicyCommands.shortText(p))"
            case .poolRuin(let p): return "P(any pool short) ≤ \(PolicyCommands.shortText(p))"
            case .insolvency(let p): return "P(total fund insolvent at the horizon) ≤ \(PolicyCommands.shortText(p))"
            case .funded(let x): return "median funded ratio at the horizon ≥ \(PolicyCommands.shortText(x))"
            }
        }

        /// Whether one replication meets the target's event (not short / funded enough).
        func isMet(_ m: ReplicationMetrics) -> Bool {
            switch self {
            case .ruin: return !m.ruined
            case .poolRuin: return !m.anyPoolRuined
            case .insolvency: return !m.insolventAtEnd
            case .funded(let x): return (m.fundedRatioAtEnd ?? .infinity) >= x
            }
        }

        /// Share of replications that must meet the event.
        var requiredShare: Double {
            switch self {
            case .ruin(let p), .poolRuin(let p), .insolvency(let p): return 1 - p
            case .funded: return 0.5
            }
        }
    }

    /// The answer of `solve`.
    public struct Solution: Sendable {
        public var target: Target
        public var sectorName: String?
        /// Multiplier of the benchmark rates meeting the target (point estimate) with a 95% interval.
        public var multiplier: Estimate
        /// True when the required multiplier exceeds the search limit.
        public var exceedsLimit: Bool
        public var limit: Double
        public var replications: Int
        public var evaluations: Int
        /// Benchmark rates of the platforms solved for: (platform, yuan per order).
        public var benchmarks: [(String, Double)]
        /// Expected break-even rate per sector at the benchmark rates (median, p5, p95).
        public var breakEven: [(String, Spread)]
        /// Each replication's threshold multiplier, in replication order (infinity: above the search limit).
        public var thresholds: [Double] = []
    }

    /// The scenario with the rates of the selected platforms multiplied by `factor`.
    static func scalingRates(_ scenario: Scenario, sector: Int?, by factor: Double) -> Scenario {
        var copy = scenario
        for index in copy.platforms.indices where sector == nil || copy.platforms[index].sector == sector {
            copy.platforms[index].ratePerOrderYuan = copy.platforms[index].ratePerOrderYuan.scaled(by: factor)
        }
        return copy
    }

    /// Finds, replication by replication, the smallest rate multiplier at which the target's
    /// event holds (each replication's event is monotone in the rate under common random
    /// numbers), then reads the answer off those thresholds: the multiplier that meets the
    /// target is their `requiredShare` quantile, with an order-statistic 95% interval.
    public static func solve(_ scenario: Scenario, target: Target, sector: Int?, threads: Int,
                             progress: (@Sendable (String) -> Void)? = nil) async -> Solution {
        let n = scenario.replications
        let limit = 64.0
        var low = [Double](repeating: 0, count: n)      // event fails at low (or low is 0)
        var high = [Double](repeating: .infinity, count: n)
        var evaluations = 1
        func evaluate(_ multipliers: [Double?]) async -> [ReplicationMetrics?] {
            var jobs: [(ReplicationCoordinator, Int)] = []
            var owners: [Int] = []
            var coordinators: [Double: ReplicationCoordinator] = [:]
            for (r, m) in multipliers.enumerated() {
                guard let m else { continue }
                let coordinator = coordinators[m] ?? ReplicationCoordinator(scenario: scalingRates(scenario, sector: sector, by: m))
                coordinators[m] = coordinator
                jobs.append((coordinator, r))
                owners.append(r)
            }
            evaluations += 1
            let results = await MonteCarloRunner.run(jobs: jobs, threads: threads)
            var out = [ReplicationMetrics?](repeating: nil, count: n)
            for (index, result) in results.enumerated() { out[owners[index]] = ReplicationMetrics(result) }
            return out
        }
        // Benchmark rates first: also gives the break-even rates.
        progress?("rates × 1")
        let atBenchmark = await MonteCarloRunner.run(scenario: scenario, replications: 0..<n, threads: threads)
        for r in 0..<n {
            if target.isMet(ReplicationMetrics(atBenchmark[r])) { high[r] = 1 } else { low[r] = 1 }
        }
        // Grow the bracket for replications that fail at the benchmark.
        var top = 1.0
        while top < limit && high.contains(where: { $0 == .infinity }) {
            top *= 2
            progress?("rates × \(shortText(top))")
            let results = await evaluate((0..<n).map { high[$0] == .infinity ? top : nil })
            for r in 0..<n { if let m = results[r] { if target.isMet(m) { high[r] = top } else { low[r] = top } } }
        }
        // Bisect every bracketed replication to 0.2% of its bracket's top.
        for round in 0..<12 {
            let midpoints: [Double?] = (0..<n).map { r in
                guard high[r].isFinite, high[r] - low[r] > 0.002 * high[r] else { return nil }
                return (low[r] + high[r]) / 2
            }
            if midpoints.allSatisfy({ $0 == nil }) { break }
            progress?("bisection round \(round + 1)")
            let results = await evaluate(midpoints)
            for r in 0..<n { if let m = results[r], let mid = midpoints[r] { if target.isMet(m) { high[r] = mid } else { low[r] = mid } } }
        }
        let thresholds = high
        let estimate = PolicyFigures.quantile(thresholds, target.requiredShare)
        let summary = RunSummary(scenario: scenario, results: atBenchmark)
        let breakEven = scenario.sectors.indices.filter { sector == nil || $0 == sector }.map { (scenario.sectors[$0].name, summary.total.breakEvenRate[$0]) }
        let benchmarks = scenario.platforms.filter { sector == nil || $0.sector == sector }.map { ($0.name, $0.ratePerOrderYuan.central) }
        return Solution(target: target, sectorName: sector.map { scenario.sectors[$0].name }, multiplier: estimate,
                        exceedsLimit: !estimate.mean.isFinite, limit: limit, replications: n, evaluations: evaluations,
                        benchmarks: benchmarks, breakEven: breakEven, thresholds: thresholds)
    }

    // MARK: Sensitivity

    /// One input varied one at a time over its range.
    public struct SensitivityInput: Sendable {
        public var name: String
        public var lowLabel: String
        public var highLabel: String
        public var apply: @Sendable (Scenario, Bool) -> Scenario
    }

    /// The key inputs and their ranges from the domain reference's calibration table. The varied
    /// input is fixed at its low or high value in every sector; all other inputs keep their
    /// distributions, so the run shows what knowing that one input would change.
    public static let sensitivityInputs: [SensitivityInput] = [
        SensitivityInput(name: "claim rate", lowLabel: "×0.6", highLabel: "×2.0") { s, high in
            everySector(s, \.claimsPerMillionOrders) { $0.fixedAtCentral(times: high ? 2.0 : 0.6) }
        },
        SensitivityInput(name: "severity mix (weight above medical-only)", lowLabel: "×0.5", highLabel: "×2.0") { s, high in
            var c = s
            for i in c.sectors.indices {
                for k in 1..<c.sectors[i].severity.count { c.sectors[i].severity[k] = c.sectors[i].severity[k].fixedAtCentral(times: high ? 2.0 : 0.5) }
            }
            return c
        },
        SensitivityInput(name: "medical cost", lowLabel: "×0.7", highLabel: "×1.5") { s, high in
            var c = s
            for i in c.sectors.indices {
                c.sectors[i].medicalCostMeanYuan = c.sectors[i].medicalCostMeanYuan.map { $0.fixedAtCentral(times: high ? 1.5 : 0.7) }
            }
            return c
        },
        SensitivityInput(name: "orders per hour", lowLabel: "×0.5", highLabel: "×1.67") { s, high in
            everySector(s, \.ordersPerHour) { $0.fixedAtCentral(times: high ? 5.0 / 3 : 0.5) }
        },
        SensitivityInput(name: "occasional share", lowLabel: "0.35", highLabel: "0.60") { s, high in
            everySector(s, \.occasionalShare) { Param(.fixed(high ? 0.6 : 0.35), bounds: $0.bounds) }
        },
        SensitivityInput(name: "churn per month", lowLabel: "0.03", highLabel: "0.08") { s, high in
            everySector(s, \.churnPerMonth) { Param(.fixed(high ? 0.08 : 0.03), bounds: $0.bounds) }
        },
        SensitivityInput(name: "wage growth per year", lowLabel: "0.03", highLabel: "0.06") { s, high in
            var c = s
            c.benefits.wageGrowthPerYear = Param(.fixed(high ? 0.06 : 0.03), bounds: c.benefits.wageGrowthPerYear.bounds)
            return c
        },
        SensitivityInput(name: "orders growth per year", lowLabel: "0", highLabel: "0.20") { s, high in
            everySector(s, \.ordersGrowthPerYear) { Param(.fixed(high ? 0.2 : 0), bounds: $0.bounds) }
        },
        SensitivityInput(name: "per-order rate", lowLabel: "×0.5", highLabel: "×1.5") { s, high in
            scalingRates(s, sector: nil, by: high ? 1.5 : 0.5)
        },
        SensitivityInput(name: "investment return", lowLabel: "0", highLabel: "0.03") { s, high in
            var c = s
            c.fund.investmentReturnPerYear = Param(.fixed(high ? 0.03 : 0), bounds: c.fund.investmentReturnPerYear.bounds)
            return c
        },
        SensitivityInput(name: "admin cost share", lowLabel: "0.03", highLabel: "0.08") { s, high in
            // Both ends charge the fund: the row measures the load, which a scenario that does not
            // charge administration (the default) would otherwise never feel.
            var c = s
            c.fund.chargeAdminCost = true
            c.fund.adminCostShare = Param(.fixed(high ? 0.08 : 0.03), bounds: c.fund.adminCostShare.bounds)
            return c
        },
    ]

    /// The scenario with one sector input replaced in every sector.
    static func everySector(_ scenario: Scenario, _ field: WritableKeyPath<Scenario.Sector, Param>,
                            _ replace: (Param) -> Param) -> Scenario {
        var copy = scenario
        for index in copy.sectors.indices { copy.sectors[index][keyPath: field] = replace(copy.sectors[index][keyPath: field]) }
        return copy
    }

    /// One row of the tornado table.
    public struct SensitivityRow: Sendable {
        public var name: String
        public var lowLabel: String
        public var highLabel: String
        public var ruinLow: Estimate
        public var ruinHigh: Estimate
        /// Paired difference high − low of the ruin indicator.
        public var ruinSwing: Estimate
        public var breakEvenLow: Double
        public var breakEvenHigh: Double
    }

    /// Overall break-even rate (yuan per order, all sectors): mean over replications of the
    /// fund's incurred cost ÷ orders, loaded for admin when the fund is charged for it.
    static func overallBreakEven(_ results: [ReplicationResult]) -> Double {
        let values = results.map { r -> Double in
            let start = r.poolCount * r.sectorCount
            let incurred = r.incurredBySector[start...].reduce(0, +)
            let orders = Double(r.ordersBySector[start...].reduce(0, +))
            return orders > 0 ? incurred / orders / max(1e-9, 1 - r.adminCostShare) / 100 : .nan
        }
        return Statistics.mean(values.filter(\.isFinite))
    }

    /// Runs the baseline and each input low and high; rows ranked by ruin swing, then break-even swing.
    public static func sensitivity(_ scenario: Scenario, threads: Int, progress: (@Sendable (String) -> Void)? = nil)
        async -> (baselineRuin: Estimate, baselineBreakEven: Double, rows: [SensitivityRow]) {
        let ruin = PolicyFigures.figures[0]
        func run(_ s: Scenario) async -> ([ReplicationMetrics], Double) {
            let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
            return (results.map { ReplicationMetrics($0) }, overallBreakEven(results))
        }
        progress?("baseline")
        let (baseline, baselineBreakEven) = await run(scenario)
        var rows: [SensitivityRow] = []
        for input in sensitivityInputs {
            progress?(input.name + " " + input.lowLabel)
            let (low, lowBreakEven) = await run(input.apply(scenario, false))
            progress?(input.name + " " + input.highLabel)
            let (high, highBreakEven) = await run(input.apply(scenario, true))
            rows.append(SensitivityRow(name: input.name, lowLabel: input.lowLabel, highLabel: input.highLabel,
                                       ruinLow: PolicyFigures.estimate(ruin, low), ruinHigh: PolicyFigures.estimate(ruin, high),
                                       ruinSwing: PolicyFigures.pairedDifference(ruin, low, high),
                                       breakEvenLow: lowBreakEven, breakEvenHigh: highBreakEven))
        }
        rows.sort { a, b in
            let sa = abs(a.ruinSwing.mean), sb = abs(b.ruinSwing.mean)
            if sa != sb { return sa > sb }
            return abs(a.breakEvenHigh - a.breakEvenLow) > abs(b.breakEvenHigh - b.breakEvenLow)
        }
        return (PolicyFigures.estimate(ruin, baseline), baselineBreakEven, rows)
    }
}
