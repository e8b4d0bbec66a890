import Foundation
import Testing
@testable import InjurySimIO
@testable import InjurySimValidation

/// The model checks and the pilot calibration of docs/VALIDATION.md. Each check runs the real
/// engine against a value computed another way, with the tolerance it states; the committed
/// report must be exactly what `injurysim validate-model` writes today.
@Suite struct ValidationTests {
    @Test func checksPassCalibrationHoldsAndReportIsCurrent() async throws {
        let checks = await ModelValidation.checks(threads: 2)
        #expect(checks.count == 11)
        let names = Set(checks.map(\.name))
        #expect(names.isSuperset(of: ["IBNR reserve", "Grade 1 allowance PV, constant hazard", "Parent's pension PV, life table",
                                      "Life expectancy of the shipped table"]))
        for check in checks {
            #expect(check.passed, "\(check.name): expected \(check.expected), simulated \(check.simulated), tolerance \(check.tolerance)")
        }
        let settings = ModelValidation.CalibrationRun()
        let pilot = TestScenarios.root.appendingPathComponent("Scenarios/pilot-2022.json").path
        let calibration = try await ModelValidation.calibration(scenarioPath: pilot, settings: settings, threads: 2)
        #expect(Set(calibration.map(\.figure)) == ["insuredPersons", "recognisedInjuries", "benefitsPaidYuan"])
        for figure in calibration {
            #expect(figure.isWithinInterval, "\(figure.figure): published \(figure.published), simulated \(figure.simulated)")
            // The median is within 15% of the published figure, not just inside a wide interval.
            #expect(abs(figure.simulated.p50 / figure.published - 1) < 0.15, "\(figure.figure) median \(figure.simulated.p50)")
        }
        let report = ModelValidation.report(checks: checks, calibration: calibration, settings: settings)
        let committed = try String(contentsOf: TestScenarios.root.appendingPathComponent("docs/VALIDATION.md"), encoding: .utf8)
        #expect(report == committed, "docs/VALIDATION.md is out of date: run swift run -c release injurysim validate-model")
    }

    @Test func annuityPresentValuesAndRateFloat() {
        for check in ModelValidation.annuityPresentValues() + [ModelValidation.rateFloat()] {
            #expect(check.passed, "\(check.name): \(check.expected) vs \(check.simulated)")
        }
    }
}
