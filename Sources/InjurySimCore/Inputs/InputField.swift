/// One input of the model that a scenario may give as a distribution, declared once: its key in
/// the scenario file, the values allowed, its unit, its default, and where the ``Scenario`` holds
/// it. The decoder reads it by this declaration (errors, defaults), ``ReplicationInputs`` draws it
/// on the stream of its ``InputPath``, `manifest.json` lists it under that path, and `--set`,
/// sweeps and the sensitivity table reach it by the same path.
///
/// A keyed field (`severity`, `medicalCostMeanYuan`, `recoveryDays`) is an object of members in
/// the file, one ``Param`` per member; its `keyPath` reaches the list.
package struct InputField<Owner>: Sendable {
    /// The key in the file, e.g. `claimsPerMillionOrders`.
    package let key: String
    /// The values allowed for every value of the distribution.
    package let range: ClosedRange<Double>
    /// The unit named in errors ("" when the range says enough).
    package let unit: String
    /// The value when the file leaves the key out; nil when it is required.
    package let fallback: Double?
    /// A keyed field's value per member when the file leaves the member out (nil: required).
    package let memberDefaults: [Double]?
    /// Where the scenario holds the value (a list for a keyed field).
    nonisolated(unsafe) package let keyPath: PartialKeyPath<Owner>

    package init(
        _ key: String, range: ClosedRange<Double>, unit: String = "", default fallback: Double? = nil, _ keyPath: WritableKeyPath<Owner, Param>
    ) {
        self.key = key
        self.range = range
        self.unit = unit
        self.fallback = fallback
        self.memberDefaults = nil
        self.keyPath = keyPath
    }

    package init(
        _ key: String, range: ClosedRange<Double>, unit: String = "", defaults: [Double]? = nil, keyed keyPath: WritableKeyPath<Owner, [Param]>
    ) {
        self.key = key
        self.range = range
        self.unit = unit
        self.fallback = nil
        self.memberDefaults = defaults
        self.keyPath = keyPath
    }

    /// The single value of a plain field.
    package var single: WritableKeyPath<Owner, Param>? { keyPath as? WritableKeyPath<Owner, Param> }

    /// The list of a keyed field.
    package var keyed: WritableKeyPath<Owner, [Param]>? { keyPath as? WritableKeyPath<Owner, [Param]> }
}
