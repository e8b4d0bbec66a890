/// The level of a sector's workers or orders per hour over time, as a multiple of its level at
/// the chain's start. Pure; table-tested (`GrowthPathTests`).
///
/// With a ceiling K > 1 the path is logistic, m(t) = K / (1 + (K − 1)·e^(−r t)), with r chosen so
/// the path starts growing at the input's yearly rate g (m′(0) = ln(1 + g), the same start as
/// (1 + g)^t): r = ln(1 + g)·K / (K − 1). It rises toward K when g > 0 and, when g < 0, falls
/// toward 0 along the mirrored logistic; it never exceeds max(1, K) and never exceeds (1 + g)^t
/// when g > 0. K = 1 means no ceiling: the path is (1 + g)^t, exactly the expression orders per
/// hour always grew by (so g = 0 gives exactly 1).
package enum GrowthPath {
    /// m(t) for `years` t since the chain's start, yearly growth `growth` (g > −1) and ceiling
    /// `saturation` (K ≥ 1; 1: none).
    package static func multiple(years t: Double, growthPerYear g: Double, saturation k: Double) -> Double {
        guard k > 1 else { return PortableMath.pow(1 + g, t) }
        if g == 0 || t == 0 { return 1 }
        let r = PortableMath.log1p(g) * k / (k - 1)
        return k / (1 + (k - 1) * PortableMath.exp(-r * t))
    }
}
