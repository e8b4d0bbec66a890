import InjurySimCore

/// The closed forms of the financing methods (the shared reference financing.md §1 and §6):
/// annuities certain, the general average premium for constant cost growth, the deterministic
/// depletion time, the reserve ratio in months, and the pay-as-you-go and terminal-funding rates
/// of a stationary or growing population. Pure functions of plain numbers, in whatever unit the
/// caller gives (rates as fractions a year: 0.03 is 3%); the simulation's figures are checked
/// against them (`FinancingFormulasTests`, `ModelValidation+Financing`). Powers and logarithms
/// are `PortableMath`'s, so the figures are the same bits on every machine.
package enum FinancingFormulas {
    /// `(1 + g) / (1 + i)`: the ratio of one year's indexed, discounted payment to the previous.
    package static func ratio(growth g: Double, discount i: Double) -> Double { (1 + g) / (1 + i) }

    /// Σ_{k=0}^{n−1} qᵏ = (1 − qⁿ)/(1 − q); n when q = 1 (§6.1's ä with q = (1+g)/(1+i)).
    package static func geometricSum(_ q: Double, terms n: Double) -> Double {
        q == 1 ? n : (1 - PortableMath.pow(q, n)) / (1 - q)
    }

    /// ä: n yearly payments in advance, the first 1, growing at `growth`, discounted at
    /// `discount` (§6.1): Σ_{k<n} qᵏ, q = (1+g)/(1+i); exactly n when g = i.
    package static func annuityDue(years n: Int, growth g: Double, discount i: Double) -> Double {
        geometricSum(ratio(growth: g, discount: i), terms: Double(n))
    }

    /// ā: a continuous payment of 1 a year growing at force γ = ln(1+g), discounted at force
    /// δ = ln(1+i), for n years: (1 − e^{−(δ−γ)n})/(δ − γ); n when δ = γ (§6.1).
    package static func continuousAnnuity(years n: Double, growth g: Double, discount i: Double) -> Double {
        let net = PortableMath.log(1 + i) - PortableMath.log(1 + g)
        return net == 0 ? n : (1 - PortableMath.exp(-net * n)) / net
    }

    /// ä^{(12)}_1: the value at its start of one year of payments of 1/12 a month in advance,
    /// (1 − v)/d^{(12)}, d^{(12)} = 12(1 − v^{1/12}), v = 1/(1+i); 1 when i = 0 (§6.1).
    package static func monthlyFactor(discount i: Double) -> Double {
        guard i != 0 else { return 1 }
        let v = 1 / (1 + i)
        return (1 - v) / (12 * (1 - PortableMath.pow(v, 1.0 / 12)))
    }

    /// 1 a month in advance for n years, indexed once a year at `growth`, discounted at
    /// `discount`: 12·ä^{(12)}_1·ä (§6.1).
    package static func monthlyIndexedAnnuity(years n: Int, growth g: Double, discount i: Double) -> Double {
        12 * monthlyFactor(discount: i) * annuityDue(years: n, growth: g, discount: i)
    }

    /// A perpetual continuous life annuity under a constant force of mortality μ, growing at g:
    /// 1/(δ − γ + μ) (§6.1); nil when δ − γ + μ ≤ 0 (it does not converge).
    package static func constantForceLifeAnnuity(growth g: Double, discount i: Double, force mu: Double) -> Double? {
        let net = PortableMath.log(1 + i) - PortableMath.log(1 + g) + mu
        return net > 0 ? 1 / net : nil
    }

    /// The general average premium per unit of base when the base grows at n and the cost rate
    /// C_t = B_t/O_t at c, start-of-year flows, discount i, T years, a closing reserve of k years
    /// of B_T and an opening reserve of `openingReserveToBase` = F_0/O_0 (§6.3):
    /// [C_0·Σ_{t<T}(u(1+c))ᵗ + k·C_0·(u(1+c))ᵀ − F_0/O_0] / Σ_{t<T} uᵗ, u = (1+n)/(1+i).
    package static func generalAveragePremium(
        costRate c0: Double, costGrowth c: Double, baseGrowth n: Double, discount i: Double, years T: Int,
        closingReserveYears k: Double, openingReserveToBase f0: Double
    ) -> Double {
        let u = (1 + n) / (1 + i)
        let cost = u * (1 + c)
        let years = Double(T)
        let numerator = c0 * geometricSum(cost, terms: years) + k * c0 * PortableMath.pow(cost, years) - f0
        return numerator / geometricSum(u, terms: years)
    }

    /// The general average premium of given yearly flows (§1.3, start-of-year flows):
    /// [Σ_{t<T} B_t vᵗ + F*_T vᵀ − F_0] / Σ_{t<T} O_t vᵗ, T = the flows' count, v = 1/(1+i);
    /// in the unit of `spending` per unit of `base`; nil when the flows' counts differ or the
    /// base's present value is not positive.
    package static func generalAveragePremium(
        spending: [Double], base: [Double], discount i: Double, openingReserve f0: Double, closingReserve target: Double
    ) -> Double? {
        guard spending.count == base.count else { return nil }
        let v = 1 / (1 + i)
        let pvBase = presentValue(base, discount: i)
        guard pvBase > 0 else { return nil }
        let pvSpending = presentValue(spending, discount: i)
        return (pvSpending + target * PortableMath.pow(v, Double(spending.count)) - f0) / pvBase
    }

    /// Σ_t x_t vᵗ, v = 1/(1+i), flows at the start of years 0, 1, … (discount factors by
    /// repeated multiplication, summed in year order).
    package static func presentValue(_ flows: [Double], discount i: Double) -> Double {
        let v = 1 / (1 + i)
        var factor = 1.0
        var sum = 0.0
        for flow in flows {
            sum += flow * factor
            factor *= v
        }
        return sum
    }

    /// The fund recursion of §1.1 with flows at the start of each year and interest at its end:
    /// F_{t+1} = (F_t + I_t − B_t)(1+i). Returns F_0 … F_T (T = the flows' count; the shorter
    /// list decides).
    package static func fundPath(opening f0: Double, income: [Double], outgo: [Double], interest i: Double) -> [Double] {
        var funds = [f0]
        for (inflow, outflow) in zip(income, outgo) { funds.append((funds[funds.count - 1] + inflow - outflow) * (1 + i)) }
        return funds
    }

    /// The deterministic depletion time t* of §6.4: a fund F_0 paying a yearly deficit
    /// D_t = B_t − I_t = D_0(1+g)ᵗ at the start of each year, earning i at its end. With
    /// q = (1+g)/(1+i): t* = ln(1 − F_0(1−q)/D_0)/ln q, which is F_0/D_0 when q = 1 (i = g, so
    /// also i = g = 0) and −ln(1 − i·F_0/(D_0(1+i)))/ln(1+i) when g = 0. nil when the fund is
    /// never depleted: no deficit (D_0 ≤ 0 with F_0 ≥ 0), or q < 1 and F_0(1 − q) ≥ D_0 (the
    /// discounted deficits never add up to the fund). 0 when the fund is not positive to start with.
    /// The depletion year is ⌊t*⌋ full years paid.
    package static func depletionTime(fund f0: Double, deficit d0: Double, deficitGrowth g: Double, interest i: Double) -> Double? {
        guard d0 > 0 else { return f0 < 0 ? 0 : nil }
        guard f0 > 0 else { return 0 }
        let q = ratio(growth: g, discount: i)
        if q == 1 { return f0 / d0 }
        let inside = 1 - f0 * (1 - q) / d0
        guard inside > 0 else { return nil }
        return PortableMath.log(inside) / PortableMath.log(q)
    }

    /// The reserve in months of spending (可支付月数, §6.5): 12 × reserve ÷ yearly spending, or
    /// `months` × reserve ÷ spending over `months` months (a partial year annualised); nil when
    /// spending is 0.
    package static func reserveMonths(reserve: Double, spending: Double, months: Double = 12) -> Double? {
        spending == 0 ? nil : months * reserve / spending
    }

    /// The pay-as-you-go rate in year t (§6.2): claims per order N_0/O_0 × the award wage base
    /// W_0(1+w)ᵗ × Σ_k c_k [(1+g)/((1+n)(1+w))]ᵏ, `costs[k]` the benefit at duration k per
    /// claim per unit of wage base. With n = w = g = 0 it is the stationary population's
    /// frequency × undiscounted cost per claim.
    package static func payAsYouGoRate(
        claimsPerOrder: Double, wageBase: Double, costs: [Double], orderGrowth n: Double, wageGrowth w: Double, indexation g: Double,
        year t: Int
    ) -> Double {
        let q = (1 + g) / ((1 + n) * (1 + w))
        return claimsPerOrder * wageBase * PortableMath.pow(1 + w, Double(t)) * weightedSum(costs, ratio: q)
    }

    /// The terminal-funding rate in year t (§6.2): N_0/O_0 × W_0(1+w)ᵗ × Σ_k c_k [(1+g)/(1+i)]ᵏ,
    /// the capital value at award of each claim's benefits.
    package static func terminalFundingRate(
        claimsPerOrder: Double, wageBase: Double, costs: [Double], wageGrowth w: Double, indexation g: Double, discount i: Double, year t: Int
    ) -> Double {
        claimsPerOrder * wageBase * PortableMath.pow(1 + w, Double(t)) * weightedSum(costs, ratio: ratio(growth: g, discount: i))
    }

    /// The Aaron–Samuelson condition (§6.2): pay-as-you-go is cheaper than terminal funding for
    /// benefits paid over more than one year exactly when (1+n)(1+w) > 1+i.
    package static func payAsYouGoIsCheaper(orderGrowth n: Double, wageGrowth w: Double, discount i: Double) -> Bool {
        (1 + n) * (1 + w) > 1 + i
    }

    /// Σ_k costs[k]·qᵏ (powers by repeated multiplication, summed in k order).
    static func weightedSum(_ costs: [Double], ratio q: Double) -> Double {
        var factor = 1.0
        var sum = 0.0
        for cost in costs {
            sum += cost * factor
            factor *= q
        }
        return sum
    }
}
