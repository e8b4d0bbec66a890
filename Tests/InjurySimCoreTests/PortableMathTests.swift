import Foundation
import Testing

@testable import InjurySimCore

/// The portable elementary functions agree with the C library to a few units in the last place
/// (the C library is the reference here; the model uses the portable ones for identical bits
/// on every machine).
@Suite struct PortableMathTests {
    static func relativeError(_ a: Double, _ b: Double) -> Double { b == 0 ? abs(a) : abs(a - b) / abs(b) }

    @Test func logMatchesTheCLibrary() {
        var cursor = RandomCursor(key: StreamKey(seed: 17))
        var worst = 0.0
        for _ in 0..<100_000 {
            let x = PortableMath.exp(60 * (cursor.uniform() - 0.5))
            worst = max(worst, Self.relativeError(PortableMath.log(x), Foundation.log(x)))
        }
        for x in [1e-300, Double.leastNonzeroMagnitude, 0.5, 1, 1 + 1e-15, 2, 1.4142135623730951, 1e300] {
            #expect(Self.relativeError(PortableMath.log(x), Foundation.log(x)) < 1e-15 || x == 1, "x=\(x)")
        }
        #expect(PortableMath.log(1) == 0)
        #expect(worst < 1e-15, "worst relative error \(worst)")
    }

    @Test func expPowAndLog1pMatchTheCLibrary() {
        var cursor = RandomCursor(key: StreamKey(seed: 23))
        var worst = 0.0
        for _ in 0..<100_000 {
            let x = 1400 * (cursor.uniform() - 0.5)
            worst = max(worst, Self.relativeError(PortableMath.exp(x), Foundation.exp(x)))
        }
        #expect(worst < 2e-15, "worst relative error \(worst)")
        #expect(PortableMath.exp(0) == 1)
        #expect(Self.relativeError(PortableMath.pow(1.04, 2.5), Foundation.pow(1.04, 2.5)) < 1e-15)
        #expect(Self.relativeError(PortableMath.pow(1.025, -1.0 / 12), Foundation.pow(1.025, -1.0 / 12)) < 1e-15)
        for x in [-0.9, -1e-3, -1e-12, 1e-17, 1e-9, 0.5, 3] {
            #expect(Self.relativeError(PortableMath.log1p(x), Foundation.log1p(x)) < 1e-15, "x=\(x)")
        }
    }

    @Test(arguments: [0.0, 1, 5, 31, 32, 33, 100, 1_000, 1e6])
    func logFactorialMatchesLgamma(n: Double) {
        #expect(abs(PortableMath.logFactorial(n) - Foundation.lgamma(n + 1)) <= 2e-14 * max(1, Foundation.lgamma(n + 1)))
    }
}
