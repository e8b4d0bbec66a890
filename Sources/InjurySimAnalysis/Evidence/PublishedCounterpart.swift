import InjurySimCore
import InjurySimEngine

/// One published figure and each replication's simulated counterpart of it: what a verdict is
/// conditioned on, and what `replications.csv` carries (one column per figure) so that anyone can
/// check which worlds agree with the evidence.
package struct PublishedCounterpart: Sendable {
    /// "insuredPersons", "recognisedInjuries", "benefitsPaidYuan" or "contributionsYuan".
    package var figure: String
    /// Whose figure: "total", or a ``Book/label`` ("platform meituan", "sector freight").
    package var book = "total"
    package var month: YearMonth
    package var published: Double
    package var source: String
    /// How the figure was observed; nil: held out of the conditioning (compared only).
    package var observation: Observation?
    /// Each replication's value, in the order of the results, at full population scale (yuan for money).
    package var values: [Double]

    /// The `replications.csv` column: `published:recognisedInjuries@2023-09`, with the book for a
    /// platform's or sector's figure (`published:contributionsYuan@platform-meituan@2023-09`).
    package var column: String {
        "published:" + figure + (book == "total" ? "" : "@" + book.replacingOccurrences(of: " ", with: "-")) + "@" + month.description
    }

    /// Every figure of every published entry of `scenario`, in entry order and, within an entry,
    /// insured persons, recognised injuries, benefits paid, contributions: the scheme's totals from
    /// the pools' figures, a platform's or sector's from its books (since the first phase of a chain).
    package static func all(scenario: Scenario, results: [ReplicationResult]) -> [PublishedCounterpart] {
        scenario.published.flatMap { of($0, scenario: scenario, results: results) }
    }

    /// The figures `scenario` declares, in the order of ``all(scenario:results:)``, without values:
    /// what a what-if reads back from `replications.csv` by their columns.
    package static func declared(by scenario: Scenario) -> [PublishedCounterpart] {
        all(scenario: scenario, results: [])
    }

    static func of(_ figures: Scenario.PublishedFigures, scenario: Scenario, results: [ReplicationResult]) -> [PublishedCounterpart] {
        let month = figures.month.months(since: scenario.startMonth)
        let poolCount = scenario.poolCount
        var book: Book?
        if let platform = figures.platform { book = Book.platforms(scenario)[platform] }
        if let sector = figures.sector { book = Book.sectors(scenario)[sector] }
        let series = book.map { b in results.map { BookSeries(b, $0) } } ?? []
        func simulated(_ metric: Metric, _ bookMetric: PlatformMetric, divisor: Double) -> [Double] {
            if book != nil { return series.map { $0.cumulative(bookMetric, month) / divisor } }
            return results.map { Double($0.value(month: month, pool: poolCount, metric: metric)) / divisor }
        }
        func contributions() -> [Double] {
            if book != nil { return series.map { $0.cumulative(.contributionsPaid, month) / 100 } }
            return results.map { r in
                Double((0...month).reduce(Int64(0)) { $0 + r.value(month: $1, pool: poolCount, metric: .contributions) }) / 100
            }
        }
        let wanted: [(String, Double?, () -> [Double])] = [
            ("insuredPersons", figures.insuredPersons, { simulated(.insuredPersons, .insuredPersons, divisor: 1) }),
            ("recognisedInjuries", figures.recognisedInjuries, { simulated(.claimsRecognisedCumulative, .claimsRecognised, divisor: 1) }),
            ("benefitsPaidYuan", figures.benefitsPaidYuan, { simulated(.benefitsPaidCumulative, .benefitsDue, divisor: 100) }),
            ("contributionsYuan", figures.contributionsYuan, contributions)
        ]
        return wanted.compactMap { figure, value, values in
            guard let value else { return nil }
            var c = PublishedCounterpart(
                figure: figure, month: figures.month, published: value, source: figures.source, observation: figures.observations[figure],
                values: values())
            c.book = book?.label ?? "total"
            return c
        }
    }
}
