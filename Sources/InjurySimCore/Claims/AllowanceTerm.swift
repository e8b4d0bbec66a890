/// How long the fund pays a grade 1–4 disability allowance (`benefits.grade1to4Allowance`): the
/// assumption the verdict rests on most (about ¥5.5 M a case for life, some 43% of food-delivery
/// claims' ultimate cost), named so that a scenario states it and a comparison can vary it.
///
/// - **life** (the Regulations, Art. 35): the allowance until retirement, then the fund tops the
///   basic pension up to the allowance for life.
/// - **toRetirement**: the allowance until the retirement age, then nothing from the fund (the
///   pension alone, no top-up).
/// - **years(n)**: what the Regulations pay (the allowance, after retirement the top-up), for n
///   years from the first payment, then nothing.
///
/// Care allowances are paid for life under every term.
package enum AllowanceTerm: Sendable, Equatable {
    case life
    case toRetirement
    case years(Double)

    /// The text a scenario file writes: `"life"`, `"toRetirement"`, `{"years": 20}`.
    package var notation: String {
        switch self {
        case .life: return "life"
        case .toRetirement: return "toRetirement"
        case .years(let n): return "years: " + (n == n.rounded() ? String(Int(n)) : String(n))
        }
    }
}
