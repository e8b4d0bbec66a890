import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

/// The financing methods' figures (`Sources/InjurySimAnalysis/Financing/`) against independent
/// computations (financing.md §6): the pay-as-you-go cost rate of a stationary population run by
/// the engine, the terminal-funding rate and reserve of an indexed award, the general average
/// premium of a constant-growth path, the exhaustion year of a fund run by the fund ledger, and
/// the Aaron–Samuelson condition over a grid of cohort models.
extension ModelValidation {
    static let paygName = "PAYG cost rate, stationary population"
    static let terminalFundingName = "Terminal funding: rate and reserve of an indexed award"
    static let gapName = "General average premium, constant growth"
    static let depletionName = "Exhaustion year of a deterministic fund"
    static let aaronSamuelsonName = "PAYG cheaper than TF iff (1+n)(1+w) > 1+i"

    /// The financing checks, in report order.
    static let financingCheckNames = [paygName, terminalFundingName, gapName, depletionName, aaronSamuelsonName]

    /// Writes `value` into a hand-built result's month (what the month loop's recorder does).
    static func put(_ value: Int64, _ result: inout ReplicationResult, month: Int, pool: Int = 0, _ metric: Metric) {
        result.monthly[(month * (result.poolCount + 1) + pool) * Metric.allCases.count + metric.rawValue] = value
    }

    /// (a) A stationary population (constant workers, everyone working every day, no growth)
    /// whose claims earn only short-term benefits — medical-only and grades 7–10 (medical care
    /// at a fixed cost and the disability lump sum of 13/11/9/7 months of the ¥9,000 wage) —
    /// paid 2 and 6 months after a report 10 days after the accident. From the second year every
    /// payment of the year comes from 365 days of accidents, so the expected cost rate (yuan per
    /// order) is claims per order × mean cost per claim. The yearly cost is compound Poisson:
    /// its variance is a Σ_s p_s (m_s² |M| + d_s² |A| + 2 m_s d_s |M ∩ A|) over the accident days
    /// whose medical (M) and lump-sum (A) payments fall in the year, a accidents a day.
    package static func payAsYouGoStationary(threads: Int) async -> Check {
        let workers = 10_000, perMillion = 40.0, replications = 100
        var s = baseScenario(workers: workers, months: 24, replications: replications, claimsPerMillion: perMillion)
        var severity = [Param](repeating: .fixed(0), count: Severity.allCases.count)
        let weights: [(Severity, Double)] = [(.medicalOnly, 0.6), (.grade10, 0.2), (.grade9, 0.1), (.grade8, 0.06), (.grade7, 0.04)]
        for (kind, weight) in weights { severity[kind.rawValue] = .fixed(weight) }
        s.sectors[0].severity = severity
        let medical: [Double] = [4_000, 20_000, 60_000, 120_000, 300_000]  // by SeverityGroup
        s.sectors[0].medicalCostMeanYuan = medical.map { .fixed($0) }
        let (medicalLag, appraisalLag, delay) = (2, 6, 10)
        s.benefits.medicalLagMonths = medicalLag
        s.benefits.appraisalLagMonths = appraisalLag
        s.benefits.reportingDelayDays = .fixed(Double(delay))
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        let wage = 9_000.0
        // Claims: medical cost m and lump sum d (yuan) by severity, with their probabilities.
        let claims = weights.map { severity, p in
            (p: p, m: medical[severity.group.rawValue], d: severity.grade.map { wage * ClaimRules.disabilitySubsidyMonths[$0 - 1] } ?? 0)
        }
        let meanCost = claims.reduce(0.0) { $0 + $1.p * ($1.m + $1.d) }
        let claimsPerOrder = perMillion * 1e-6
        let expected = claimsPerOrder * meanCost
        // The second year's months 12…23: payments there come from reports in months 12 − lag …
        // 23 − lag (all after February 2024, so 365 days of accidents each); the two windows
        // share the days of months 12 − medicalLag … 23 − appraisalLag.
        let calendar = SimulationCalendar(start: s.startMonth, months: s.months)
        let days = calendar.firstDays
        let windowM = Double(days[24 - medicalLag] - days[12 - medicalLag])
        let windowA = Double(days[24 - appraisalLag] - days[12 - appraisalLag])
        let overlap = Double(days[24 - appraisalLag] - days[12 - medicalLag])
        let perDay = Double(workers) * ordersPerWorkerDay * claimsPerOrder
        let variance = perDay * claims.reduce(0.0) { $0 + $1.p * ($1.m * $1.m * windowM + $1.d * $1.d * windowA + 2 * $1.m * $1.d * overlap) }
        let orders = Double(workers) * Double(days[24] - days[12]) * ordersPerWorkerDay
        let se = (variance / Double(results.count)).squareRoot() / orders
        let rates = results.map { FinancingPath($0, pool: 0, start: s.startMonth).years[1].costRate }
        let mean = Statistics.mean(rates)
        let firstYear = Statistics.mean(results.map { FinancingPath($0, pool: 0, start: s.startMonth).years[0].costRate })
        return Check(
            name: paygName, quantity: "spending ÷ orders in the second year (yuan per order), mean of \(results.count) replications",
            expected: text(expected, 5) + " = 40 per million orders × mean cost per claim ¥" + text(meanCost, 0)
                + " (medical + lump sum of 13/11/9/7 months × ¥9,000)",
            simulated: text(mean, 5) + " ± " + text(se, 5) + " (SE); first year " + text(firstYear, 5) + " (lags not yet filled)",
            tolerance: "4 SE (compound Poisson, both payment windows)",
            passed: windowM == 365 && windowA == 365 && abs(mean - expected) <= 4 * se,
            method: "10,000 workers for 24 months, 40 claims per million orders: 60% medical-only (¥4,000), grades 10/9/8/7 20/10/6/4% "
                + "(medical ¥20,000 and the lump sum), reported 10 days after the accident, medical paid 2 and the lump sum 6 months "
                + "after the report; FinancingPath's cost rate of 2025")
    }

