import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// A severity shock multiplies the weights of every severity above medical-only, then the table
/// is renormalised: P(medical-only) = w₀ / (w₀ + m (1 − w₀)) and the graver outcomes keep their
/// proportions to each other. (Scaling medical-only too would cancel in the renormalisation.)
@Suite struct SeverityShockTests {
    static func scenario(multiplier: Double) -> Scenario {
        var s = TinyScenario.make()
        var weights = [Param](repeating: .fixed(0), count: Severity.allCases.count)
        weights[Severity.medicalOnly.rawValue] = .fixed(0.8)
        weights[Severity.grade10.rawValue] = .fixed(0.15)
        weights[Severity.death.rawValue] = .fixed(0.05)
        s.sectors[0].severity = weights
        var shock = TinyScenario.shock("severe", start: YearMonth(year: 2024, month: 2), months: 1)
        shock.severity = .fixed(multiplier)
        s.shocks = [shock]
        return s
    }

    /// Probabilities by severity from a cumulative table.
    static func probabilities(_ cumulative: [Double]) -> [Double] {
        cumulative.enumerated().map { $0.element - ($0.offset == 0 ? 0 : cumulative[$0.offset - 1]) }
    }

    @Test(arguments: [2.0, 0.5, 1.0, 10.0])
    func severityShockScalesOnlyTheGraverOutcomes(multiplier: Double) {
        let s = Self.scenario(multiplier: multiplier)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let before = Self.probabilities(coordinator.monthContexts(inputs: inputs, month: 0)[0][0].severityCumulative)
        let during = Self.probabilities(coordinator.monthContexts(inputs: inputs, month: 1)[0][0].severityCumulative)
        let after = Self.probabilities(coordinator.monthContexts(inputs: inputs, month: 2)[0][0].severityCumulative)
        let total = 0.8 + multiplier * 0.2
        #expect(abs(before[Severity.medicalOnly.rawValue] - 0.8) < 1e-12)
        #expect(abs(after[Severity.medicalOnly.rawValue] - 0.8) < 1e-12)
        #expect(abs(during[Severity.medicalOnly.rawValue] - 0.8 / total) < 1e-12)
        #expect(abs(during[Severity.grade10.rawValue] - 0.15 * multiplier / total) < 1e-12)
        #expect(abs(during[Severity.death.rawValue] - 0.05 * multiplier / total) < 1e-12)
        #expect(abs(during.reduce(0, +) - 1) < 1e-12)
    }
}
