import Foundation

/// One payment that falls due: the month (index from the scenario start), the amount and the item.
public struct Payment: Sendable, Equatable {
    public var month: Int
    public var amount: Fen
    public var item: BenefitItem

    public init(month: Int, amount: Fen, item: BenefitItem) {
        self.month = month
        self.amount = amount
        self.item = item
    }
}
