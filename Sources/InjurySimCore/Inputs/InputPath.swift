/// Where an input lives in a scenario, as one typed value: the object (a named sector, province,
/// platform or shock, or one of the top-level sections), the field's key and, for a keyed field,
/// the member. Its ``text`` is the path a modeler writes after `--set`, the path `manifest.json`
/// lists, and — after `input/` — the name of the random stream the input is drawn on.
package struct InputPath: Hashable, Sendable, CustomStringConvertible {
    package enum Scope: Hashable, Sendable {
        case sector(String), province(String), platform(String), shock(String)
        case risk, benefits, fund, basis, rateTiers
    }

    package var scope: Scope
    package var key: String
    /// The member of a keyed field (`grade1`, `medicalOnly`), nil for a plain field.
    package var member: String?

    package init(_ scope: Scope, _ key: String, member: String? = nil) {
        self.scope = scope
        self.key = key
        self.member = member
    }

    /// `sectors.food-delivery.claimsPerMillionOrders`, `basis.wageGrowthPerYear`,
    /// `sectors.ride-hailing.severity.grade1`.
    package var text: String {
        let object: String
        switch scope {
        case .sector(let name): object = "sectors." + name
        case .province(let name): object = "provinces." + name
        case .platform(let name): object = "platforms." + name
        case .shock(let name): object = "shocks." + name
        case .risk: object = "risk"
        case .benefits: object = "benefits"
        case .fund: object = "fund"
        case .basis: object = "basis"
        case .rateTiers: object = "rateTiers"
        }
        return object + "." + key + (member.map { "." + $0 } ?? "")
    }

    /// The name of the input's random stream under a replication's root.
    package var streamName: String { "input/" + text }

    package var description: String { text }
}
