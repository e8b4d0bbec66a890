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
        return results.map { ReplicationMetrics($0, scenario: scenario) }
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
        /// Pay-as-you-go: the reserve holds at least `months` months of spending at every year
        /// end through `year` (nil: the horizon's last) in at least `probability` of worlds.
        case reserve(months: Double, through: Int?, probability: Double)
        /// Terminal funding: the reserve at the horizon falls short of the capital of the
        /// long-term awards in payment at most this probability.
        case capital(Double)

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
            } else if compact.hasPrefix("capital<="), let p = number(compact.dropFirst(9)), (0...1).contains(p) {
                self = .capital(p)
            } else if compact.hasPrefix("reserve>=") {
                // reserve>=K[@YEAR][:P]
                var rest = compact.dropFirst(9)
                var probability = 0.95
                if let colon = rest.firstIndex(of: ":") {
                    guard let p = number(rest[rest.index(after: colon)...]), p > 0, p <= 1 else { return nil }
                    probability = p
                    rest = rest[..<colon]
                }
                var year: Int?
                if let at = rest.firstIndex(of: "@") {
                    guard let y = Int(rest[rest.index(after: at)...]), (1900...2300).contains(y) else { return nil }
                    year = y
                    rest = rest[..<at]
                }
                guard let months = Double(rest), months.isFinite, months >= 0, months <= 240 else { return nil }
                self = .reserve(months: months, through: year, probability: probability)
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
            case .reserve(let months, let year, let p):
                let through = year.map { "every year end to \($0)" } ?? "every year end of the horizon"
                return "P(reserve ≥ \(Format.short(months)) months of spending at \(through)) ≥ \(Format.short(p))"
            case .capital(let p): return "P(reserve below the capital of awards in payment at the horizon) ≤ \(Format.short(p))"
            }
        }

        /// Whether one replication meets the target's event (not short / funded enough).
        func isMet(_ m: ReplicationMetrics) -> Bool {
            switch self {
            case .ruin: return !m.ruined
            case .poolRuin: return !m.anyPoolRuined
            case .insolvency: return !m.insolventAtEnd
            case .funded(let x): return (m.fundedRatioAtEnd ?? .infinity) >= x
            case .reserve(let months, let year, _): return m.financing.reserveHolds(months: months, through: year)
            case .capital: return !m.financing.capitalShort
            }
        }

        /// Share of replications that must meet the event.
        var requiredShare: Double {
            switch self {
            case .ruin(let p), .poolRuin(let p), .insolvency(let p), .capital(let p): return 1 - p
            case .funded: return 0.5
            case .reserve(_, _, let p): return p
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

    /// The scenario with the rates of the selected platforms multiplied by `factor`: their
    /// benchmarks and, where a tier rule sets their rates, the tiers' rates for their sectors.
    static func scalingRates(_ scenario: Scenario, sector: Int?, by factor: Double) -> Scenario {
        var copy = scenario
        for index in copy.platforms.indices where sector == nil || copy.platforms[index].sector == sector {
            copy.platforms[index].ratePerOrderYuan = copy.platforms[index].ratePerOrderYuan.scaled(by: factor)
        }
        copy.rateTiers = scalingTiers(copy.rateTiers, sectors: copy.sectors.indices.filter { sector == nil || $0 == sector }, by: factor)
        return copy
    }

    /// A tier rule with the tiers' rates of `sectors` multiplied by `factor` (nil stays nil).
    static func scalingTiers(_ rule: RateTierRule?, sectors: [Int], by factor: Double) -> RateTierRule? {
        guard var rule else { return nil }
        for sector in sectors where rule.sectors.contains(sector) { rule = rule.scaling(sector: sector, by: factor) }
        return rule
    }

    // MARK: Sensitivity

    /// One input varied one at a time over its range, named by the declared inputs it changes.
    package struct SensitivityInput: Sendable {
        /// How an end of the range sets each input it names.
        package enum Setting: Sendable {
            /// Fixed at its central value times the factor.
            case timesCentral(Double)
            /// Fixed at the value.
            case value(Double)
            /// The whole distribution scaled by the factor (it stays uncertain).
            case scaled(Double)

            func apply(_ param: Param) -> Param {
                switch self {
                case .timesCentral(let factor): return param.fixedAtCentral(times: factor)
                case .value(let value): return Param(.fixed(value), bounds: param.bounds)
                case .scaled(let factor): return param.scaled(by: factor)
                }
            }
        }

        package var name: String
        package var lowLabel: String
        package var highLabel: String
        /// The inputs varied, as a path with `*` for every sector or platform
        /// (`sectors.*.claimsPerMillionOrders`); a keyed field's members are listed after it.
        package var path: String
        package var low: Setting
        package var high: Setting
        /// Whether an input path is one this row varies.
        package var matches: @Sendable (InputPath) -> Bool
        /// A change the row makes besides the inputs (e.g. charging the fund for administration),
        /// given the end's setting.
        package var also: (@Sendable (inout Scenario, Setting) -> Void)?

        /// A row varying `key` of every sector (`.sectors`), platform, or of a top-level section,
        /// optionally only some members of a keyed field.
        package init(
            _ name: String, _ scope: Scope, _ key: String, members: [String]? = nil, low: (String, Setting), high: (String, Setting),
            also: (@Sendable (inout Scenario, Setting) -> Void)? = nil
        ) {
            self.name = name
            lowLabel = low.0
            highLabel = high.0
            self.low = low.1
            self.high = high.1
            self.also = also
            path = scope.prefix + key + (members.map { "." + $0.joined(separator: "|") } ?? "")
            matches = { input in
                input.key == key && scope.contains(input.scope) && (members == nil || input.member.map { members!.contains($0) } == true)
            }
        }

        /// Which objects' inputs a row varies.
        package enum Scope: Sendable {
            case everySector, everyPlatform, benefits, fund, basis

            var prefix: String {
                switch self {
                case .everySector: return "sectors.*."
                case .everyPlatform: return "platforms.*."
                case .benefits: return "benefits."
                case .fund: return "fund."
                case .basis: return "basis."
                }
            }

            func contains(_ scope: InputPath.Scope) -> Bool {
                switch (self, scope) {
                case (.everySector, .sector), (.everyPlatform, .platform), (.benefits, .benefits), (.fund, .fund), (.basis, .basis): return true
                default: return false
                }
            }
        }

        /// The scenario at the low or the high end.
        package func apply(_ scenario: Scenario, _ atHigh: Bool) -> Scenario {
            let setting = atHigh ? high : low
            var changed = scenario.changingInputs(where: matches, setting.apply)
            also?(&changed, setting)
            return changed
        }
    }

    /// The key inputs and their ranges from the domain reference's calibration table. The varied
    /// input is fixed at its low or high value in every sector; all other inputs keep their
    /// distributions, so the run shows what knowing that one input would change.
    package static let sensitivityInputs: [SensitivityInput] = [
        SensitivityInput("claim rate", .everySector, "claimsPerMillionOrders", low: ("×0.6", .timesCentral(0.6)), high: ("×2.0", .timesCentral(2.0))),
        SensitivityInput(
            "severity mix (weight above medical-only)", .everySector, "severity", members: Severity.allCases.dropFirst().map(\.key),
            low: ("×0.5", .timesCentral(0.5)), high: ("×2.0", .timesCentral(2.0))),
        SensitivityInput("medical cost", .everySector, "medicalCostMeanYuan", low: ("×0.7", .timesCentral(0.7)), high: ("×1.5", .timesCentral(1.5))),
        SensitivityInput(
            "orders per hour", .everySector, "ordersPerHour", low: ("×0.5", .timesCentral(0.5)), high: ("×1.67", .timesCentral(5.0 / 3))),
        SensitivityInput("occasional share", .everySector, "occasionalShare", low: ("0.35", .value(0.35)), high: ("0.60", .value(0.6))),
        SensitivityInput("churn per month", .everySector, "churnPerMonth", low: ("0.03", .value(0.03)), high: ("0.08", .value(0.08))),
        SensitivityInput("wage growth per year", .basis, "wageGrowthPerYear", low: ("0.03", .value(0.03)), high: ("0.06", .value(0.06))),
        SensitivityInput("orders growth per year", .everySector, "ordersGrowthPerYear", low: ("0", .value(0)), high: ("0.20", .value(0.2))),
        // A tier rule's rates scale with the platforms' (where tiers set the rates, they are the rates).
        SensitivityInput(
            "per-order rate", .everyPlatform, "ratePerOrderYuan", low: ("×0.5", .scaled(0.5)), high: ("×1.5", .scaled(1.5)),
            also: { scenario, setting in
                guard case .scaled(let factor) = setting else { return }
                scenario.rateTiers = PolicyCommands.scalingTiers(scenario.rateTiers, sectors: Array(scenario.sectors.indices), by: factor)
            }),
        SensitivityInput("investment return", .basis, "investmentReturnPerYear", low: ("0", .value(0)), high: ("0.03", .value(0.03))),
        // Both ends charge the fund: the row measures the load, which a scenario that does not
        // charge administration (the default) would otherwise never feel.
        SensitivityInput(
            "admin cost share", .fund, "adminCostShare", low: ("0.03", .value(0.03)), high: ("0.08", .value(0.08)),
            also: { scenario, _ in scenario.fund.chargeAdminCost = true })
    ]

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
        /// The solvency test at the input's low and high value: P(assets below all liabilities at the horizon).
        package var insolvencyLow: Estimate? = nil
        package var insolvencyHigh: Estimate? = nil
        /// Paired difference high − low of the insolvency indicator (Agresti–Min, like ``ruinSwing``).
        package var insolvencySwing: Estimate? = nil
        /// Paired difference high − low of each replication's break-even rate: its mean over the
        /// replications where both are finite, with a BCa bootstrap interval.
        package var breakEvenSwing: Estimate? = nil
    }
}
