import Foundation
import InjurySimCore
import InjurySimEngine
import InjurySimFormat

/// The library behind `compare`, `sweep`, `solve` and `sensitivity`: each runs scenario
/// variants with common random numbers (replication r of every variant uses the same streams
/// for the same workers) and returns values the CLI renders.
package enum PolicyCommands {
    /// Runs `scenario`'s replications and returns their headline figures.
    package static func metrics(_ scenario: Scenario, threads: Int, progress: (@Sendable (Int) -> Void)?) async -> [ReplicationMetrics] {
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: threads, progress: progress)
        return results.map { ReplicationMetrics($0) }
    }

    // MARK: Sweep

    /// One grid point of a sweep.
    package struct SweepPoint: Sendable {
        package var settings: [(path: String, value: String)]
        package var metrics: [ReplicationMetrics]

        package init(settings: [(path: String, value: String)], metrics: [ReplicationMetrics]) {
            self.settings = settings
            self.metrics = metrics
        }
    }

    // MARK: Solve

    /// What `solve` must achieve.
    package enum Target: Sendable, Equatable, CustomStringConvertible {
        /// Total fund short at most this probability.
        case ruin(Double)
        /// Any pool short at most this probability.
        case poolRuin(Double)
        /// Total fund insolvent (assets below all liabilities) at the horizon at most this probability.
        case insolvency(Double)
        /// Median funded ratio at the horizon at least this.
        case funded(Double)

        package init?(parsing text: String) {
            let compact = text.replacingOccurrences(of: " ", with: "")
            func number(_ s: Substring) -> Double? {
                s.hasSuffix("%") ? Double(s.dropLast()).map { $0 / 100 } : Double(s)
            }
            if compact.hasPrefix("ruin<="), let p = number(compact.dropFirst(6)), (0...1).contains(p) {
                self = .ruin(p)
            } else if compact.hasPrefix("poolruin<="), let p = number(compact.dropFirst(10)), (0...1).contains(p) {
                self = .poolRuin(p)
            } else if compact.hasPrefix("insolvency<="), let p = number(compact.dropFirst(12)), (0...1).contains(p) {
                self = .insolvency(p)
            } else if compact.hasPrefix("funded>="), let x = number(compact.dropFirst(8)), x >= 0 {
                self = .funded(x)
            } else {
                return nil
            }
        }

        package var description: String {
            switch self {
            case .ruin(let p): return "P(total fund short) ≤ \(Format.short(p))"
            case .poolRuin(let p): return "P(any pool short) ≤ \(Format.short(p))"
            case .insolvency(let p): return "P(total fund insolvent at the horizon) ≤ \(Format.short(p))"
            case .funded(let x): return "median funded ratio at the horizon ≥ \(Format.short(x))"
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
    package struct Solution: Sendable {
        package var target: Target
        package var sectorName: String?
        /// Multiplier of the benchmark rates meeting the target (point estimate) with a 95% interval.
        package var multiplier: Estimate
        /// True when the required multiplier exceeds the search limit.
        package var exceedsLimit: Bool
        package var limit: Double
        package var replications: Int
        package var evaluations: Int
        /// Benchmark rates of the platforms solved for: (platform, yuan per order).
        package var benchmarks: [(String, Double)]
        /// Expected break-even rate per sector at the benchmark rates (median, p5, p95).
        package var breakEven: [(String, Spread)]
        /// Each replication's threshold multiplier, in replication order (infinity: above the search limit).
        package var thresholds: [Double] = []
    }

    /// The scenario with the rates of the selected platforms multiplied by `factor`.
    static func scalingRates(_ scenario: Scenario, sector: Int?, by factor: Double) -> Scenario {
        var copy = scenario
        for index in copy.platforms.indices where sector == nil || copy.platforms[index].sector == sector {
            copy.platforms[index].ratePerOrderYuan = copy.platforms[index].ratePerOrderYuan.scaled(by: factor)
        }
        return copy
    }

    // MARK: Sensitivity

    /// One input varied one at a time over its range.
    package struct SensitivityInput: Sendable {
        package var name: String
        package var lowLabel: String
        package var highLabel: String
        package var apply: @Sendable (Scenario, Bool) -> Scenario
    }

    /// The key inputs and their ranges from the domain reference's calibration table. The varied
    /// input is fixed at its low or high value in every sector; all other inputs keep their
    /// distributions, so the run shows what knowing that one input would change.
    package static let sensitivityInputs: [SensitivityInput] = [
        SensitivityInput(name: "claim rate", lowLabel: "×0.6", highLabel: "×2.0") { s, high in
            everySector(s, \.claimsPerMillionOrders) { $0.fixedAtCentral(times: high ? 2.0 : 0.6) }
        },
        SensitivityInput(name: "severity mix (weight above medical-only)", lowLabel: "×0.5", highLabel: "×2.0") { s, high in
            var c = s
            for i in c.sectors.indices {
                for k in 1..<c.sectors[i].severity.count {
                    c.sectors[i].severity[k] = c.sectors[i].severity[k].fixedAtCentral(times: high ? 2.0 : 0.5)
                }
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
        }
    ]

    /// The scenario with one sector input replaced in every sector.
    static func everySector(
        _ scenario: Scenario, _ field: WritableKeyPath<Scenario.Sector, Param>,
        _ replace: (Param) -> Param
    ) -> Scenario {
        var copy = scenario
        for index in copy.sectors.indices { copy.sectors[index][keyPath: field] = replace(copy.sectors[index][keyPath: field]) }
        return copy
    }

    /// One row of the tornado table.
    package struct SensitivityRow: Sendable {
        package var name: String
        package var lowLabel: String
        package var highLabel: String
        package var ruinLow: Estimate
        package var ruinHigh: Estimate
        /// Paired difference high − low of the ruin indicator.
        package var ruinSwing: Estimate
        package var breakEvenLow: Double
        package var breakEvenHigh: Double
    }
}
