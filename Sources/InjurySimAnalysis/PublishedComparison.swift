import InjurySimCore
import InjurySimEngine

/// A published figure next to the simulation's distribution of the same figure.
package struct PublishedComparison: Sendable {
    /// "insuredPersons", "recognisedInjuries", "benefitsPaidYuan" or "contributionsYuan".
    package var figure: String
    /// Whose figure: "total", or a ``Book/label`` ("platform meituan", "sector freight").
    package var book = "total"
    package var month: YearMonth
    package var published: Double
    /// Over replications, at full population scale (yuan for money).
    package var simulated: Spread
    package var source: String
    /// True when the published value lies in the simulated 90% interval (p5…p95).
    package var isWithinInterval: Bool { published >= simulated.p5 && published <= simulated.p95 }
}
