import InjurySimAnalysis

extension Figure.Unit {
    /// How the report writes a value of this unit (``PolicyReport/text(_:kind:)``, `HTMLPage.figureCell`).
    var reportKind: String {
        switch self {
        case .yuan: return "money"
        case .share: return "percent"
        case .ratio: return "ratio"
        case .count: return "count"
        case .yuanPerOrder: return "rate"
        }
    }
}
