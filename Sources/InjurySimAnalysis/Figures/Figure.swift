import InjurySimCore
import InjurySimFormat

/// A reported figure, declared once: its key in the result files, its words in English and
/// Chinese, a short heading for terminal tables, its unit, and how it is computed — over a pool's
/// replications for `summary.json` and the run's report (`spread`), per replication for the
/// policy commands' tables, files and reports (`perReplication`). Every output reads the
/// declaration (``Figures``): the JSON writer, the console tables, the CSV headers and the report.
package struct Figure: Sendable {
    package enum Unit: Sendable {
        /// Money in fen in memory, yuan with two decimals in files.
        case yuan
        /// A probability or share from 0 to 1.
        case share
        /// A ratio such as a loss ratio.
        case ratio
        /// A count of persons, orders or claims.
        case count
        /// Yuan per order.
        case yuanPerOrder

        /// Decimals of a value in result files.
        package var decimals: Int {
            switch self {
            case .yuan: return 2
            case .share, .ratio, .yuanPerOrder: return 4
            case .count: return 0
            }
        }
    }

    /// The key in `summary.json` (per pool) and the policy commands' files.
    package let key: String
    /// The figure's name in each language, as the report and the verdict show it.
    package let english: String
    package let chinese: String
    /// A heading short enough for a terminal table.
    package let short: String
    package let unit: Unit
    /// Its spread over replications, for a pool (nil: not a per-pool spread).
    package let spread: (@Sendable (PoolSummary) -> Spread)?
    /// Its value in one replication, for the policy commands (nil: not one of their figures).
    package let perReplication: (@Sendable (ReplicationMetrics) -> Double)?
    /// True for yes/no figures, whose mean is a probability.
    package let isIndicator: Bool

    package init(
        _ key: String, _ english: String, _ chinese: String, short: String? = nil, unit: Unit, isIndicator: Bool = false,
        spread: (@Sendable (PoolSummary) -> Spread)? = nil, perReplication: (@Sendable (ReplicationMetrics) -> Double)? = nil
    ) {
        self.key = key
        self.english = english
        self.chinese = chinese
        self.short = short ?? english
        self.unit = unit
        self.isIndicator = isIndicator
        self.spread = spread
        self.perReplication = perReplication
    }

    /// Its value in replication `metrics` (a policy figure; others are 0).
    package func value(_ metrics: ReplicationMetrics) -> Double { perReplication?(metrics) ?? 0 }

    /// True for money.
    package var isMoney: Bool { unit == .yuan }

    /// The figure's name in `language`.
    package func label(_ language: ReportLanguage) -> String { language(english, chinese) }
}