    /// (b) An award of ¥10,000 a year for 20 years, paid each January in advance and indexed
    /// 3% a year, valued at 4% (financing.md §6.1's ä): its capital value in the award year is
    /// charged by the terminal-funding rate, (S + admin + CV) ÷ orders with S and the
    /// administration of that year; and the constituent-capital reserve at every year end
    /// equals the present value of the payments still due (§6.6 ii), ending at 0. (The capital
    /// value of the engine's own awards against the annuity formula: "Grade 1 allowance PV,
    /// constant hazard" above.)
    package static func terminalFunding() -> Check {
        let (years, growth, discount) = (20, 0.03, 0.04)
        let payment = 1_000_000.0  // fen a year
        let (orders, shortTerm, admin): (Int64, Int64, Int64) = (2_000_000, 3_000_000, 500_000)
        var result = ReplicationResult(replication: 0, months: 12 * (years + 1), poolCount: 1, sectorCount: 1)
        result.discountRatePerYear = discount
        let capital = payment * FinancingFormulas.annuityDue(years: years, growth: growth, discount: discount)
        let fen = { (x: Double) in Int64(x.rounded()) }
        put(fen(capital), &result, month: 0, .awardsCapitalValue)
        put(orders, &result, month: 0, .orders)
        put(shortTerm, &result, month: 0, .dueMedical)
        put(admin, &result, month: 0, .adminCost)
        var paid: [Int64] = []
        for k in 0..<years {
            paid.append(fen(payment * pow(1 + growth, Double(k))))
            put(paid[k], &result, month: 12 * k, .dueDisabilityAllowance)
            put(paid[k] + (k == 0 ? shortTerm : 0), &result, month: 12 * k, .benefitsDue)
        }
        let path = FinancingPath(result, pool: 0, start: YearMonth(year: 2024, month: 1))
        let expectedRate = (Double(shortTerm) + Double(admin) + Double(fen(capital))) / 100 / Double(orders)
        let rateError = abs(path.years[0].terminalRate - expectedRate)
        var worst = 0.0  // fen
        for t in 0...years {
            // The payments k > t still due, valued at the end of year t (= the start of year t + 1).
            let remaining = (t + 1..<max(t + 1, years)).reduce(0.0) { $0 + Double(paid[$1]) * pow(1 + discount, -Double($1 - t - 1)) }
            worst = max(worst, abs(path.years[t].constituentCapital - remaining))
        }
        return Check(
            name: terminalFundingName, quantity: "rate of the award year (yuan per order); reserve at each of 21 year ends (fen)",
            expected: text(expectedRate, 4) + " = (¥30,000 + ¥5,000 + CV ¥" + text(capital / 100, 2) + ") ÷ 20,000 orders, CV = "
                + "¥10,000 × ä(20 years, g 3%, i 4%); reserve = PV of the payments still due",
            simulated: text(path.years[0].terminalRate, 4) + "; largest reserve difference " + text(worst, 2) + " fen, last reserve "
                + text(path.years[years].constituentCapital, 2) + " fen",
            tolerance: "10⁻⁹ yuan per order; 1 fen per payment (payments rounded to the fen)",
            passed: rateError <= 1e-9 && worst <= Double(years),
            method: "hand-built replication: one award in January 2024, its payments each January as the disability allowance, "
                + "¥30,000 of medical care and ¥5,000 of administration in the award year; FinancingPath's terminal rate and "
                + "constituent-capital recursion R(t+1) = (R(t) + CV(t) − L(t))(1 + i)")
    }

