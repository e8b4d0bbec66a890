import InjurySimCore

/// One key a scenario object may hold: its name, what its value must be, and whether it is
/// required. ``ScenarioObject``'s tables of these are the one list of keys the decoder accepts
/// (its unknown-key check), `--set` walks, and `injurysim schema` writes out.
package struct ScenarioKey: Sendable, Equatable {
    /// What a key's value must be, as far as its shape goes (ranges and cross-field rules are the
    /// decoder's).
    package indirect enum Kind: Sendable, Equatable {
        case number
        case integer
        /// A number or a distribution (``Param``): `{"uniform": …}` and the others.
        case param(ClosedRange<Double>)
        /// A keyed input: an object of these members, each a ``param(_:)``.
        case keyedParams(members: [String], range: ClosedRange<Double>, membersRequired: Bool)
        case string
        case bool
        /// A month as `"YYYY-MM"`.
        case month
        /// One of these strings.
        case choice([String])
        /// An object of the given kind.
        case object(ScenarioObject)
        /// One of these strings, or an object of the given kind (`"life"` or `{"years": 20}`).
        case choiceOrObject([String], ScenarioObject)
        /// An object whose keys are names the scenario defines (sectors, platforms, provinces),
        /// each an object of the given kind.
        case namedMap(ScenarioObject)
        /// An object whose keys are free (names checked by the decoder), each value of `Kind`.
        case map(Kind)
        /// A list whose items are of `Kind`; `count` fixes its length.
        case list(Kind, count: Int? = nil)
        /// A list of objects of the given kind.
        case objectList(ScenarioObject)
        /// `{"zh": "广东", "en": "Guangdong"}`: a name's label in the report's languages.
        case label
        /// `continues`: the earlier phase's file, or its resolved document (inlined in a part).
        case fileOrDocument
    }

    package var name: String
    package var kind: Kind
    package var required: Bool

    package init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
    }

    /// The keys of declared inputs (``InputField``): a plain input is a ``Kind/param(_:)``,
    /// required when it has no default; a keyed one an object of its members, required when its
    /// members have no defaults or when listed in `required` (a sector's `severity`, whose
    /// members default to 0 but which must be given).
    static func inputs<Owner>(_ fields: [InputField<Owner>], required: Set<String> = []) -> [ScenarioKey] {
        fields.map { field in
            if field.keyed != nil {
                return ScenarioKey(
                    field.key, .keyedParams(members: field.members, range: field.range, membersRequired: field.memberDefaults == nil),
                    required: field.memberDefaults == nil || required.contains(field.key))
            }
            return ScenarioKey(field.key, .param(field.range), required: field.fallback == nil)
        }
    }
}
