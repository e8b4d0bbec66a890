/// An up-front bound on the money a scenario can reach, so that validation can refuse a
/// scenario whose growth would overflow the 64-bit fen counters instead of letting the run trap.
///
/// The bound takes every input at the largest value its distribution can draw, every worker
/// working the longest shift the model allows (16 hours) on every day of the month at the
/// highest fatigue, growth compounded over the whole horizon, and every claim of a grade that
/// earns lifetime benefits (grade 1–6, death) paying them in full at once. Medical costs are
/// heavy-tailed: the bound counts three times the mean per claim plus one claim at the largest
/// draw, scaled up by the sample fraction. It is far above any simulated figure (a test checks
/// it against runs), and below the counters' range for every shipped scenario.
package enum MoneyRange {
    /// Fen a figure may reach before the bound refuses the scenario: half the Int64 range.
    package static let limitFen = Double(Int64.max) / 2

    /// The longest shift a worker can draw (``HireProfile/hire(_:person:day:)`` clamps to it).
    static let longestShiftHours = 16.0

    /// A bound, in fen, on the cumulative contributions, benefits, balances and liabilities of any
    /// replication of `scenario` (all pools together). A later phase of a chain also carries
    /// what the earlier phases brought, and its growth counts from the chain's start: each phase's
    /// own bound, with growth compounded to the chain's horizon, summed.
    package static func boundFen(_ scenario: Scenario) -> Double {
        let years = Double(scenario.monthsIntoChain + scenario.months) / 12
        return scenario.phasesToRun.reduce(phaseBoundFen(scenario, growthYears: years)) { $0 + phaseBoundFen($1, growthYears: years) }
    }

    /// One phase's bound, its growth compounded over `growthYears`.
    static func phaseBoundFen(_ scenario: Scenario, growthYears years: Double) -> Double {
        func growth(_ param: Param) -> Double { PortableMath.pow(max(1, 1 + param.largest), years) }
        let b = scenario.benefits
        let basis = scenario.basis
        let largestPremium = scenario.provinces.map(\.wageGrowthPremiumPerYear.largest).max() ?? 0
        let largestWageGrowth = basis.wageGrowthPerYear.largest + max(0, largestPremium)
        let medicalGrowth = growth(basis.medicalInflationPerYear)
        // The phase's months end at the chain's horizon at the latest: month m of the phase is at
        // most `first + m` months from the chain's start.
        let first = max(0, years * 12 - Double(scenario.months))
        /// Σ over the phase's months of orders' growth (`orders`: at most `ordersCap`, its
        /// ceiling) times the growth at `rates` a year, compounded to each month: the horizon's
        /// flows grow month by month, not all at the last month's level.
        func monthsOfGrowth(orders: Double, ordersCap: Double, _ rates: Double...) -> Double {
            let ordersPerMonth = PortableMath.log(max(1, 1 + orders)) / 12
            let perMonth = rates.reduce(0.0) { $0 + PortableMath.log(max(1, 1 + $1)) } / 12
            return (0..<scenario.months).reduce(0.0) { sum, m in
                let t = first + Double(m)
                return sum + min(ordersCap, PortableMath.exp(ordersPerMonth * t)) * PortableMath.exp(perMonth * t)
            }
        }
        let largestCareLevel = min(1, b.careLevel.max() ?? 1)
        let largestIncomeOrWageGrowth = max(largestWageGrowth, b.urbanIncomeGrowthPerYear.largest)
        let returnGrowth = growth(basis.investmentReturnPerYear)
        var shockOrders = 1.0, shockClaims = 1.0, shockSeverity = 1.0, shockMedical = 1.0, shockReturn = 1.0
        for shock in scenario.shocks {
            shockOrders *= max(1, shock.orders.largest)
            shockClaims *= max(1, shock.claimFrequency.largest)
            shockSeverity *= max(1, shock.severity.largest)
            shockMedical *= max(1, shock.medicalCost.largest)
            shockReturn *= max(1, abs(shock.investmentReturn.largest))
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
        // multipliers are at least 1); the cash it pays within the horizon at most the wage × the
        // horizon's months.
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
            return max(Double(scenario.months), months)
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
                // chain's start; each flow's growth is summed over the months below.
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
                let horizonYuan =
                    ordersPerMonth * largestRate * rateFloat * monthsOfGrowth(orders: ordersRate, ordersCap: ordersCap)
                    + claimsPerMonth * wageBenefits * monthsOfGrowth(orders: ordersRate, ordersCap: ordersCap, largestIncomeOrWageGrowth)
                    + claimsPerMonth * 3 * medicalMean
                    * monthsOfGrowth(orders: ordersRate, ordersCap: ordersCap, basis.medicalInflationPerYear.largest)
                total += (horizonYuan + largestMedical / fraction) * 100
            }
        }
        return total * returnGrowth * shockReturn
    }
}