    /// (c) Orders growing 2% a year and the cost rate 3% from ¥0.05 per order, discount 2.5%,
    /// 30 full years from January with no opening reserve and a closing reserve of one year of
    /// B₃₀ (1.0506 years of the last year's spending): FinancingPath's general average premium
    /// against §6.3's closed form, 0.0821937 in the reference; and the summarized income rate at
    /// a flat ¥0.08 per order, whose actuarial balance is then 0.08 − π.
    package static func generalAveragePremium() -> Check {
        let (c, n, i, T) = (0.03, 0.02, 0.025, 30)
        let (o0, c0) = (1e10, 5.0)  // orders; fen per order
        var result = ReplicationResult(replication: 0, months: 12 * (T + 1), poolCount: 1, sectorCount: 1)
        result.discountRatePerYear = i
        for t in 0...T {
            let orders = o0 * pow(1 + n, Double(t))
            let spending = Int64((c0 * pow(1 + c, Double(t)) * orders).rounded())
            put(Int64(orders.rounded()), &result, month: 12 * t, .orders)
            put(spending, &result, month: 12 * t + 5, .dueMedical)
            put(spending, &result, month: 12 * t + 5, .benefitsDue)
            put(Int64((8 * orders).rounded()), &result, month: 12 * t + 1, .contributions)
        }
        let path = FinancingPath(result, pool: 0, start: YearMonth(year: 2024, month: 1))
        let closed = FinancingFormulas.generalAveragePremium(
            costRate: c0 / 100, costGrowth: c, baseGrowth: n, discount: i, years: T, closingReserveYears: 1, openingReserveToBase: 0)
        let premium = path.generalAveragePremium(years: T, closingReserveYears: (1 + c) * (1 + n)) ?? .nan
        let balance = path.actuarialBalance(years: T, closingReserveYears: (1 + c) * (1 + n)) ?? .nan
        return Check(
            name: gapName, quantity: "π over 30 years (yuan per order); actuarial balance at ¥0.08",
            expected: text(closed, 7) + " (financing.md §6.3: 0.0821937); balance " + text(0.08 - closed, 7),
            simulated: text(premium, 7) + "; balance " + text(balance, 7),
            tolerance: "10⁻⁹ (orders and spending rounded to whole orders and fen)",
            passed: abs(premium - closed) <= 1e-9 && abs(balance - (0.08 - closed)) <= 1e-9 && abs(closed - 0.0821937) < 5e-8,
            method: "hand-built replication of 31 years from January 2024: orders 10¹⁰ × 1.02ᵗ, spending 5 fen × 1.03ᵗ per order, "
                + "contributions 8 fen per order; FinancingPath.generalAveragePremium with start-of-year flows")
    }

