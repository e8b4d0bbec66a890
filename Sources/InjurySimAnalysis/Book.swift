import InjurySimCore
import InjurySimEngine

/// A set of platforms whose books are read together: one platform, or every platform of a
/// sector. Reads a replication's platform books (``ReplicationResult/platformMonthly``) as the
/// book's figures: flows summed over its platforms, persons counted once.
package struct Book: Sendable, Equatable {
    package enum Kind: String, Sendable { case platform, sector }

    package var kind: Kind
    package var name: String
    package var platforms: [Int]

    package init(kind: Kind, name: String, platforms: [Int]) {
        self.kind = kind
        self.name = name
        self.platforms = platforms
    }

    /// Every platform's book, then every sector's, in scenario order.
    package static func all(_ scenario: Scenario) -> [Book] {
        platforms(scenario) + sectors(scenario)
    }

    package static func platforms(_ scenario: Scenario) -> [Book] {
        scenario.platforms.enumerated().map { Book(kind: .platform, name: $1.name, platforms: [$0]) }
    }

    package static func sectors(_ scenario: Scenario) -> [Book] {
        scenario.sectors.enumerated().map { index, sector in
            Book(kind: .sector, name: sector.name, platforms: scenario.platforms.indices.filter { scenario.platforms[$0].sector == index })
        }
    }

    /// "platform meituan", "sector ride-hailing".
    package var label: String { kind.rawValue + " " + name }

    /// A figure of the book in a month. Persons (insured, active) are counted once: a person on
    /// two of the book's platforms is half a person on each (the model's multi-platform persons
    /// work for two platforms of one sector), so a sector's persons are its platforms' persons
    /// less half of those on two platforms; a single platform's are all of its own.
    package func value(_ r: ReplicationResult, month: Int, _ metric: PlatformMetric) -> Double {
        func sum(_ m: PlatformMetric) -> Double { platforms.reduce(0.0) { $0 + Double(r.value(month: month, platform: $1, metric: m)) } }
        switch metric {
        case .insuredPersons where platforms.count > 1: return sum(.insuredPersons) - sum(.insuredShared) / 2
        case .activePersons where platforms.count > 1: return sum(.activePersons) - sum(.activeShared) / 2
        default: return sum(metric)
        }
    }
}
