/// The report's terms in English and Chinese: the one table every report string takes its
/// technical words from (`docs/GLOSSARY.md` lists the same terms with their sources, starting
/// from the actuarial glossary of the financing reference).
package enum Glossary {
    /// A term in both languages.
    package struct Term: Sendable, Equatable {
        package var en: String
        package var zh: String

        package init(_ en: String, _ zh: String) {
            self.en = en
            self.zh = zh
        }

        /// The term in `language`.
        package func callAsFunction(_ language: ReportLanguage) -> String { language == .en ? en : zh }
    }

    /// Cash − backstop debt − benefits in arrears: the liquidity test's figure.
    package static let netPosition = Term("net position", "基金净结余")
    /// Assets − everything owed (debt, arrears, outstanding claims, IBNR): the solvency test's figure.
    package static let solvencyPosition = Term("solvency position", "资产负债差额")
    /// Assets ÷ everything owed.
    package static let fundedRatio = Term("funded ratio", "资产负债比")
    /// Liabilities − assets when positive (financing.md §7: 资产负债缺口).
    package static let unfundedLiability = Term("asset–liability gap", "资产负债缺口")
    package static let solvency = Term("solvency", "偿付能力")
    package static let liquidity = Term("liquidity", "流动性")
    /// The test that fails in more worlds and so decides the verdict (not "约束条件", a constraint).
    package static let bindingTest = Term("binding test", "决定性检验")
    /// A risk-pooling jurisdiction (统筹地区), not a "pool" of money (统筹池).
    package static let pool = Term("pool", "统筹地区")
    package static let allPools = Term("all pools", "全部统筹地区")
    package static let pooling = Term("pooling", "统筹")
    package static let nationalPooling = Term("national pooling", "全国统筹")
    package static let provincialPooling = Term("provincial pooling", "省级统筹")
    package static let runShort = Term("runs short of cash", "现金不足")
    package static let reserve = Term("reserve", "储备金")
    package static let fundBalance = Term("fund balance", "基金结余")
    package static let breakEvenRate = Term("break-even rate", "盈亏平衡费率")
    package static let payAsYouGo = Term("pay-as-you-go", "现收现付")
    package static let fullFunding = Term("full funding", "完全积累")
    package static let terminalFunding = Term("terminal funding", "资本化价值筹资")
    package static let outstandingLiabilities = Term("outstanding liabilities", "未决赔款准备金")
    package static let ibnr = Term("incurred but not reported (IBNR)", "已发生未报告（IBNR）")
    package static let replication = Term("replication (simulated world)", "模拟次数")
    package static let percentagePoints = Term("pp", "个百分点")
    package static let scenario = Term("scenario", "情景")
    package static let variant = Term("option", "方案")

    /// Every term, in the order of `docs/GLOSSARY.md`.
    package static let all: [Term] = [
        solvency, liquidity, bindingTest, netPosition, solvencyPosition, fundedRatio, unfundedLiability, pool, allPools, pooling,
        nationalPooling, provincialPooling, runShort, reserve, fundBalance, breakEvenRate, payAsYouGo, fullFunding, terminalFunding,
        outstandingLiabilities, ibnr, replication, percentagePoints, scenario, variant
    ]
}