    /// (d) A fund of ¥100 M paying a deficit of ¥10 M × (1+g)ᵗ a year with no income, run month
    /// by month by the fund ledger (`FundLedger`, monthly interest (1+i)^(1/12) − 1 on positive
    /// cash, to the fen) and recorded as the engine records it (`MonthRecorder`). The deficit is
    /// paid each December grown by (1+i), so the year's recursion is §6.4's start-of-year
    /// F(t+1) = (F(t) − D(t))(1+i): the first short month falls in year ⌊t*⌋.
    package static func depletionYear() -> Check {
        let cases: [(g: Double, i: Double)] = [(0, 0), (0, 0.02), (0.05, 0.02), (0.03, 0.01), (0, 0.12)]
        let (fund, deficit) = (10_000_000_000.0, 1_000_000_000.0)  // fen
        let years = 30
        var rows: [String] = []
        var agree = true
        for (g, i) in cases {
            let s = baseScenario(workers: 1, months: 12 * years, replications: 1, claimsPerMillion: 0)
            var recorder = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0, discountRatePerYear: i)
            var ledger = FundLedger(initialCash: Int64(fund), shortfall: .borrow, liabilityDiscountRatePerYear: i)
            recorder.recordOpening(netPosition: ledger.cash, pool: 0)
            for t in 0..<years {
                ledger.schedule([Payment(month: 12 * t + 11, amount: Int64((deficit * pow(1 + g, Double(t)) * (1 + i)).rounded()), item: .medical)])
            }
            for month in 0..<s.months {
                let books = ledger.close(month: month, contributions: 0, adminCostShare: 0, investmentReturnPerYear: i)
                recorder.recordFund(books, ibnr: 0, month: month, pool: 0)
            }
            let result = recorder.finished(sampleFractions: [1])
            let path = FinancingPath(result, pool: 0, start: s.startMonth)
            let t = FinancingFormulas.depletionTime(fund: fund, deficit: deficit, deficitGrowth: g, interest: i)
            let expected = t.flatMap { $0 < Double(years) ? 2024 + Int($0.rounded(.down)) : nil }
            agree = agree && path.exhaustionYear == expected
            let shown = t.map { text($0, 4) } ?? "never"
            rows.append("g \(text(g * 100, 0))%, i \(text(i * 100, 0))%: t* " + shown + " → " + (path.exhaustionYear.map(String.init) ?? "none"))
        }
        return Check(
            name: depletionName, quantity: "calendar year of the first negative net position (start 2024)",
            expected:
                "2024 + ⌊t*⌋, t* = ln(1 − F₀(1 − q)/D₀)/ln q, q = (1+g)/(1+i) (§6.4: 10.0, 11.0214, 8.8945; none when interest covers the deficit)",
            simulated: rows.joined(separator: "; "), tolerance: "exact year", passed: agree,
            method: "FundLedger with ¥100 M, no income, ¥10 M × (1+g)ᵗ × (1+i) due each December, monthly interest, borrowing at a shortfall; "
                + "MonthRecorder's result read by FinancingPath")
    }

    /// (e) A cohort model with growth: N₀(1+n)ᵗ claims awarded each January, each paying
    /// c_k·W₀(1+w)ᵗ(1+g)ᵏ in its year k (c = 1, 0.8, 0.8, 0.6, 0.6, 0.4), orders O₀(1+n)ᵗ, the
    /// award's capital value at the discount i. Summed cohort by cohort into a hand-built result,
    /// FinancingPath's cost rate (PAYG) and terminal rate (TF) in year 6 (the stock mature) equal
    /// §6.2's closed forms, and PAYG is the cheaper exactly when (1+n)(1+w) > 1+i, over a grid.
    package static func aaronSamuelson() -> Check {
        let costs = [1.0, 0.8, 0.8, 0.6, 0.6, 0.4]
        let (claims0, wage0, orders0, g) = (1_000.0, 1_000_000.0, 1e9, 0.02)
        let year = 6
        var points = 0, agreeing = 0, cheaper = 0
        var worst = 0.0
        for n in [0, 0.03] {
            for w in [0, 0.03] {
                for i in [0.01, 0.05, 0.07] {
                    var result = ReplicationResult(replication: 0, months: 12 * (year + 1), poolCount: 1, sectorCount: 1)
                    result.discountRatePerYear = i
                    for t in 0...year {
                        let cohort = claims0 * pow(1 + n, Double(t)) * wage0 * pow(1 + w, Double(t))
                        var capital = 0.0
                        for (k, c) in costs.enumerated() { capital += cohort * c * pow((1 + g) / (1 + i), Double(k)) }
                        var due = 0.0
                        for (k, c) in costs.enumerated() where k <= t {
                            due += claims0 * pow(1 + n, Double(t - k)) * wage0 * pow(1 + w, Double(t - k)) * c * pow(1 + g, Double(k))
                        }
                        put(Int64(capital.rounded()), &result, month: 12 * t, .awardsCapitalValue)
                        put(Int64(due.rounded()), &result, month: 12 * t, .dueDisabilityAllowance)
                        put(Int64(due.rounded()), &result, month: 12 * t, .benefitsDue)
                        put(Int64((orders0 * pow(1 + n, Double(t))).rounded()), &result, month: 12 * t, .orders)
                    }
                    let figures = FinancingPath(result, pool: 0, start: YearMonth(year: 2024, month: 1)).years[year]
                    let payg = FinancingFormulas.payAsYouGoRate(
                        claimsPerOrder: claims0 / orders0, wageBase: wage0, costs: costs, orderGrowth: n, wageGrowth: w, indexation: g, year: year)
                    let tf = FinancingFormulas.terminalFundingRate(
                        claimsPerOrder: claims0 / orders0, wageBase: wage0, costs: costs, wageGrowth: w, indexation: g, discount: i, year: year)
                    worst = max(worst, abs(figures.costRate - payg / 100) / (payg / 100), abs(figures.terminalRate - tf / 100) / (tf / 100))
                    let condition = FinancingFormulas.payAsYouGoIsCheaper(orderGrowth: n, wageGrowth: w, discount: i)
                    if (figures.costRate < figures.terminalRate) == condition { agreeing += 1 }
                    if condition { cheaper += 1 }
                    points += 1
                }
            }
        }
        return Check(
            name: aaronSamuelsonName, quantity: "year-6 cost rate vs terminal rate over \(points) (n, w, i) points, g = 2%",
            expected: "PAYG cheaper at the \(cheaper) points where (1+n)(1+w) > 1+i; both rates = §6.2's closed forms",
            simulated: "\(agreeing) of \(points) points agree; largest relative difference from the closed forms " + text(worst * 1e9, 2) + "×10⁻⁹",
            tolerance: "every point; 10⁻⁸ relative", passed: agreeing == points && worst <= 1e-8 && cheaper > 0 && cheaper < points,
            method: "cohort sums (claims N₀(1+n)ᵗ, wage W₀(1+w)ᵗ, benefits indexed at g, 6 years per claim) written into a hand-built "
                + "replication, n and w in {0, 3%}, i in {1, 5, 7%}; FinancingPath's costRate and terminalRate")
    }

    /// Every financing check, in report order.
    package static func financingChecks(threads: Int) async -> [Check] {
        [await payAsYouGoStationary(threads: threads), terminalFunding(), generalAveragePremium(), depletionYear(), aaronSamuelson()]
    }
}
