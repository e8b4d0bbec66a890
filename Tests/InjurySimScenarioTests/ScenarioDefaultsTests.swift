import Foundation
import Testing

@testable import InjurySimCore
@testable import InjurySimScenario

/// A scenario built in code samples as a file that leaves the field out.
@Suite struct ScenarioDefaultsTests {
    @Test func theMinimumSampledWorkersDefaultIsTheFilesAndTheCodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let file = try ScenarioLoader.load(path: root.appendingPathComponent("BadScenarios/bases/good.jsonc").path).scenario
        let code = Scenario(
            name: file.name, description: "", startMonth: file.startMonth, months: file.months, seed: file.seed, replications: 1,
            sampleFraction: 1, uncertainty: false, shardSize: file.shardSize, pooling: file.pooling, sectors: file.sectors,
            provinces: file.provinces, platforms: file.platforms, risk: file.risk, benefits: file.benefits, fund: file.fund,
            rateFloat: file.rateFloat, rollout: file.rollout, shocks: [])
        #expect(file.minimumSampledWorkersPerPool == 5000)
        #expect(code.minimumSampledWorkersPerPool == file.minimumSampledWorkersPerPool)
    }
}
