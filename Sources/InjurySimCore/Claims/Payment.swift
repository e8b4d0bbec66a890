import Foundation

/// One payment that falls due: the month (index from the scenario start), the amount and the item.
package struct Payment: Sendable, Equatable {
    package var month: Int
    package var amount: Fen
    package var item: BenefitItem

    package init(month: Int, amount: Fen, item: BenefitItem) {
        self.month = month
        self.amount = amount
        self.item = item
    }
}
