/// Why the engine stopped a run before its end. Scenarios are validated before they run, so the
/// only way left is money that outgrew its counters as the months went by.
package enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A replication's money left the exact range (``MoneyOverflow``).
    case moneyOverflow(MoneyOverflow)

    package var description: String {
        switch self {
        case .moneyOverflow(let overflow): overflow.description
        }
    }
}
