import Foundation
import InjurySimCore
import Testing

@testable import InjurySimScenario

/// Whole-scenario checks: shares that count every worker once, what falls outside the horizon,
/// money that would outgrow the counters, and inputs that would make NaN.
@Suite struct ScenarioChecksTests {
    /// The validation tests' minimal scenario with a second food platform "q".
    static let twoPlatforms = ScenarioValidationTests.minimal.replacingOccurrences(
        of: "\"platforms\": {\"p\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07}}",
        with: "\"platforms\": {\"p\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07}, \"q\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07}}")

    static func decode(_ text: String) -> Result<Scenario, ScenarioError> {
        do throws(ScenarioError) { return .success(try ScenarioLoader.decode(bytes: Array(text.utf8))) } catch { return .failure(error) }
    }

    static func messages(_ text: String) -> [String] {
        switch decode(text) {
        case .success: return []
        case .failure(let error): return error.issues.map(\.description)
        }
    }

    struct ShareCase: Sendable, CustomTestStringConvertible {
        var name: String
        var platforms: String
        var provinceShares: String
        /// nil when valid; else a phrase of the error.
        var error: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        ShareCase(name: "both open", platforms: "", provinceShares: "", error: nil),
        ShareCase(
            name: "province doubles the sector", platforms: "", provinceShares: #""platformShares": {"p": 1, "q": 1}"#,
            error: "provinces.x.platformShares: the platforms' shares of sector \"food\" sum to 2 (p 1, q 1)"),
        ShareCase(
            name: "province names one, the other keeps its default", platforms: "", provinceShares: #""platformShares": {"p": 0.3}"#,
            error: "sum to 0.8 (p 0.3, q 0.5)"),
        ShareCase(name: "province names both", platforms: "", provinceShares: #""platformShares": {"p": 0.3, "q": 0.7}"#, error: nil),
        ShareCase(name: "platform shares below 1", platforms: #", "shareOfSector": 0.6"#, provinceShares: "", error: "sum to 0.6 (p 0.6, q 0)")
    ])
    func platformSharesMustCountEveryWorkerOnce(_ c: ShareCase) {
        var text = Self.twoPlatforms
        if !c.platforms.isEmpty {
            text = text.replacingOccurrences(
                of: "\"p\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07}",
                with: "\"p\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07" + c.platforms + "}")
            text = text.replacingOccurrences(
                of: "\"q\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07}",
                with: "\"q\": {\"sector\": \"food\", \"ratePerOrderYuan\": 0.07, \"shareOfSector\": 0}")
        }
        if !c.provinceShares.isEmpty {
            text = text.replacingOccurrences(of: "\"workers\": {\"food\": 100}", with: "\"workers\": {\"food\": 100}, " + c.provinceShares)
        }
        let found = Self.messages(text)
        if let error = c.error {
            #expect(found.contains { $0.contains(error) }, "\(found)")
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    @Test func choiceWeightsThatOverflowAreRefused() {
        let text = ScenarioValidationTests.variant(
            "\"claimsPerMillionOrders\": 2", #""claimsPerMillionOrders": {"choice": [[1, 1e308], [2, 1e308]]}"#)
        #expect(Self.messages(text).contains { $0.contains("weights must add up to a finite number") })
    }

    struct HorizonCase: Sendable, CustomTestStringConvertible {
        var name: String
        var extra: String
        var error: String?
        var warning: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        HorizonCase(
            name: "shock after the horizon", extra: #""shocks": [{"name": "late", "startMonth": "2025-03", "months": 2, "claimFrequency": 2}]"#,
            error: nil, warning: "shocks[0] \"late\": starts 2025-03, after the horizon 2024-01 … 2024-12; it has no effect in this run"),
        HorizonCase(
            name: "shock in the last month", extra: #""shocks": [{"name": "edge", "startMonth": "2024-12", "months": 2, "claimFrequency": 2}]"#,
            error: nil, warning: nil),
        HorizonCase(
            name: "one phase after the horizon", extra: #""rollout": [{"startMonth": "2024-01"}, {"startMonth": "2025-01"}]"#,
            error: nil, warning: "rollout[1]: starts 2025-01, after the horizon"),
        HorizonCase(
            name: "every phase after the horizon", extra: #""rollout": [{"startMonth": "2025-01"}]"#,
            error: "rollout: no phase starts within the horizon 2024-01 … 2024-12, so nobody would be insured", warning: nil),
        HorizonCase(
            name: "nobody takes up", extra: #""rollout": [{"startMonth": "2024-01", "takeUp": 0}]"#,
            error: "every phase has takeUp 0", warning: nil)
    ])
    func whatFallsOutsideTheHorizon(_ c: HorizonCase) {
        let text = ScenarioValidationTests.variant("\"months\": 12", "\"months\": 12, " + c.extra)
        switch Self.decode(text) {
        case .success(let scenario):
            #expect(c.error == nil, "decoded, expected \(c.error ?? "")")
            if let warning = c.warning {
                #expect(scenario.warnings.count == 1 && scenario.warnings[0].contains(warning), "\(scenario.warnings)")
                // The model runs such a scenario without trapping: the late shock marks no month.
                let inputs = ReplicationInputs(scenario: scenario, replication: 0)
                #expect(inputs.shocks.allSatisfy { !$0.active.contains(true) } || c.name.contains("phase"))
            } else {
                #expect(scenario.warnings.isEmpty)
            }
        case .failure(let error):
            guard let expected = c.error else { Issue.record("refused: \(error)"); return }
            #expect(error.issues.contains { $0.description.contains(expected) }, "\(error)")
        }
    }

    struct GrowthCase: Sendable, CustomTestStringConvertible {
        var name: String
        var settings: [String]
        var refused: Bool
        var testDescription: String { name }
    }

    /// The cases of the reliability review that overflowed Int64 fen, and their neighbours that
    /// must still run. Growth that makes a single month too large is refused up front; a large
    /// balance compounding for a century has small months and is left to the run-time check
    /// (`MoneyOverflowTests`), which ends such a run with an error when its cash leaves the range.
    @Test(arguments: [
        GrowthCase(name: "100 years at default growth", settings: ["months=1200"], refused: false),
        GrowthCase(name: "wages +20% a year for 100 years", settings: ["months=1200", "basis.wageGrowthPerYear=0.2"], refused: true),
        GrowthCase(name: "medical inflation 30% for 100 years", settings: ["months=1200", "basis.medicalInflationPerYear=0.3"], refused: true),
        GrowthCase(
            name: "orders +50% a year for 100 years", settings: ["months=1200", "sectors.food-delivery.ordersGrowthPerYear=0.5"], refused: true),
        GrowthCase(
            name: "large balance at 10% for 100 years",
            settings: ["months=1200", "provinces.north.initialBalanceYuan=1e13", "basis.investmentReturnPerYear=0.1"], refused: false),
        GrowthCase(name: "orders +50% a year for 5 years", settings: ["months=60", "sectors.food-delivery.ordersGrowthPerYear=0.5"], refused: false)
    ])
    func growthThatWouldOverflowIsRefusedUpFront(_ c: GrowthCase) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let overrides = try c.settings.map { text throws(ScenarioError) in try ScenarioOverride(parsing: text) }
        do throws(ScenarioError) {
            _ = try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/smoke.json").path, overrides: overrides)
            #expect(!c.refused, "accepted")
        } catch {
            #expect(c.refused, "\(error)")
            #expect(error.issues.contains { $0.path == "months" && $0.message.contains("beyond what the model counts exactly") }, "\(error)")
        }
    }

    @Test func theMoneyBoundGrowsWithEachInput() throws {
        let base = try #require(try? Self.decode(ScenarioValidationTests.minimal).get())
        let bound = MoneyRange.monthBoundFen(base)
        #expect(bound > 0 && bound < MoneyRange.limitFen)
        var growing = base
        growing.basis.wageGrowthPerYear = .fixed(0.5)
        #expect(MoneyRange.monthBoundFen(growing) > bound)
        // A longer horizon raises the month bound through growth (the last month's level) only.
        var longer = growing
        longer.months = 2 * base.months
        #expect(MoneyRange.monthBoundFen(longer) > MoneyRange.monthBoundFen(growing))
        var costly = base
        costly.sectors[0].medicalCostSigma = .fixed(3)
        #expect(MoneyRange.monthBoundFen(costly) > bound)
        var richer = base
        richer.provinces[0].initialBalanceYuan = 1e9
        #expect(MoneyRange.monthBoundFen(richer) >= bound + 1e11)
    }

    @Test func largestDrawOfEachShape() {
        #expect(Param.fixed(3).largest == 3)
        #expect(Param(.uniform(low: 1, high: 4)).largest == 4)
        #expect(Param(.triangular(low: 1, mode: 2, high: 5)).largest == 5)
        #expect(Param(.normal(mean: 1, sd: 2)).largest == 1 + 2 * Param.largestStandardNormal)
        #expect(Param(.normal(mean: 1, sd: 2), bounds: 0...3).largest == 3)
        #expect(Param(.choice(values: [3, 9, 1], weights: [1, 1, 1])).largest == 9)
        #expect(abs(Param(.lognormal(median: 2, sigma: 0.5)).largest - 2 * exp(0.5 * Param.largestStandardNormal)) < 1e-9)
        // No uniform draw gets past the largest value.
        let key = StreamKey(seed: 1)
        let normal = Param(.normal(mean: 0, sd: 1))
        #expect((0..<10_000).allSatisfy { normal.draw(key.child(UInt64($0))) <= normal.largest })
    }
}
