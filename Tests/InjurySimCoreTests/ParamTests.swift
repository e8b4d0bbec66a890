import Testing

@testable import InjurySimCore

@Suite struct ParamTests {
    @Test(arguments: [
        (Param.Shape.fixed(3), 3.0),
        (.uniform(low: 1, high: 3), 2.0),
        (.triangular(low: 1, mode: 2.5, high: 3), 2.5),
        (.normal(mean: 4, sd: 1), 4.0),
        (.lognormal(median: 5, sigma: 0.3), 5.0),
        (.choice(values: [1, 2], weights: [3, 1]), 1.25)
    ])
    func centralValue(shape: Param.Shape, expected: Double) {
        #expect(abs(Param(shape).central - expected) < 1e-12)
    }

    @Test func drawsStayInTheirSupportAndBounds() {
        let uniform = Param(.uniform(low: 1, high: 3))
        let normal = Param(.normal(mean: 0.5, sd: 10), bounds: 0...1)
        let triangular = Param(.triangular(low: 1, mode: 2, high: 6))
        var sum = 0.0
        let n = 20_000
        for i in 0..<n {
            let key = StreamKey(seed: 8).child(UInt64(i))
            #expect((1...3).contains(uniform.draw(key)))
            #expect((0...1).contains(normal.draw(key)))
            let t = triangular.draw(key)
            #expect((1...6).contains(t))
            sum += t
        }
        // Triangular mean (1 + 2 + 6) / 3 = 3; sd = sqrt((1+4+36-2-6-12)/18) ≈ 1.08.
        #expect(abs(sum / Double(n) - 3) < 5 * 1.08 / Double(n).squareRoot())
    }

    @Test func choiceDrawsOnlyListedValues() {
        let choice = Param(.choice(values: [0.5, 1.5], weights: [1, 1]))
        for i in 0..<200 { #expect([0.5, 1.5].contains(choice.draw(StreamKey(seed: 2).child(UInt64(i))))) }
    }
}
