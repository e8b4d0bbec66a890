import InjurySimFormat

/// Every reported figure, declared once (``Figure``). `summary.json` writes each pool's spreads
/// from ``poolSpreads``; the policy commands (compare, sweep, solve, sensitivity) report
/// ``policy`` in this order; the report and the console take their words from here. Adding a
/// figure is one declaration here plus the rule that computes it.
package enum Figures {
    package static let all: [Figure] = [
        // Probabilities.
        Figure(
            "ruinProbability", "Runs short of cash at some month end", "某月末现金不足的概率", short: "P(total fund short)", unit: .share,
            isIndicator: true, perReplication: { $0.ruined ? 1 : 0 }),
        Figure(
            "anyPoolRuinProbability", "At least one pool runs short", "至少一个\(Glossary.pool.zh)现金不足的概率", short: "P(any pool short)", unit: .share,
            isIndicator: true, perReplication: { $0.anyPoolRuined ? 1 : 0 }),
        Figure(
            "insolvencyProbability", "Assets below all liabilities at the horizon", "期末资产低于全部负债的概率", short: "P(insolvent at horizon)",
            unit: .share, isIndicator: true, perReplication: { $0.insolventAtEnd ? 1 : 0 }),
        // The financing methods (financing reference §1): pay-as-you-go's reserve target and
        // terminal funding's capital, per replication (exhaustion is running short, above).
        Figure(
            "reserveBelowTargetProbability", "Reserve below the target months of spending at some year end",
            "某年末储备低于目标可支付月数的概率", short: "P(reserve < target)", unit: .share, isIndicator: true,
            perReplication: { $0.financing.reserveTargetMissed ? 1 : 0 }),
        Figure(
            "capitalShortProbability", "Reserve below the capital of long-term awards in payment at the horizon",
            "期末储备低于在付长期待遇资本化价值的概率", short: "P(reserve < awards' capital)", unit: .share, isIndicator: true,
            perReplication: { $0.financing.capitalShort ? 1 : 0 }),
        Figure(
            "reserveMonthsAtEnd", "Reserve at the last year end, months of that year's spending", "末年年末储备可支付月数",
            short: "reserve, months of spending", unit: .ratio, spread: { $0.financing.reserveMonthsAtEnd },
            perReplication: { $0.financing.reserveMonthsAtEnd }),
        Figure(
            "costRateLastYearYuanPerOrder", "Pay-as-you-go cost rate in the last year (yuan per order)", "末年现收现付成本费率（元/单）",
            short: "PAYG cost rate, last year", unit: .yuanPerOrder, spread: { $0.financing.costRateLastYear },
            perReplication: { $0.financing.costRateLastYear }),
        Figure(
            "rateChargedLastYearYuanPerOrder", "Rate charged in the last year (yuan per order)", "末年实际费率（元/单）",
            short: "rate charged, last year", unit: .yuanPerOrder, spread: { $0.financing.rateChargedLastYear },
            perReplication: { $0.financing.rateChargedLastYear }),
        Figure(
            "terminalFundingRateLastYearYuanPerOrder", "Terminal-funding rate in the last year (yuan per order)",
            "末年资本化价值筹资费率（元/单）", short: "TF rate, last year", unit: .yuanPerOrder,
            spread: { $0.financing.terminalRateLastYear }, perReplication: { $0.financing.terminalRateLastYear }),
        Figure(
            "capitalShortfallAtEndYuan", "Awards' capital not covered by the reserve at the horizon", "期末储备未覆盖的在付长期待遇资本化价值",
            short: "capital not covered", unit: .yuan, spread: { $0.financing.capitalShortfallAtEnd },
            perReplication: { $0.financing.capitalShortfallAtEnd }),
        Figure(
            "generalAveragePremiumYuanPerOrder", "General average premium over the horizon's full years (yuan per order)",
            "全期一般平均费率（元/单）", short: "general average premium", unit: .yuanPerOrder,
            spread: { $0.financing.generalAveragePremium }, perReplication: { $0.financing.generalAveragePremium }),
        Figure(
            "actuarialBalanceYuanPerOrder", "Actuarial balance: rate charged − general average premium (yuan per order)",
            "精算平衡：实际费率 − 一般平均费率（元/单）", short: "actuarial balance", unit: .yuanPerOrder,
            spread: { $0.financing.actuarialBalance }, perReplication: { $0.financing.actuarialBalance }),
        // Solvency and cash at the horizon.
        Figure(
            "solvencyPositionAtEndYuan", "Assets − liabilities at the end", "期末\(Glossary.solvencyPosition.zh)", short: "solvency surplus at horizon",
            unit: .yuan,
            spread: { $0.solvencyPositionAtEnd }, perReplication: { $0.solvencyPositionAtEnd }),
        Figure("worstDeficitYuan", "Worst cash deficit", "最大现金缺口", short: "worst deficit, mean", unit: .yuan, perReplication: { $0.worstDeficit }),
        Figure(
            "contributionsYuan", "Contributions received", "缴费收入", short: "contributions", unit: .yuan, spread: { $0.contributions },
            perReplication: { $0.contributions }),
        Figure(
            "benefitsPaidYuan", "Benefits paid", "已付待遇", short: "benefits paid", unit: .yuan, spread: { $0.benefitsPaid },
            perReplication: { $0.benefitsPaid }),
        Figure(
            "lossRatioPaid", "Paid loss ratio", "已付赔付率", short: "loss ratio (paid)", unit: .ratio, spread: { $0.lossRatio },
            perReplication: { $0.lossRatio }),
        Figure(
            "lossRatioIncurred", "Incurred loss ratio", "已发生赔付率", short: "loss ratio (incurred)", unit: .ratio,
            spread: { $0.incurredLossRatio }, perReplication: { $0.incurredLossRatio }),
        Figure(
            "breakEvenRateYuanPerOrder", "Break-even rate (all sectors, yuan per order)", "盈亏平衡费率（全部行业，元/单）",
            short: "break-even rate, yuan/order", unit: .yuanPerOrder, perReplication: { $0.breakEvenRate }),
        Figure(
            "liabilitiesAtEndYuan", "Outstanding liabilities at the end", "期末未决负债", short: "liabilities at horizon", unit: .yuan,
            spread: { $0.liabilitiesAtEnd }, perReplication: { $0.liabilitiesAtEnd }),
        Figure(
            "backstopBorrowingYuan", "Borrowed from the backstop", "兜底借款", short: "backstop borrowing", unit: .yuan, spread: { $0.borrowed },
            perReplication: { $0.borrowing }),
        Figure(
            "netPositionAtEndYuan", "Net position at the end", "期末\(Glossary.netPosition.zh)", short: "net position at horizon", unit: .yuan,
            spread: { $0.netPositionAtEnd }, perReplication: { $0.netPositionAtEnd }),
        // Spreads of a pool only.
        Figure(
            "lowestNetPositionYuan", "Lowest month-end net position", "最低月末\(Glossary.netPosition.zh)", unit: .yuan, spread: { $0.lowestNetPosition }),
        Figure("ibnrReserveAtEndYuan", "Claims incurred but not reported (reserve)", "已发生未报案准备金", unit: .yuan, spread: { $0.ibnrAtEnd }),
        Figure("fundedRatioAtEnd", "Funded ratio at the end (assets ÷ liabilities)", "期末资产负债比", unit: .ratio, spread: { $0.fundedRatioAtEnd }),
        Figure("adminCostYuan", "Administration charged to the fund", "基金承担的管理费用", unit: .yuan, spread: { $0.adminCost }),
        Figure("investmentIncomeYuan", "Investment income", "投资收益", unit: .yuan, spread: { $0.investmentIncome }),
        Figure("platformPaidBenefitsYuan", "Benefits paid by platforms", "平台支付的待遇", unit: .yuan, spread: { $0.platformPaid }),
        Figure("orders", "Orders", "订单量", unit: .count, spread: { $0.orders }),
        Figure("accidents", "Accidents", "事故数", unit: .count, spread: { $0.accidents }),
        Figure("claimsRecognised", "Claims recognised", "认定工伤件数", unit: .count, spread: { $0.claimsRecognised }),
        Figure("insuredPersonsCumulative", "Persons insured (cumulative)", "累计参保人数", unit: .count, spread: { $0.insuredPersons }),
        Figure("activeWorkersLastMonth", "Workers active in the last month", "末月在岗从业人员", unit: .count, spread: { $0.activeWorkersAtEnd }),
        Figure(
            "claimsRecognisedSinceStart", "Claims recognised since the chain's first month", "自首期起认定工伤件数", unit: .count,
            spread: { $0.claimsRecognisedSinceStart }),
        Figure(
            "benefitsPaidSinceStartYuan", "Benefits paid since the chain's first month", "自首期起已付待遇", unit: .yuan,
            spread: { $0.benefitsPaidSinceStart }),
        // Tails and quantiles, computed by their own rules (TailRule, PolicyFigures).
        Figure("solvencyDeficitAtEndYuan", "Solvency deficit at the end", "期末偿付缺口", unit: .yuan),
        Figure("worstDeficitMedianYuan", "Worst cash deficit, median", "最大现金缺口（中位数）", unit: .yuan),
        Figure("worstDeficitVaR995Yuan", "Worst cash deficit, VaR 99.5%", "最大现金缺口（99.5% 风险价值）", unit: .yuan),
        Figure("worstDeficitTVaR995Yuan", "Worst cash deficit, TVaR 99.5%", "最大现金缺口（99.5% 尾部风险价值）", unit: .yuan)
    ]

    private static let byKey = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The figure declared as `key` (a key no figure has is a programming error, which the
    /// registry's tests catch).
    package static func named(_ key: String) -> Figure {
        guard let figure = byKey[key] else { preconditionFailure("no figure declared as \(key)") }
        return figure
    }

    /// The figure declared as `key`, or nil.
    package static func find(_ key: String) -> Figure? { byKey[key] }

    /// The figures `summary.json` writes as spreads for every pool and the total.
    package static var poolSpreads: [Figure] { all.filter { $0.spread != nil } }

    /// The figures the policy commands report, each a mean over replications, in declaration order.
    package static var policy: [Figure] { all.filter { $0.perReplication != nil } }
}
