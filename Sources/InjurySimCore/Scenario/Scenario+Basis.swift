extension Scenario {
    /// The economic basis: one set of economic assumptions that every figure of a run reads —
    /// what the fund's cash earns, the rate its liabilities, capital values, break-even costs and
    /// IBNR are discounted at, how wages, medical costs and benefits in payment grow, and how
    /// mortality improves (financing reference §3–§5).
    package struct Basis: Sendable {
        /// What allowances (grades 1–6) and dependants' pensions are adjusted by each year.
        package enum AllowanceIndexation: String, Sendable, CaseIterable {
            /// Average wage growth (the province's).
            case wage
            /// The yearly increase of basic pensions (`pensionIncreasePerYear`), which provinces
            /// follow with flat amounts in practice (financing reference §3).
            case pension
        }

        /// Return on the fund's positive cash, compounded monthly.
        package var investmentReturnPerYear: Param
        /// A stated discount rate; nil: the replication's drawn return plus `discountMarginPerYear`.
        package var discountRatePerYear: Double?
        package var discountMarginPerYear: Double
        /// Average wage growth: the benefit wage base by calendar year and care allowances.
        package var wageGrowthPerYear: Param
        /// Growth of medical costs, compounded monthly from the chain's first month.
        package var medicalInflationPerYear: Param
        package var allowanceIndexation: AllowanceIndexation
        /// The yearly increase of basic pensions: the pension that replaces a grade 1–4
        /// allowance after retirement, and allowances when `allowanceIndexation` is `pension`.
        package var pensionIncreasePerYear: Param
        /// Whole years an allowance or pension stays at its award level before its first adjustment.
        package var indexationLagYears: Int
        /// The highest yearly adjustment of allowances and pensions (nil: none).
        package var indexationCapPerYear: Double?
        /// Yearly reduction of every hazard of the life table, by calendar year.
        package var mortalityImprovementPerYear: Param
        /// The calendar year the life table describes (improvement counts from it).
        package var mortalityTableYear: Int

        package init(
            investmentReturnPerYear: Param, discountRatePerYear: Double?, discountMarginPerYear: Double, wageGrowthPerYear: Param,
            medicalInflationPerYear: Param, allowanceIndexation: AllowanceIndexation, pensionIncreasePerYear: Param,
            indexationLagYears: Int, indexationCapPerYear: Double?, mortalityImprovementPerYear: Param, mortalityTableYear: Int
        ) {
            self.investmentReturnPerYear = investmentReturnPerYear
            self.discountRatePerYear = discountRatePerYear
            self.discountMarginPerYear = discountMarginPerYear
            self.wageGrowthPerYear = wageGrowthPerYear
            self.medicalInflationPerYear = medicalInflationPerYear
            self.allowanceIndexation = allowanceIndexation
            self.pensionIncreasePerYear = pensionIncreasePerYear
            self.indexationLagYears = indexationLagYears
            self.indexationCapPerYear = indexationCapPerYear
            self.mortalityImprovementPerYear = mortalityImprovementPerYear
            self.mortalityTableYear = mortalityTableYear
        }

        /// Nothing grows, earns, improves or is discounted: the basis of a scenario built in code
        /// (``Scenario/neutral(name:seed:workers:months:replications:claimsPerMillion:ratePerOrderYuan:sectorName:provinceName:)``
        /// and the tests), which set what they are about. A scenario file's defaults are the
        /// decoder's (Scenarios/README.md, `basis`).
        package static let neutral = Basis(
            investmentReturnPerYear: .fixed(0), discountRatePerYear: nil, discountMarginPerYear: 0, wageGrowthPerYear: .fixed(0),
            medicalInflationPerYear: .fixed(0), allowanceIndexation: .wage, pensionIncreasePerYear: .fixed(0), indexationLagYears: 0,
            indexationCapPerYear: nil, mortalityImprovementPerYear: .fixed(0), mortalityTableYear: 2020)

        /// The yearly adjustment of allowances and dependants' pensions for a wage growth and a
        /// pension increase: the rule's rate, at most the cap.
        package func allowanceRate(wageGrowth: Double, pensionIncrease: Double) -> Double {
            let rate = allowanceIndexation == .wage ? wageGrowth : pensionIncrease
            guard let cap = indexationCapPerYear else { return rate }
            return min(rate, cap)
        }

        /// The discount rate for an investment return.
        package func discountRate(investmentReturn: Double) -> Double {
            discountRatePerYear ?? investmentReturn + discountMarginPerYear
        }
    }
}
