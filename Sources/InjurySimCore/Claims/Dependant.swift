/// A relative who qualifies for a dependants' pension after a work-related death (Regulations
/// Art. 39; MOLSS Order No. 18: children under 18, parents and a spouse of pension age, relying
/// on the deceased). Drawn per death from the scenario's expected counts.
package struct Dependant: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case spouse, child, parent

        /// Monthly pension as a share of the deceased's wage (Art. 39: spouse 40%, others 30%).
        package var share: Double { self == .spouse ? 0.4 : 0.3 }
    }

    package var kind: Kind
    /// Age at the death, years.
    package var age: Double

    package init(kind: Kind, age: Double) {
        self.kind = kind
        self.age = age
    }
}
