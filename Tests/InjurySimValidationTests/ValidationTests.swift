import Foundation
import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimScenario
@testable import InjurySimValidation

/// The model checks of docs/VALIDATION.md. The engine-sized checks and the pilot calibration run
/// in release (`.ci/run` calls `injurysim validate-model --check`, minutes in debug); here the
/// pure checks run, the committed report's outline is read, and the outline rule is tested on
/// reports that should be refused.
@Suite struct ValidationTests {
    static func committed() throws -> String {
        try String(contentsOf: TestScenarios.root.appendingPathComponent("docs/VALIDATION.md"), encoding: .utf8)
    }

    @Test func theCommittedReportListsEveryCheckAndEveryCheckPassed() throws {
        let outline = ValidationOutline(parsing: try Self.committed())
        #expect(outline.checks.map(\.name) == ModelValidation.checkNames)
        #expect(outline.checks.allSatisfy { $0.passed })
        #expect(outline.calibration.map(\.name) == ["insuredPersons", "recognisedInjuries", "benefitsPaidYuan"])
        #expect(outline.calibration.allSatisfy { $0.passed })
        #expect(outline.problems(comparedWith: outline).isEmpty)
    }

    /// The calibrated pilot's median is within 15% of each published figure, not just inside a
    /// wide interval (read from the committed report's calibration table).
    @Test func theCalibrationMediansAreCloseToThePublishedFigures() throws {
        let text = try Self.committed()
        let table = text[text.range(of: "## Calibration to the pilot")!.upperBound...]
        var rows = 0
        for line in table.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| figure") {
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            guard cells.count == 6, let published = Double(cells[2]), let median = Double(cells[3]) else { continue }
            rows += 1
            #expect(abs(median / published - 1) < 0.15, "\(cells[0]): median \(median), published \(published)")
        }
        #expect(rows == 3)
    }

    /// A fresh run's outline against the committed one: what `validate-model --check` refuses.
    @Test(arguments: [
        (
            "| Continuity of the shipped chain |", "| Continuity of the shipped chain |", "yes |\n\nSetups", "**NO** |\n\nSetups",
            "the check 'Continuity of the shipped chain' fails"
        ),
        ("| IBNR reserve |", "| IBNR reserves |", "", "", "docs/VALIDATION.md lists the checks"),
        ("| benefitsPaidYuan |", "| benefitsPaidYuan |", "| yes |\n\n###", "| no |\n\n###", "the published benefitsPaidYuan lies outside"),
        ("| Expected claim counts |", "| Expected claim count |", "", "", "docs/VALIDATION.md lists the checks")
    ])
    func aFreshRunThatDiffersIsRefused(find: String, replace: String, findVerdict: String, replaceVerdict: String, problem: String) throws {
        let committed = try Self.committed()
        var fresh = committed.replacingOccurrences(of: find, with: replace)
        if !findVerdict.isEmpty {
            #expect(fresh.contains(findVerdict))
            fresh = fresh.replacingOccurrences(of: findVerdict, with: replaceVerdict)
        }
        #expect(fresh != committed)
        let problems = ValidationOutline(parsing: committed).problems(comparedWith: ValidationOutline(parsing: fresh))
        #expect(problems.contains { $0.hasPrefix(problem) }, "\(problems)")
    }

    @Test func aReportThatRecordsAFailureIsRefusedEvenIfTheRunPasses() throws {
        let committed = try Self.committed()
        let recordedFailure = committed.replacingOccurrences(of: "| 4 SE | yes |", with: "| 4 SE | **NO** |")
        #expect(recordedFailure != committed)
        let problems = ValidationOutline(parsing: recordedFailure).problems(comparedWith: ValidationOutline(parsing: committed))
        #expect(problems.contains { $0.contains("records the check") })
    }

    @Test func annuityPresentValuesAndRateFloat() {
        for check in ModelValidation.annuityPresentValues() + [ModelValidation.rateFloat()] {
            #expect(check.passed, "\(check.name): \(check.expected) vs \(check.simulated)")
        }
    }

    /// The financing checks that need no engine run pass (the engine-sized PAYG check runs in
    /// `validate-model`, release build).
    @Test func financingChecksOnHandBuiltPaths() {
        for check in [
            ModelValidation.terminalFunding(), ModelValidation.generalAveragePremium(), ModelValidation.depletionYear(),
            ModelValidation.aaronSamuelson()
        ] {
            #expect(check.passed, "\(check.name): \(check.expected) vs \(check.simulated)")
        }
    }
}
