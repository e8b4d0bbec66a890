import InjurySimCore
import Testing

@testable import InjurySimAnalysis

/// Reweighting to other distributions: the likelihood ratio of each draw, the refusals, and the
/// densities the ratios are made of.
@Suite struct WhatIfTests {
    static func worlds(_ draws: [Double]) -> [EvidenceWorld] {
        draws.map {
            EvidenceWorld(
                ruined: $0 < 0.3, insolvent: $0 > 0.5, reserveTargetMissed: false, capitalShort: false, breakEvenRate: $0, counterparts: [],
                draws: [$0])
        }
    }

    static func input(_ shape: Param.Shape) -> [Scenario.UncertainInput] { [Scenario.UncertainInput(path: "x", param: Param(shape))] }

    static let uniformDraws = (0..<4_000).map { StreamKey(seed: 1).uniform(UInt64($0)) }

    @Test func reweightingToThePriorItselfChangesNothing() throws {
        let prior = Self.input(.uniform(low: 0, high: 1))
        let (logWeights, changed) = try WhatIf.logWeights(prior: prior, target: prior, worlds: Self.worlds(Self.uniformDraws))
        #expect(changed.isEmpty && logWeights.allSatisfy { $0 == 0 })
        let weights = ImportanceWeights(logWeights: logWeights)
        #expect(weights == ImportanceWeights(equal: Self.uniformDraws.count))
        let worlds = Self.worlds(Self.uniformDraws)
        #expect(Evidence.Figures(worlds, weights) == Evidence.Figures(worlds, ImportanceWeights(equal: worlds.count)))
    }

    /// U(0, 1) → U(0, 0.5): every world below 0.5 weighs the same, every other nothing.
    @Test func narrowingAUniform() throws {
        let worlds = Self.worlds(Self.uniformDraws)
        let (logWeights, changed) = try WhatIf.logWeights(
            prior: Self.input(.uniform(low: 0, high: 1)), target: Self.input(.uniform(low: 0, high: 0.5)), worlds: worlds)
        #expect(changed == ["x"])
        let weights = ImportanceWeights(logWeights: logWeights)
        let kept = Self.uniformDraws.filter { $0 <= 0.5 }.count
        #expect(abs(weights.effectiveSampleSize - Double(kept)) < 1e-6)
        #expect(weights.share(worlds.map(\.insolvent)).share == 0)
        // P(x < 0.3 | x ≤ 0.5) = 0.6
        #expect(abs(weights.share(worlds.map(\.ruined)).share - 0.6) < 0.04)
    }

    /// U(0, 1) → Tri(0, 1, 1) (density 2x): the weighted mean is E[x] = 2/3.
    @Test func tiltingAUniform() throws {
        let worlds = Self.worlds(Self.uniformDraws)
        let (logWeights, _) = try WhatIf.logWeights(
            prior: Self.input(.uniform(low: 0, high: 1)), target: Self.input(.triangular(low: 0, mode: 1, high: 1)), worlds: worlds)
        let spread = ImportanceWeights(logWeights: logWeights).spread(Self.uniformDraws)
        #expect(abs(spread.mean - 2.0 / 3) < 0.01)
        #expect(abs(spread.p50 - 0.5.squareRoot()) < 0.02)
    }

    /// N(0, 1) → N(0.5, 1): each world weighs q(x)/p(x) = e^(x/2 − 1/8); the weighted mean is 0.5
    /// (a weight of q(x) alone would give 0.25, the mean of the product of the two densities).
    @Test func shiftingANormal() throws {
        let draws = (0..<20_000).map { Sample.inverseNormalCDF(StreamKey(seed: 2).uniform(UInt64($0))) }
        let (logWeights, _) = try WhatIf.logWeights(
            prior: Self.input(.normal(mean: 0, sd: 1)), target: Self.input(.normal(mean: 0.5, sd: 1)), worlds: Self.worlds(draws))
        for (x, logWeight) in zip(draws.prefix(50), logWeights) { #expect(abs(logWeight - (x / 2 - 0.125)) < 1e-9) }
        let weights = ImportanceWeights(logWeights: logWeights)
        #expect(abs(weights.spread(draws).mean - 0.5) < 4 / weights.effectiveSampleSize.squareRoot())
    }

    /// (run's, what-if's, the refusal)
    static let refusalCases: [(Param.Shape, Param.Shape, WhatIfError)] = [
        (.uniform(low: 0, high: 1), .fixed(0.5), .fixed(path: "x")),
        (.uniform(low: 0, high: 1), .uniform(low: 0.5, high: 1.5), .outsideSupport(path: "x", run: "U(0, 1)", whatIf: "U(0.5, 1.5)")),
        (.uniform(low: 0, high: 1), .normal(mean: 0.5, sd: 0.1), .outsideSupport(path: "x", run: "U(0, 1)", whatIf: "N(0.5, sd 0.1)")),
        (
            .lognormal(median: 1, sigma: 0.5), .normal(mean: 1, sd: 0.1),
            .outsideSupport(path: "x", run: "LogN(median 1, σ 0.5)", whatIf: "N(1, sd 0.1)")
        ),
        (
            .choice(values: [1, 2], weights: [1, 1]), .choice(values: [2, 3], weights: [1, 1]),
            .outsideSupport(path: "x", run: "choice of 1 (50%), 2 (50%)", whatIf: "choice of 2 (50%), 3 (50%)")
        ),
        (.choice(values: [1, 2], weights: [1, 1]), .uniform(low: 1, high: 2), .kind(path: "x"))
    ]

    @Test(arguments: refusalCases) func refusals(run: Param.Shape, whatIf: Param.Shape, error: WhatIfError) {
        #expect(throws: error) { try WhatIf.logWeights(prior: Self.input(run), target: Self.input(whatIf), worlds: Self.worlds([1, 1.5])) }
    }

    @Test func aNewlyUncertainInputIsRefused() {
        let target = Self.input(.uniform(low: 0, high: 1)) + [Scenario.UncertainInput(path: "y", param: Param(.uniform(low: 0, high: 1)))]
        #expect(throws: WhatIfError.notDrawn(path: "y")) {
            try WhatIf.logWeights(prior: Self.input(.uniform(low: 0, high: 1)), target: target, worlds: Self.worlds([0.5]))
        }
    }

    /// Each shape's density integrates to 1 over its support (midpoint rule), and a choice's
    /// masses are its weights.
    @Test(arguments: [
        Param.Shape.uniform(low: 2, high: 5), .triangular(low: 0, mode: 1, high: 4), .triangular(low: 0, mode: 0, high: 1),
        .normal(mean: 3, sd: 0.5), .lognormal(median: 2, sigma: 0.4)
    ])
    func densitiesIntegrateToOne(shape: Param.Shape) {
        let param = Param(shape)
        let (low, high) = (-5.0, 20.0)
        let steps = 200_000
        let h = (high - low) / Double(steps)
        let integral = (0..<steps).reduce(0.0) { sum, i in
            let x = low + (Double(i) + 0.5) * h
            return sum + (param.logDensity(x).map { $0.isFinite ? PortableMath.exp($0) : 0 } ?? 0) * h
        }
        #expect(abs(integral - 1) < 1e-3, "\(shape): \(integral)")
    }

    @Test func choiceMassesAndFixedValues() {
        let choice = Param(.choice(values: [1, 2, 3], weights: [1, 1, 2]))
        #expect(abs(PortableMath.exp(choice.logDensity(3)!) - 0.5) < 1e-12)
        #expect(choice.logDensity(4) == -.infinity)
        #expect(Param.fixed(1).logDensity(1) == nil)
    }
}
