/// A platform's contribution account in every province: orders booked, contributions remitted
/// the month after, and the yearly rate float. Pure; the platform actor holds one.
public struct PlatformLedger: Sendable {
    /// Benchmark rate in fen per order.
    public let benchmarkFenPerOrder: Double
    /// Current rate multiplier per province (1 = benchmark).
    public private(set) var multiplier: [Double]
    /// Contributions owed for last month's orders, per province, fen.
    public private(set) var owed: [Fen]
    /// Contributions paid in the current review year, per province.
    public private(set) var yearContributions: [Fen]
    /// Present value of recognised claims from accidents in the current review year.
    public private(set) var yearIncurred: [Double]
    /// Months with contributions paid so far, per province.
    public private(set) var monthsContributed: [Int]

    public init(benchmarkYuanPerOrder: Double, provinces: Int) {
        benchmarkFenPerOrder = benchmarkYuanPerOrder * 100
        multiplier = Array(repeating: 1, count: provinces)
        owed = Array(repeating: 0, count: provinces)
        yearContributions = Array(repeating: 0, count: provinces)
        yearIncurred = Array(repeating: 0, count: provinces)
        monthsContributed = Array(repeating: 0, count: provinces)
    }

    /// Remits what is owed for last month's orders; `paymentShare[p]` below 1 models a platform
    /// that stops paying (the unpaid part is lost). Returns the fen paid per province.
    public mutating func remit(paymentShare: [Double]) -> [Fen] {
        var paid = [Fen](repeating: 0, count: owed.count)
        for p in owed.indices where owed[p] > 0 {
            paid[p] = Money.fen(Double(owed[p]) * min(max(paymentShare[p], 0), 1))
            yearContributions[p] += paid[p]
            monthsContributed[p] += 1
            owed[p] = 0
        }
        return paid
    }

    /// Books this month's orders at the rate in force; they are paid for next month. Returns
    /// the fen booked per province (the contributions earned this month).
    @discardableResult
    public mutating func book(orders: [Int64]) -> [Fen] {
        var booked = [Fen](repeating: 0, count: owed.count)
        for p in orders.indices where orders[p] > 0 {
            booked[p] = Money.fen(Double(orders[p]) * benchmarkFenPerOrder * multiplier[p])
            owed[p] += booked[p]
        }
        return booked
    }

    /// Adds a recognised claim's cost to the province's loss-ratio numerator.
    public mutating func recordIncurred(province: Int, presentValue: Double) {
        yearIncurred[province] += presentValue
    }

    /// The past year's loss ratio per province (incurred ÷ contributions; infinity with no contributions).
    public var lossRatios: [Double] {
        yearIncurred.indices.map { yearContributions[$0] > 0 ? yearIncurred[$0] / Double(yearContributions[$0]) : .infinity }
    }

    /// Sets next year's rates from the past year's loss ratios and starts a new review year.
    public mutating func review(rule: RateFloatRule) {
        let ratios = lossRatios
        for p in multiplier.indices where yearContributions[p] > 0 {
            multiplier[p] = rule.multiplier(lossRatio: ratios[p], monthsOfContributions: monthsContributed[p])
        }
        for p in multiplier.indices {
            yearContributions[p] = 0
            yearIncurred[p] = 0
        }
    }
}
