/// One input of the model that a scenario may give as a distribution, declared once: its key in
/// the scenario file, the values allowed, its unit, its default, and where the ``Scenario`` holds
/// it. The decoder reads it by this declaration (errors, defaults), ``ReplicationInputs`` draws it
/// on the stream of its ``InputPath``, `manifest.json` lists it under that path, and `--set`,
/// sweeps and the sensitivity table reach it by the same path.
///
/// A keyed field (`severity`, `medicalCostMeanYuan`, `recoveryDays`) is an object of members in
/// the file, one ``Param`` per member; its `keyPath` reaches the list.
package struct InputField<Owner>: Sendable {
    /// Where the scenario holds the value: one ``Param``, or one per member of a keyed field.
    package enum Storage: @unchecked Sendable {
        case single(WritableKeyPath<Owner, Param>)
        /// The members in list order, with each one's default (nil: required).
        case keyed(WritableKeyPath<Owner, [Param]>, members: [String], defaults: [Double]?)
    }

    /// The key in the file, e.g. `claimsPerMillionOrders`.
    package let key: String
    /// The values allowed for every value of the distribution.
    package let range: ClosedRange<Double>
    /// The unit named in errors ("" when the range says enough).
    package let unit: String
    /// The value when the file leaves the key out; nil when it is required (a plain field).
    package let fallback: Double?
    package let storage: Storage

    package init(
        _ key: String, range: ClosedRange<Double>, unit: String = "", default fallback: Double? = nil, _ keyPath: WritableKeyPath<Owner, Param>
    ) {
        self.key = key
        self.range = range
        self.unit = unit
        self.fallback = fallback
        self.storage = .single(keyPath)
    }

    package init(
        _ key: String, range: ClosedRange<Double>, unit: String = "", members: [String], defaults: [Double]? = nil,
        keyed keyPath: WritableKeyPath<Owner, [Param]>
    ) {
        self.key = key
        self.range = range
        self.unit = unit
        self.fallback = nil
        self.storage = .keyed(keyPath, members: members, defaults: defaults)
    }

    /// The single value of a plain field.
    package var single: WritableKeyPath<Owner, Param>? {
        if case .single(let keyPath) = storage { return keyPath }
        return nil
    }

    /// The list of a keyed field.
    package var keyed: WritableKeyPath<Owner, [Param]>? {
        if case .keyed(let keyPath, _, _) = storage { return keyPath }
        return nil
    }

    /// A keyed field's members in list order (empty for a plain field).
    package var members: [String] {
        if case .keyed(_, let members, _) = storage { return members }
        return []
    }

    /// A keyed field's default per member when the file leaves it out (nil: required).
    package var memberDefaults: [Double]? {
        if case .keyed(_, _, let defaults) = storage { return defaults }
        return nil
    }
}
