/// An up-front bound on the money one month of a scenario can move, so that validation can refuse
/// a scenario whose single month could overflow the 64-bit fen counters: what the engine sums
/// without checks within a month (the shards' orders, the claims and contributions of the
/// month, the pools' month figures) must stay far inside the range.
///
/// The bound takes every input at the largest value its distribution can draw, every worker
/// working the longest shift the model allows (16 hours) on every day of the month at the
/// highest fatigue, growth compounded to the chain's horizon (the last month's level, the
/// highest), every shock at once, and every claim of a grade that earns lifetime benefits
/// (grade 1–6, death) valued in full at once. Medical costs are heavy-tailed: the bound counts
/// three times the mean per claim plus one claim at the largest draw, scaled up by the sample
/// fraction. The provinces' initial balances count too (they arrive in the first month).
///
/// What accumulates across months — a fund's cash, backstop debt, arrears and scheduled
/// payments, its liabilities and investment income, the running totals, the pools' sums — is
/// not bounded up front but checked as the run goes (``CheckedFen``): a replication that
/// leaves the range ends the run with an error naming the figure, the month and the pool. So a
/// long horizon is refused only if one of its months is already out of range.
package enum MoneyRange {
    /// Fen a month's bound may reach before validation refuses the scenario: half the Int64
    /// range (``CheckedFen/limit``, the range of every checked figure too).
    package static let limitFen = Double(Int64.max) / 2

    /// The longest shift a worker can draw (``HireProfile/hire(_:person:day:)`` clamps to it).
    static let longestShiftHours = 16.0

    /// A bound, in fen, on what any one month of any replication of `scenario` moves (all pools
    /// together): the month's contributions, the value of the claims it brings (lump sums,
    /// medical costs, lifetime benefits in full) and the initial balances. The growth of every
    /// phase of a chain counts from the chain's start to its horizon; each phase's bound is
    /// summed, so a month of any phase is under it.
    package static func monthBoundFen(_ scenario: Scenario) -> Double {
        let years = Double(scenario.monthsIntoChain + scenario.months) / 12
        return scenario.phasesToRun.reduce(phaseMonthBoundFen(scenario, growthYears: years)) { $0 + phaseMonthBoundFen($1, growthYears: years) }
    }

    /// One phase's month bound, its growth compounded over `growthYears` (the last month's level).
    static func phaseMonthBoundFen(_ scenario: Scenario, growthYears years: Double) -> Double {
        func growth(_ param: Param) -> Double { PortableMath.pow(max(1, 1 + param.largest), years) }
        let b = scenario.benefits
        let basis = scenario.basis
        let largestPremium = scenario.provinces.map(\.wageGrowthPremiumPerYear.largest).max() ?? 0
        let largestWageGrowth = basis.wageGrowthPerYear.largest + max(0, largestPremium)
        let medicalGrowth = growth(basis.medicalInflationPerYear)
        /// Orders' growth (`orders` a year, at most `ordersCap`, its ceiling) times the growth at
        /// `rates` a year, compounded to the chain's horizon: the largest month's level.
        func horizonGrowth(orders: Double, ordersCap: Double, _ rates: Double...) -> Double {
            let ordersLevel = PortableMath.log(max(1, 1 + orders)) * years
            let level = rates.reduce(0.0) { $0 + PortableMath.log(max(1, 1 + $1)) } * years
            return min(ordersCap, PortableMath.exp(ordersLevel)) * PortableMath.exp(level)
        }
        let largestCareLevel = min(1, b.careLevel.max() ?? 1)
        let largestIncomeOrWageGrowth = max(largestWageGrowth, b.urbanIncomeGrowthPerYear.largest)
        var shockOrders = 1.0, shockClaims = 1.0, shockSeverity = 1.0, shockMedical = 1.0
        for shock in scenario.shocks {
            shockOrders *= max(1, shock.orders.largest)
            shockClaims *= max(1, shock.claimFrequency.largest)
            shockSeverity *= max(1, shock.severity.largest)
            shockMedical *= max(1, shock.medicalCost.largest)
        }
        let rateFloat = scenario.rateFloat.enabled ? 1 + scenario.rateFloat.maxShare : 1
        // A tier rule may put a platform on its high rate.
        let largestRate = max(scenario.platforms.map(\.ratePerOrderYuan.largest).max() ?? 0, scenario.rateTiers?.highYuanPerOrder ?? 0)
        let largestPlatformRisk = scenario.platforms.map(\.riskMultiplier.largest).max() ?? 1
        let r = scenario.risk
        let riskPerOrder =
            largestPlatformRisk * max(1, r.newWorkerMultiplier.largest)
            * (1 + max(0, r.extraRiskPerLongHour.largest) * max(0, longestShiftHours - r.longShiftHours)) * shockClaims
        let urbanIncome = b.urbanIncomeByYear.values.max() ?? 0
        // Lifetime streams run at most from the youngest hire age to the oldest age paid, indexed
        // yearly by at most the larger of wage growth and the pension increase g, valued at the
        // lowest discount rate r and weighted by survival — improved at the largest rate from the
        // latest year a stream can start (the horizon's end, ten years on for late reports), so
        // no stream's survival is better: a
        // stream's present value is at most the wage × 12 Σ_y ρ^y S(y), ρ = (1 + g) / (1 + r), S
        // the better survival of the two sexes from 18 at the lowest loading (the disabled's
        // multipliers are at least 1). The cash a stream pays month by month is checked at run
        // time, not bounded here.
        let youngest = Scenario.Sector.ageBandEdges[0]
        let lowestDiscount = basis.discountRate(investmentReturn: basis.investmentReturnPerYear.smallest)
        let largestAllowanceIndexation = basis.allowanceRate(
            wageGrowth: largestWageGrowth, pensionIncrease: max(largestWageGrowth, basis.pensionIncreasePerYear.largest))
        var lifeTable = b.lifeTable
        lifeTable.loading = max(0, b.mortalityLoading.smallest)
        let latestStart = max(0, Double(scenario.startMonth.year - basis.mortalityTableYear) + years + 10)
        let improvementRho = SurvivalCurve.Improvement.rho(improvementPerYear: max(0, min(0.99, basis.mortalityImprovementPerYear.largest)))
        let improvement = SurvivalCurve.Improvement(rho: improvementRho, atOrigin: PortableMath.exp(-improvementRho * latestStart))
        let men = SurvivalCurve(table: lifeTable, male: true, age: youngest, multiplier: 1, improvement: improvement)
        let women = SurvivalCurve(table: lifeTable, male: false, age: youngest, multiplier: 1, improvement: improvement)
        /// 12 Σ_y ρ^y S(y) for indexation at `rate`: a stream's months at most, in present value.
        func presentValueMonths(indexation rate: Double) -> Double {
            let rho = max(1, 1 + rate) / max(1e-9, 1 + lowestDiscount)
            var months = 0.0
            var indexed = 1.0
            for year in 0..<Int(LifeTable.oldestAge - youngest) {
                months += 12 * indexed * max(men.survival(months: 12 * year), women.survival(months: 12 * year))
                indexed *= rho
            }
            return months
        }
        // Allowances and pensions at their rule's rate (at most the cap), care at wage growth.
        let allowanceMonths = presentValueMonths(indexation: largestAllowanceIndexation)
        let careMonths = presentValueMonths(indexation: largestWageGrowth)
        let fraction = scenario.poolSampleFractions.min() ?? 1

        var total = 0.0
        for province in scenario.provinces {
            let wage = province.averageMonthlyWageYuan.largest
            total += province.initialBalanceYuan * 100
            for sector in scenario.sectors.indices where province.workers[sector] > 0 {
                let s = scenario.sectors[sector]
                let ordersRate = s.ordersGrowthPerYear.largest
                // A logistic path never exceeds its ceiling (``GrowthPath``); a ceiling that can
                // be drawn at 1 means none.
                let ordersCap = s.ordersSaturation.smallest > 1 ? s.ordersSaturation.largest : .infinity
                // Sampled slots are rounded per platform, each scaled back by 1/fraction.
                let platformsHere = Double(scenario.platforms.filter { $0.sector == sector }.count)
                // Workers grow at most to their largest ceiling; a logistic orders path stays
                // below the exponential one of the same initial growth (``GrowthPath``). At the
                // chain's start; each flow's growth to the horizon is applied below.
                let workers = (Double(province.workers[sector]) + platformsHere * 0.5 / fraction) * max(1, s.workersSaturation.largest)
                let ordersPerMonth = workers * s.ordersPerHour.largest * longestShiftHours * 31 * shockOrders
                let claimsPerMonth =
                    ordersPerMonth * s.claimsPerMillionOrders.largest / 1_000_000
                    * province.riskMultiplier.largest * riskPerOrder
                let medicalMean = (s.medicalCostMeanYuan.map(\.largest).max() ?? 0) * shockMedical
                let sigma = s.medicalCostSigma.largest
                let largestMedical = medicalMean * medicalGrowth * PortableMath.exp(sigma * Param.largestStandardNormal - sigma * sigma / 2)
                // Allowance and care, or pensions, with indexation for the grades that earn them; lump sums, funeral grant and suspension wages (at most 60 months'
                // wages) for every claim; the death grant of 20 years' urban income.
                let weights = s.severity.map(\.largest)
                func share(_ grades: [Severity]) -> Double { min(1, shockSeverity * grades.reduce(0) { $0 + weights[$1.rawValue] }) }
                let deathShare = share([.death])
                // Per lifetime claim at most 0.9 W allowance + the largest care level × W (grades 1–4), 0.7 W (grades
                // 5–6), or W of dependants' pensions (death).
                let grades1to4 = share([.grade4, .grade3, .grade2, .grade1])
                let lifetimeWageMonths =
                    allowanceMonths * (0.9 * grades1to4 + 0.7 * share([.grade6, .grade5]) + deathShare) + careMonths * largestCareLevel * grades1to4
                let wageBenefits = wage * (lifetimeWageMonths + 60) + 20 * urbanIncome * deathShare
                let monthYuan =
                    ordersPerMonth * largestRate * rateFloat * horizonGrowth(orders: ordersRate, ordersCap: ordersCap)
                    + claimsPerMonth * wageBenefits * horizonGrowth(orders: ordersRate, ordersCap: ordersCap, largestIncomeOrWageGrowth)
                    + claimsPerMonth * 3 * medicalMean
                    * horizonGrowth(orders: ordersRate, ordersCap: ordersCap, basis.medicalInflationPerYear.largest)
                total += (monthYuan + largestMedical / fraction) * 100
            }
        }
        return total
    }
}
