import Foundation
import Testing

@testable import InjurySimCore

/// The growth of a sector's workers or orders (`GrowthPath`): without a ceiling exactly the
/// (1 + g)^t orders always grew by; with one, the logistic K / (1 + (K − 1)e^(−rt)) that starts at
/// 1, starts growing at ln(1 + g) a year and tends to K (to 0 when g < 0).
@Suite struct GrowthPathTests {
    struct Case: Sendable, CustomStringConvertible {
        var years: Double
        var growth: Double
        var saturation: Double
        var expected: Double
        var description: String { "t \(years), g \(growth), K \(saturation)" }
    }

    /// Values worked by hand: r = ln(1 + g)·K/(K − 1); K = 2, g = 0.1: r = 2 ln 1.1 = 0.190620,
    /// m(1) = 2 / (1 + e^(−0.190620)) = 2 / 1.826446 = 1.095023; m(10) = 2 / (1 + 1.1^(−20)) =
    /// 1.740683. K = 3, g = 0.5: r = 1.5 ln 1.5 = 0.608198; m(2) = 3 / (1 + 2·1.5^(−3)) = 3 / 1.592593
    /// = 1.883721. K = 2, g = −0.1: r = 2 ln 0.9; m(1) = 2 / (1 + 0.9^(−2)) = 2 / 2.234568 = 0.895028.
    @Test(arguments: [
        Case(years: 0, growth: 0.1, saturation: 2, expected: 1),
        Case(years: 1, growth: 0.1, saturation: 2, expected: 2 / (1 + pow(1.1, -2))),
        Case(years: 10, growth: 0.1, saturation: 2, expected: 2 / (1 + pow(1.1, -20))),
        Case(years: 2, growth: 0.5, saturation: 3, expected: 3 / (1 + 2 * pow(1.5, -3))),
        Case(years: 1, growth: -0.1, saturation: 2, expected: 2 / (1 + pow(0.9, -2))),
        Case(years: 500, growth: 0.1, saturation: 2, expected: 2),
        Case(years: 500, growth: -0.1, saturation: 2, expected: 0),
        Case(years: 7, growth: 0, saturation: 4, expected: 1),
        Case(years: 7, growth: 0.2, saturation: 1, expected: pow(1.2, 7)),
        Case(years: 1.5, growth: -0.3, saturation: 1, expected: pow(0.7, 1.5))
    ])
    func thePathAgainstHandWorkedValues(c: Case) {
        let m = GrowthPath.multiple(years: c.years, growthPerYear: c.growth, saturation: c.saturation)
        #expect(abs(m - c.expected) < 1e-9 * max(1, c.expected), "\(m) vs \(c.expected)")
    }

    /// Without a ceiling the path is bit for bit the expression orders always grew by, so a
    /// scenario without the new inputs draws and runs as before; no growth is exactly 1.
    @Test(arguments: [0.0, 0.05, -0.2, 1.5])
    func withoutACeilingThePathIsTheOldExpressionBitForBit(growth: Double) {
        for month in 0..<240 {
            let t = Double(month) / 12
            #expect(GrowthPath.multiple(years: t, growthPerYear: growth, saturation: 1) == PortableMath.pow(1 + growth, t))
        }
        #expect(GrowthPath.multiple(years: 3.25, growthPerYear: 0, saturation: 1) == 1)
        #expect(GrowthPath.multiple(years: 3.25, growthPerYear: 0, saturation: 5) == 1)
    }

    /// The logistic starts growing at the exponential's rate (a central difference at t = 0
    /// against ln(1 + g)), never passes it nor the ceiling, and rises monotonically.
    @Test(arguments: [(0.05, 1.5), (0.2, 3.0), (0.8, 10.0)])
    func theLogisticStartsAtTheInputsRateAndStaysBelowBothBounds(growth: Double, saturation: Double) {
        let h = 1e-5
        let slope = (GrowthPath.multiple(years: h, growthPerYear: growth, saturation: saturation) - 1) / h
        #expect(abs(slope - log(1 + growth)) < 1e-3 * log(1 + growth))
        var previous = 1.0
        for month in 1...600 {
            let t = Double(month) / 12
            let m = GrowthPath.multiple(years: t, growthPerYear: growth, saturation: saturation)
            #expect(m > previous && m < saturation && m <= pow(1 + growth, t) * (1 + 1e-12))
            previous = m
        }
    }
}
