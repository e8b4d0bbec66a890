import InjurySimCore
import InjurySimTestSupport
import Testing

@testable import InjurySimEngine

/// A pool simulated on a sample starts with its initial balance × the pool's sample fraction, so
/// that once its figures are scaled back by 1 / fraction the books show the full balance. The
/// pool's fraction is `sampleFraction`, raised for small pools by `minimumSampledWorkersPerPool`.
@Suite struct InitialBalanceScalingTests {
    struct Case: Sendable, CustomStringConvertible {
        var sampleFraction: Double
        var minimumSampledWorkers: Int
        var poolFraction: Double
        var description: String { "fraction \(sampleFraction), minimum \(minimumSampledWorkers)" }
    }

    static let cases = [
        Case(sampleFraction: 1, minimumSampledWorkers: 0, poolFraction: 1),
        Case(sampleFraction: 0.5, minimumSampledWorkers: 0, poolFraction: 0.5),
        Case(sampleFraction: 0.25, minimumSampledWorkers: 0, poolFraction: 0.25),
        Case(sampleFraction: 0.1, minimumSampledWorkers: 0, poolFraction: 0.1),
        Case(sampleFraction: 0.1, minimumSampledWorkers: 100, poolFraction: 0.5)
    ]

    @Test(arguments: cases)
    func theInitialBalanceIsSampledAndScaledBackWithThePool(c: Case) async {
        var scenario = TinyScenario.make(workers: 200, months: 2, claimsPerMillion: 0, ratePerOrderYuan: 0)
        scenario.provinces[0].initialBalanceYuan = 1_234_567.89
        scenario.sampleFraction = c.sampleFraction
        scenario.minimumSampledWorkersPerPool = c.minimumSampledWorkers
        #expect(abs(scenario.poolSampleFractions[0] - c.poolFraction) < 1e-12)
        let result = await ReplicationCoordinator(scenario: scenario).run(replication: 0)
        // Rounding the sampled balance to a fen, then scaling, moves it by at most ½ / fraction + ½ fen.
        let tolerance = 0.5 / c.poolFraction + 0.5
        for month in 0..<2 {
            for pool in 0...1 {
                for metric in [Metric.cash, .netPosition] {
                    let value = Double(result.value(month: month, pool: pool, metric: metric))
                    #expect(abs(value - 123_456_789) <= tolerance, "\(metric) month \(month) pool \(pool): \(value)")
                }
            }
        }
    }
}
